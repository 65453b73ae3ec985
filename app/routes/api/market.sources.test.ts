// The market sources API against the seeded demo: admins list, create, change, delete and run;
// regional leads the same within their own regions (403 for a source they only see, 404 for
// one they cannot); managers read; partners get 403. Bad input is a 422 with fields and changes
// nothing; "test" fetches once (from a local server) and saves nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../../models/auth/users.ts";
import { db } from "../../../models/db/client.ts";
import type { LocalServer } from "../../../test/local-http.ts";
import { demoUser, invoke, jsonRequest, routeContext } from "../../../test/routes.ts";
import { sourceCounts as counts, startListSite, stopListSite } from "../market.sources.test-support.ts";
import * as oneRoute from "./market.source.ts";
import * as testRoute from "./market.source-test.ts";
import * as listRoute from "./market.sources.ts";
import * as runRoute from "./market.sources.run.ts";

let admin: SessionUser;
let lead: SessionUser;
let manager: SessionUser;
let partner: SessionUser;
let site: LocalServer;
let origin: string;

const get = (url: string) => new Request(`http://localhost${url}`);
const list = (user: SessionUser | null) => invoke(listRoute.loader, { request: get("/api/v1/market/sources"), context: routeContext(user), params: {} });
const create = (user: SessionUser, body: unknown) => invoke(listRoute.action, { request: jsonRequest("/api/v1/market/sources", body), context: routeContext(user), params: {} });
const one = (user: SessionUser, sourceId: string) => invoke(oneRoute.loader, { request: get(`/api/v1/market/sources/${sourceId}`), context: routeContext(user), params: { sourceId } });
const change = (user: SessionUser, sourceId: string, body: unknown, method = "PATCH") =>
  invoke(oneRoute.action, { request: jsonRequest(`/api/v1/market/sources/${sourceId}`, body, { method }), context: routeContext(user), params: { sourceId } });
const remove = (user: SessionUser, sourceId: string) =>
  invoke(oneRoute.action, { request: new Request(`http://localhost/api/v1/market/sources/${sourceId}`, { method: "DELETE" }), context: routeContext(user), params: { sourceId } });
const run = (user: SessionUser, sourceId: string) => invoke(runRoute.action, { request: jsonRequest(`/api/v1/market/sources/${sourceId}/run`, {}), context: routeContext(user), params: { sourceId } });
const test = (user: SessionUser, body: unknown) => invoke(testRoute.action, { request: jsonRequest("/api/v1/market/sources/test", body), context: routeContext(user), params: {} });

const source = (overrides: Record<string, unknown> = {}) => ({
  name: "Austrian tenders",
  url: "https://tenders.example.at/list.html",
  kind: "html",
  contentType: "tender",
  regionCodes: ["DACH"],
  keywords: ["ERP"],
  schedule: "30 */6 * * *",
  selectors: { item: "table tr", title: "td.t a", link: "td.t a", value: "td.v" },
  ...overrides,
});

beforeAll(async () => {
  [admin, lead, manager, partner] = await Promise.all(["admin@example.com", "lead@example.com", "manager@example.com", "partner@example.com"].map(demoUser));
  site = await startListSite('<table><tr><td class="t"><a href="/n/1">ERP for Linz hospitals</a></td><td class="v">EUR 400,000</td></tr></table>');
  origin = site.origin;
});

afterAll(() => stopListSite(site));

describe("GET /api/v1/market/sources", () => {
  it("lists sources with their status to admins, managers and leads; partners get 403, strangers 401", async () => {
    const body = await (await list(admin)).json();
    expect(body.total).toBe(3);
    expect(body.items[0]).toMatchObject({ id: expect.any(String), kind: expect.stringMatching(/rss|html|js/), status: { lastRunAt: null, consecutiveFailures: 0 }, itemCount: 0, canEdit: true });
    expect((await list(manager)).status).toBe(200);
    expect((await (await list(lead)).json()).items.every((s: { canEdit: boolean }) => !s.canEdit)).toBe(true);
    expect((await list(partner)).status).toBe(403);
    expect((await list(null)).status).toBe(401);
  });
});

describe("POST /api/v1/market/sources", () => {
  it("creates a source (201) and refuses bad input with fields, changing nothing", async () => {
    const before = await counts();
    const bad = await create(admin, source({ schedule: "every day", selectors: { item: "", title: "h2" }, regionCodes: ["MARS"] }));
    expect(bad.status).toBe(422);
    expect((await bad.json()).error).toMatchObject({ code: "invalid_source", fields: { schedule: expect.any(String), "selectors.item": expect.any(String), "selectors.link": expect.any(String) } });
    expect((await create(admin, "[1,2]")).status).toBe(422);
    const malformed = await invoke(listRoute.action, { request: jsonRequest("/api/v1/market/sources", "{not json"), context: routeContext(admin), params: {} });
    expect(malformed.status).toBe(400);
    expect(await counts()).toEqual(before);
    const created = await create(admin, source());
    expect(created.status).toBe(201);
    expect((await created.json()).source).toMatchObject({ name: "Austrian tenders", kind: "html", regionCodes: ["DACH"], enabled: true, selectors: { item: "table tr" } });
  });

  it("lets a lead create for their own regions only, and refuses managers and partners", async () => {
    expect((await create(lead, source({ name: "Lead's", regionCodes: ["NORDICS"] }))).status).toBe(201);
    const foreign = await create(lead, source({ regionCodes: ["APAC"] }));
    expect(foreign.status).toBe(422);
    expect((await foreign.json()).error.fields).toEqual({ regionCodes: expect.stringMatching(/your own regions/) });
    expect((await create(manager, source())).status).toBe(403);
    expect((await create(partner, source())).status).toBe(403);
  });
});

describe("one source", () => {
  let apacId: string;
  let demoFeedId: string;

  beforeAll(async () => {
    apacId = (await (await create(admin, source({ name: "APAC tenders", regionCodes: ["APAC"] }))).json()).source.id;
    demoFeedId = (await db.marketSource.findFirstOrThrow({ where: { kind: "RSS" }, select: { id: true } })).id;
  });

  it("reads as the list does; malformed, unknown and invisible ids are 404", async () => {
    expect((await one(manager, apacId)).status).toBe(200);
    for (const id of ["nope", "00000000-0000-4000-8000-000000000000"]) expect((await one(admin, id)).status).toBe(404);
    expect((await one(lead, apacId)).status).toBe(404);
    expect((await one(partner, apacId)).status).toBe(403);
  });

  it("changes with PATCH (merged, validated whole) and refuses bad fields without a change", async () => {
    const res = await change(admin, apacId, { keywords: ["ERP", "payroll"], enabled: false });
    expect(res.status).toBe(200);
    expect((await res.json()).source).toMatchObject({ name: "APAC tenders", keywords: ["ERP", "payroll"], enabled: false });
    const bad = await change(admin, apacId, { url: "file:///etc/passwd", name: "x".repeat(500) });
    expect(bad.status).toBe(422);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(["name", "url"]);
    expect((await (await one(admin, apacId)).json()).source).toMatchObject({ url: "https://tenders.example.at/list.html", name: "APAC tenders" });
  });

  it("refuses a lead on a source beyond their regions (403 when they see it, 404 when they do not), managers and partners", async () => {
    expect((await change(lead, demoFeedId, { name: "Mine now" })).status).toBe(403);
    expect((await remove(lead, demoFeedId)).status).toBe(403);
    expect((await run(lead, demoFeedId)).status).toBe(403);
    expect((await change(lead, apacId, { name: "Mine now" })).status).toBe(404);
    expect((await change(manager, apacId, { name: "Mine now" })).status).toBe(403);
    expect((await change(partner, apacId, { name: "Mine now" })).status).toBe(403);
    expect((await run(partner, apacId)).status).toBe(403);
    expect((await change(admin, "nope", { name: "Mine now" })).status).toBe(404);
    expect((await run(admin, "nope")).status).toBe(404);
    expect(await db.marketSource.count({ where: { name: "Mine now" } })).toBe(0);
  });

  it("answers 503 to run now when this process has no job queue, after the same checks", async () => {
    const res = await run(admin, apacId);
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe("jobs_unavailable");
  });

  it("deletes (204), then the source is gone (404)", async () => {
    expect((await remove(admin, apacId)).status).toBe(204);
    expect((await one(admin, apacId)).status).toBe(404);
    expect((await remove(admin, apacId)).status).toBe(404);
  });
});

describe("POST /api/v1/market/sources/test", () => {
  it("fetches once and returns the items with their matches, saving nothing", async () => {
    const before = await counts();
    const res = await test(admin, source({ url: `${origin}/list.html`, name: undefined, schedule: undefined }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: "ok", pages: 1, finalUrl: `${origin}/list.html` });
    expect(body.items).toEqual([expect.objectContaining({ title: "ERP for Linz hospitals", link: `${origin}/n/1`, valueAmount: { amountMinor: 40_000_000, currency: "EUR" }, matchedKeywords: ["ERP"], matchedCompetitors: [] })]);
    expect(await counts()).toEqual(before);
  });

  it("says why a fetch failed, and refuses an invalid source, managers and partners, saving nothing", async () => {
    const before = await counts();
    const missing = await test(lead, source({ url: `${origin}/gone.html` }));
    expect(missing.status).toBe(422);
    expect((await missing.json()).error).toMatchObject({ code: "fetch_failed", message: expect.stringMatching(/404/), fields: { url: expect.any(String) } });
    const blocked = await test(admin, source({ url: "http://127.0.0.1:9/list.html" }));
    expect((await blocked.json()).error).toMatchObject({ code: "fetch_failed", message: expect.stringMatching(/loopback|127\.0\.0\.1/) });
    expect((await test(admin, source({ kind: "html", selectors: undefined }))).status).toBe(422);
    expect((await test(manager, source())).status).toBe(403);
    expect((await test(partner, source())).status).toBe(403);
    expect(await counts()).toEqual(before);
  });
});

// The market source pages against the seeded demo: who reaches them (partners 403; managers read
// only; leads edit within their regions: 403 beyond, 404 for what they cannot see), the editor's
// save with field errors that keep what was typed, "Test source" that saves nothing, and the
// list's run now and on/off. Rendered, the list shows a failing source's error and back-off.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../models/auth/users.ts";
import { db } from "../../models/db/client.ts";
import { renderPage } from "../../test/render-page.tsx";
import type { LocalServer } from "../../test/local-http.ts";
import { demoUser, invoke, routeContext } from "../../test/routes.ts";
import SourcePage, * as sourcePage from "./market.source.tsx";
import SourcesPage, * as listPage from "./market.sources.tsx";
import { sourceCounts as counts, startListSite, stopListSite } from "./market.sources.test-support.ts";

let admin: SessionUser;
let lead: SessionUser;
let manager: SessionUser;
let partner: SessionUser;
let demoFeedId: string;
let site: LocalServer;
let origin: string;

const get = (path: string) => new Request(`http://localhost${path}`);
const post = (path: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  return new Request(`http://localhost${path}`, { method: "POST", body });
};
const args = (user: SessionUser, request: Request, params: Record<string, string> = {}) => ({ request, context: routeContext(user), params });

const formFields = (overrides: Record<string, string | string[]> = {}) => ({
  intent: "save",
  name: "Vienna city tenders",
  url: "https://tenders.example.at/wien.html",
  kind: "html",
  contentType: "tender",
  regionCodes: ["DACH"],
  competitors: "",
  keywords: "ERP\nenterprise resource planning\n",
  schedule: "0 */6 * * *",
  enabled: "on",
  "selectors.item": "table tr",
  "selectors.title": "td a",
  "selectors.link": "td a",
  ...overrides,
});

beforeAll(async () => {
  [admin, lead, manager, partner] = await Promise.all(["admin@example.com", "lead@example.com", "manager@example.com", "partner@example.com"].map(demoUser));
  demoFeedId = (await db.marketSource.findFirstOrThrow({ where: { kind: "RSS" }, select: { id: true } })).id;
  site = await startListSite('<table><tr><td><a href="/t/1">ERP for the City of Vienna</a></td></tr></table>');
  origin = site.origin;
});

afterAll(() => stopListSite(site));

describe("who reaches the source pages", () => {
  it("refuses partners with 403 on every page and action, and sends strangers to sign in", async () => {
    for (const suffix of ["", ".data"]) {
      expect((await invoke(listPage.loader, args(partner, get(`/market/sources${suffix}`)))).status).toBe(403);
      expect((await invoke(listPage.action, args(partner, post(`/market/sources${suffix}`, { intent: "run", sourceId: demoFeedId })))).status).toBe(403);
      expect((await invoke(sourcePage.loader, args(partner, get(`/market/sources/new${suffix}`)))).status).toBe(403);
      expect((await invoke(sourcePage.loader, args(partner, get(`/market/sources/${demoFeedId}${suffix}`), { sourceId: demoFeedId }))).status).toBe(403);
      expect((await invoke(sourcePage.action, args(partner, post(`/market/sources/new${suffix}`, formFields())))).status).toBe(403);
    }
    const res = await invoke(listPage.loader, { request: get("/market/sources.data"), context: routeContext(null), params: {} });
    expect(res.status).toBe(302);
  });

  it("lets managers read but not create, test or change", async () => {
    expect((await invoke(listPage.loader, args(manager, get("/market/sources")))).status).toBe(200);
    expect((await invoke(sourcePage.loader, args(manager, get("/market/sources/new")))).status).toBe(403);
    const page = await (await invoke(sourcePage.loader, args(manager, get(`/market/sources/${demoFeedId}`), { sourceId: demoFeedId }))).json();
    expect(page.canEdit).toBe(false);
    const before = await counts();
    for (const intent of ["save", "test", "delete", "run"]) {
      expect((await invoke(sourcePage.action, args(manager, post(`/market/sources/${demoFeedId}`, formFields({ intent })), { sourceId: demoFeedId }))).status, intent).toBe(403);
    }
    expect((await invoke(sourcePage.action, args(manager, post("/market/sources/new", formFields())))).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it("shows a lead a source beyond their regions read-only (403 to change), and 404 for one outside them", async () => {
    const page = await (await invoke(sourcePage.loader, args(lead, get(`/market/sources/${demoFeedId}`), { sourceId: demoFeedId }))).json();
    expect(page).toMatchObject({ canEdit: false, values: { kind: "rss" } });
    for (const intent of ["save", "delete", "run"]) {
      expect((await invoke(sourcePage.action, args(lead, post(`/market/sources/${demoFeedId}`, formFields({ intent, kind: "rss" })), { sourceId: demoFeedId }))).status, intent).toBe(403);
    }
    expect((await invoke(listPage.action, args(lead, post("/market/sources", { intent: "toggle", sourceId: demoFeedId, enabled: "false" })))).status).toBe(403);
    const apac = await db.marketSource.create({ data: { name: "APAC feed", url: "https://apac.example/rss", kind: "RSS", contentType: "INDUSTRY", regionCodes: ["APAC"] }, select: { id: true } });
    expect((await invoke(sourcePage.loader, args(lead, get(`/market/sources/${apac.id}`), { sourceId: apac.id }))).status).toBe(404);
    expect((await invoke(sourcePage.action, args(lead, post(`/market/sources/${apac.id}`, formFields()), { sourceId: apac.id }))).status).toBe(404);
    for (const id of ["nope", "00000000-0000-4000-8000-000000000000"]) expect((await invoke(sourcePage.loader, args(admin, get(`/market/sources/${id}`), { sourceId: id }))).status).toBe(404);
    expect(await db.marketSource.findUniqueOrThrow({ where: { id: demoFeedId }, select: { enabled: true } })).toEqual({ enabled: true });
  });
});

describe("the source editor", () => {
  it("offers a lead only their own regions", async () => {
    const page = await (await invoke(sourcePage.loader, args(lead, get("/market/sources/new")))).json();
    expect(page.regions.map((r: { code: string }) => r.code).sort()).toEqual(["DACH", "NORDICS", "WESTERN_EUROPE"]);
  });

  it("keeps what was typed and names each bad field, saving nothing", async () => {
    const before = await counts();
    const typed = formFields({ schedule: "often", "selectors.item": "", url: "tenders.example.at", regionCodes: ["DACH", "APAC"] });
    const res = await invoke(sourcePage.action, args(lead, post("/market/sources/new", typed)));
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.values).toMatchObject({ schedule: "often", url: "tenders.example.at", regionCodes: "DACH,APAC", keywords: "ERP\nenterprise resource planning\n" });
    expect(Object.keys(body.errors).sort()).toEqual(["regionCodes", "schedule", "selectors.item", "url"]);
    const foreign = await (await invoke(sourcePage.action, args(lead, post("/market/sources/new", formFields({ regionCodes: ["DACH", "APAC"] }))))).json();
    expect(foreign.errors).toEqual({ regionCodes: expect.stringMatching(/your own regions/) });
    expect(await counts()).toEqual(before);
  });

  it("tests a source with what is typed and shows what it would extract, saving nothing", async () => {
    const before = await counts();
    const res = await invoke(sourcePage.action, args(lead, post("/market/sources/new", formFields({ intent: "test", url: `${origin}/list.html`, name: "" }))));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.result.items).toEqual([expect.objectContaining({ title: "ERP for the City of Vienna", link: `${origin}/t/1`, matchedKeywords: ["ERP"] })]);
    expect(body.values.name).toBe("");
    const failed = await (await invoke(sourcePage.action, args(lead, post("/market/sources/new", formFields({ intent: "test", url: "http://127.0.0.1:9/x" }))))).json();
    expect(failed.failure).toMatchObject({ code: "blocked_address" });
    expect(await counts()).toEqual(before);
  });

  it("saves a lead's source, lists it, and lets the lead change and delete it", async () => {
    const res = await invoke(sourcePage.action, args(lead, post("/market/sources/new", formFields())));
    expect(res.status).toBe(302);
    const row = await db.marketSource.findFirstOrThrow({ where: { name: "Vienna city tenders" }, select: { id: true, keywords: true, selectors: true, kind: true, regionCodes: true } });
    expect(res.headers.get("location")).toBe(`/market/sources/${row.id}?saved`);
    expect(row).toMatchObject({ kind: "HTML", regionCodes: ["DACH"], keywords: ["ERP", "enterprise resource planning"], selectors: { item: "table tr", title: "td a", link: "td a" } });
    const edited = await invoke(sourcePage.action, args(lead, post(`/market/sources/${row.id}`, formFields({ name: "Vienna tenders", enabled: [] })), { sourceId: row.id }));
    expect(edited.status).toBe(302);
    expect(await db.marketSource.findUniqueOrThrow({ where: { id: row.id }, select: { name: true, enabled: true } })).toEqual({ name: "Vienna tenders", enabled: false });
    const run = await invoke(listPage.action, args(lead, post("/market/sources", { intent: "run", sourceId: row.id })));
    expect(run.status).toBe(503);
    const toggled = await invoke(listPage.action, args(lead, post("/market/sources", { intent: "toggle", sourceId: row.id, enabled: "true" })));
    expect(await toggled.json()).toMatchObject({ intent: "toggle", ok: true });
    const deleted = await invoke(sourcePage.action, args(lead, post(`/market/sources/${row.id}`, { intent: "delete" }), { sourceId: row.id }));
    expect(deleted.headers.get("location")).toBe("/market/sources?deleted");
    expect(await db.marketSource.count({ where: { id: row.id } })).toBe(0);
  });
});

describe("the pages rendered", () => {
  it("the list shows each source's kind, regions, schedule, and a failing one's error and back-off", async () => {
    await db.marketSource.update({ where: { id: demoFeedId }, data: { lastRunAt: new Date(), lastStatus: "timeout", lastError: "feed.xml did not answer within 15000 ms", consecutiveFailures: 3 } });
    const html = await renderPage(admin, "/market/sources", "market/sources", SourcesPage, listPage.loader);
    expect(html).toContain('data-testid="source-list"');
    expect(html).toContain("Competitor news (demo RSS feed)");
    expect(html).toContain("Failed: timeout");
    expect(html).toContain("feed.xml did not answer within 15000 ms");
    expect(html).toMatch(/3 failures in a row: backing off until/);
    expect(html).toContain("JavaScript page");
    expect(html).toContain("Run now");
  });

  it("the editor shows a lead a source beyond their regions read-only, without a test button", async () => {
    const html = await renderPage(lead, `/market/sources/${demoFeedId}`, "market/sources/:sourceId", SourcePage, sourcePage.loader);
    expect(html).toContain("You can see this source but not change it");
    expect(html).not.toContain('data-testid="test-source"');
    const fresh = await renderPage(admin, "/market/sources/new", "market/sources/new", SourcePage, sourcePage.loader);
    expect(fresh).toContain('data-testid="test-source"');
    expect(fresh).toContain("Create source");
  });
});

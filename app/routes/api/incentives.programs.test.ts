// The programmes API against the seeded demo: managers list, create (201 / 422 with fields),
// edit drafts (409 once active), activate, archive and version; partners read only ACTIVE
// versions without budgets and may not write; regional leads get 403 everywhere.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../../models/auth/users.ts";
import { db } from "../../../models/db/client.ts";
import { demoUser, invoke, jsonRequest, routeContext } from "../../../test/routes.ts";
import * as programAction from "./incentives.program-action.ts";
import * as programRoute from "./incentives.program.ts";
import * as programs from "./incentives.programs.ts";

let manager: SessionUser;
let admin: SessionUser;
let partner: SessionUser;
let lead: SessionUser;

const get = (url: string) => new Request(`http://localhost${url}`);
const list = (user: SessionUser | null, query = "") => invoke(programs.loader, { request: get(`/api/v1/incentives/programs${query}`), context: routeContext(user), params: {} });
const create = (user: SessionUser, body: unknown) => invoke(programs.action, { request: jsonRequest("/api/v1/incentives/programs", body), context: routeContext(user), params: {} });
const one = (user: SessionUser, programId: string) => invoke(programRoute.loader, { request: get(`/api/v1/incentives/programs/${programId}`), context: routeContext(user), params: { programId } });
const patch = (user: SessionUser, programId: string, body: unknown, method = "PATCH") =>
  invoke(programRoute.action, { request: jsonRequest(`/api/v1/incentives/programs/${programId}`, body, { method }), context: routeContext(user), params: { programId } });
const step = (user: SessionUser, programId: string, action: string) =>
  invoke(programAction.action, { request: jsonRequest(`/api/v1/incentives/programs/${programId}/${action}`, {}), context: routeContext(user), params: { programId, action } });

const commission = (key: string) => ({
  key,
  name: "Partner commission 2031",
  kind: "COMMISSION",
  currency: "EUR",
  effectiveFrom: "2031-01-01",
  budget: { amount: 10_000_000, currency: "EUR" },
  rules: { rateBasisPoints: 300, ratesByLine: { Finance: 450 } },
});

beforeAll(async () => {
  [manager, admin, partner, lead] = await Promise.all(["manager@example.com", "admin@example.com", "partner@example.com", "lead@example.com"].map(demoUser));
});

describe("GET /api/v1/incentives/programs", () => {
  it("lists every version to a manager with budgets, filtered and paged", async () => {
    const res = await list(manager, "?kind=COMMISSION&pageSize=1");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBeGreaterThanOrEqual(2);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ kind: "COMMISSION", status: "ACTIVE", rules: { rateBasisPoints: 500 }, earned: { total: { currency: expect.any(String) } } });
    expect((await list(manager, "?status=BOGUS")).status).toBe(400);
    expect((await list(manager, "?pageSize=500")).status).toBe(400);
  });

  it("shows a partner only ACTIVE versions, without budgets, and refuses leads and strangers", async () => {
    await create(manager, commission("api-hidden-draft"));
    const body = await (await list(partner)).json();
    expect(body.items.length).toBeGreaterThan(0);
    for (const program of body.items) {
      expect(program.status).toBe("ACTIVE");
      expect(program).not.toHaveProperty("budget");
      expect(program).not.toHaveProperty("earned");
    }
    expect((await (await list(partner, "?status=DRAFT")).json()).total).toBe(0);
    expect((await list(lead)).status).toBe(403);
    expect((await list(null)).status).toBe(401);
  });
});

describe("POST /api/v1/incentives/programs", () => {
  it("creates a draft with 201 and the money as { amount, currency }", async () => {
    const res = await create(manager, commission("api-commission-2031"));
    expect(res.status).toBe(201);
    const { program } = await res.json();
    expect(program).toMatchObject({ key: "api-commission-2031", version: 1, status: "DRAFT", budget: { amount: 10_000_000, currency: "EUR" }, effectiveFrom: "2031-01-01", effectiveTo: null });
    expect(await db.auditLog.count({ where: { action: "incentive_program.create", entityId: program.id } })).toBe(1);
  });

  it("answers 422 with field paths, 400 for malformed JSON and 403 for partners and leads", async () => {
    const res = await create(manager, { ...commission("api-bad"), kind: "TIERED_REBATE", rules: { period: "QUARTER", tiers: [{ fromAmount: 0, rateBasisPoints: 100 }, { fromAmount: 0, rateBasisPoints: 50 }] } });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe("invalid_program");
    expect(error.fields).toMatchObject({ "rules.tiers.1.fromAmount": expect.any(String), "rules.tiers.1.rateBasisPoints": expect.any(String) });
    expect((await create(manager, "{nope")).status).toBe(400);
    for (const user of [partner, lead]) expect((await create(user, commission("api-forbidden"))).status).toBe(403);
    expect(await db.incentiveProgram.count({ where: { key: { in: ["api-bad", "api-forbidden"] } } })).toBe(0);
  });
});

describe("one program and its lifecycle", () => {
  let draftId: string;

  beforeAll(async () => {
    draftId = (await db.incentiveProgram.findFirstOrThrow({ where: { key: "api-commission-2031" }, select: { id: true } })).id;
  });

  it("reads one version; a partner gets 404 for a draft and a lead 403", async () => {
    expect((await (await one(manager, draftId)).json()).program.id).toBe(draftId);
    expect((await one(partner, draftId)).status).toBe(404);
    expect((await one(lead, draftId)).status).toBe(403);
    expect((await one(manager, "00000000-0000-0000-0000-000000000000")).status).toBe(404);
    expect((await one(manager, "nope")).status).toBe(404);
    const active = await db.incentiveProgram.findFirstOrThrow({ where: { status: "ACTIVE" }, select: { id: true } });
    expect((await (await one(partner, active.id)).json()).program).not.toHaveProperty("budget");
  });

  it("edits a draft with PATCH or PUT, 422 on bad fields, 403 for a partner", async () => {
    const res = await patch(manager, draftId, { name: "Commission 2031", rules: { rateBasisPoints: 350 } });
    expect(res.status).toBe(200);
    expect((await res.json()).program).toMatchObject({ name: "Commission 2031", rules: { rateBasisPoints: 350 } });
    expect((await patch(manager, draftId, { effectiveTo: "2030-01-01" }, "PUT")).status).toBe(422);
    expect((await patch(partner, draftId, { name: "Mine now" })).status).toBe(403);
    expect((await patch(lead, draftId, { name: "Mine now" })).status).toBe(403);
  });

  it("activates, then refuses edits and a second activation with 409, and versions it", async () => {
    expect((await step(partner, draftId, "activate")).status).toBe(403);
    const activated = await step(admin, draftId, "activate");
    expect(activated.status).toBe(200);
    expect((await activated.json()).program.status).toBe("ACTIVE");
    expect((await patch(manager, draftId, { name: "Too late" })).status).toBe(409);
    const again = await step(manager, draftId, "activate");
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("invalid_program_state");
    expect((await step(manager, draftId, "explode")).status).toBe(404);

    const next = await step(manager, draftId, "new-version");
    expect(next.status).toBe(201);
    const { program } = await next.json();
    expect(program).toMatchObject({ key: "api-commission-2031", version: 2, status: "DRAFT", name: "Commission 2031" });
    const deleted = await invoke(programRoute.action, { request: new Request(`http://localhost/api/v1/incentives/programs/${program.id}`, { method: "DELETE" }), context: routeContext(manager), params: { programId: program.id } });
    expect(deleted.status).toBe(204);
  });

  it("archives the active version, then 409 on archiving it again", async () => {
    const future = await step(manager, draftId, "archive");
    expect(future.status).toBe(409);
    await db.incentiveProgram.update({ where: { id: draftId }, data: { effectiveFrom: new Date("2025-01-01T00:00:00Z") } });
    const res = await step(manager, draftId, "archive");
    expect(res.status).toBe(200);
    expect((await res.json()).program).toMatchObject({ status: "ARCHIVED", effectiveTo: new Date().toISOString().slice(0, 10) });
    expect((await step(manager, draftId, "archive")).status).toBe(409);
    expect((await invoke(programAction.loader, { request: get(`/api/v1/incentives/programs/${draftId}/archive`), context: routeContext(manager), params: { programId: draftId, action: "archive" } })).status).toBe(405);
  });
});

// The program pages against the seeded demo: only managers and admins reach them (partners and
// regional leads get 403, on the page and on its `.data` request alike); the new-program form
// converts percentages and money, keeps what was typed and shows field errors; the program page
// saves a draft, activates, archives, creates the next version and deletes a draft.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../models/auth/users.ts";
import { db } from "../../models/db/client.ts";
import { demoUser, invoke, routeContext } from "../../test/routes.ts";
import * as programPage from "./incentives.program.tsx";
import * as listPage from "./incentives.programs.tsx";
import * as newPage from "./incentives.programs.new.tsx";

let manager: SessionUser;
let admin: SessionUser;
let partner: SessionUser;
let lead: SessionUser;

const get = (path: string) => new Request(`http://localhost${path}`);
const formRequest = (path: string, fields: Record<string, string>) => new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(fields) });
const args = (user: SessionUser, request: Request, params: Record<string, string> = {}) => ({ request, context: routeContext(user), params });

const rebateFields = (key: string, overrides: Record<string, string> = {}) => ({
  intent: "save",
  name: "Volume rebate 2031",
  key,
  kind: "TIERED_REBATE",
  currency: "EUR",
  effectiveFrom: "2031-01-01",
  effectiveTo: "",
  budget: "250,000.00",
  "rules.base": "WON_DEAL_AMOUNT",
  "rules.mode": "MARGINAL",
  "rules.tiers.0.fromAmount": "0",
  "rules.tiers.0.rate": "1",
  "rules.tiers.1.fromAmount": "",
  "rules.tiers.1.rate": "",
  "rules.tiers.2.fromAmount": "1,500.00",
  "rules.tiers.2.rate": "2.5",
  "rules.accelerators.0.productSkus": "",
  "rules.accelerators.0.extra": "",
  "rules.accelerators.0.reason": "",
  "rules.payoutAfterDays": "",
  ...overrides,
});

beforeAll(async () => {
  [manager, admin, partner, lead] = await Promise.all(["manager@example.com", "admin@example.com", "partner@example.com", "lead@example.com"].map(demoUser));
});

describe("who reaches the program pages", () => {
  it("refuses partners and regional leads with 403, on the page and its .data request", async () => {
    const program = await db.incentiveProgram.findFirstOrThrow({ where: { status: "ACTIVE" }, select: { id: true } });
    const params = { programId: program.id };
    for (const user of [partner, lead]) {
      for (const suffix of ["", ".data"]) {
        expect((await invoke(listPage.loader, args(user, get(`/incentives/programs${suffix}`)))).status, user.email + suffix).toBe(403);
        expect((await invoke(newPage.loader, args(user, get(`/incentives/programs/new${suffix}`)))).status).toBe(403);
        expect((await invoke(newPage.action, args(user, formRequest(`/incentives/programs/new${suffix}`, rebateFields("page-forbidden"))))).status).toBe(403);
        expect((await invoke(programPage.loader, args(user, get(`/incentives/programs/${program.id}${suffix}`), params))).status).toBe(403);
        expect((await invoke(programPage.action, args(user, formRequest(`/incentives/programs/${program.id}${suffix}`, { intent: "archive" }), params))).status).toBe(403);
      }
    }
    expect(await db.incentiveProgram.count({ where: { id: program.id, status: "ACTIVE" } })).toBe(1);
    expect(await db.incentiveProgram.count({ where: { key: "page-forbidden" } })).toBe(0);
  });

  it("sends a signed-out visitor to the login page", async () => {
    const res = await invoke(listPage.loader, { request: get("/incentives/programs.data"), context: routeContext(null), params: {} });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?redirectTo=%2Fincentives%2Fprograms");
  });

  it("lists programs by key with every version for a manager, and 404s an unknown program", async () => {
    const res = await invoke(listPage.loader, args(admin, get("/incentives/programs.data")));
    const { families } = await res.json();
    expect(families.map((family: { key: string }) => family.key)).toEqual(expect.arrayContaining(["won-deal-commission", "quarterly-volume-rebate"]));
    for (const id of ["00000000-0000-0000-0000-000000000000", "nope"]) {
      expect((await invoke(programPage.loader, args(manager, get(`/incentives/programs/${id}`), { programId: id }))).status).toBe(404);
    }
  });
});

describe("the new-program form", () => {
  it("keeps what was typed and names each bad field, saving nothing", async () => {
    const fields = rebateFields("page-rebate", { "rules.tiers.2.rate": "two", name: "" });
    const res = await invoke(newPage.action, args(manager, formRequest("/incentives/programs/new", fields)));
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.values).toMatchObject({ "rules.tiers.2.rate": "two", budget: "250,000.00", key: "page-rebate" });
    expect(Object.keys(body.errors).sort()).toEqual(["name", "rules.tiers.2.rate"]);
    const unsorted = await invoke(newPage.action, args(manager, formRequest("/incentives/programs/new", rebateFields("page-rebate", { "rules.tiers.0.fromAmount": "5,000.00" }))));
    // The domain's second tier is the form's third row (the blank row in between is left out).
    expect((await unsorted.json()).errors).toEqual({ "rules.tiers": "the first tier must start at 0", "rules.tiers.2.fromAmount": "tiers must be sorted by fromAmount, strictly increasing" });
    expect(await db.incentiveProgram.count({ where: { key: "page-rebate" } })).toBe(0);
  });

  it("saves a draft with percentages as basis points and money as cents, then opens it", async () => {
    const res = await invoke(newPage.action, args(manager, formRequest("/incentives/programs/new", rebateFields("page-rebate"))));
    expect(res.status).toBe(302);
    const program = await db.incentiveProgram.findFirstOrThrow({ where: { key: "page-rebate" }, select: { id: true, status: true, rules: true, budgetCap: true } });
    expect(res.headers.get("location")).toBe(`/incentives/programs/${program.id}`);
    expect(program.status).toBe("DRAFT");
    expect(program.budgetCap).toBe(25_000_000n);
    expect(program.rules).toMatchObject({ mode: "MARGINAL", tiers: [{ fromAmount: 0, rateBasisPoints: 100 }, { fromAmount: 150_000, rateBasisPoints: 250 }], accelerators: [] });
  });
});

describe("the program page", () => {
  let id: string;
  const post = (fields: Record<string, string>, programId = id) => invoke(programPage.action, args(manager, formRequest(`/incentives/programs/${programId}`, fields), { programId }));

  beforeAll(async () => {
    id = (await db.incentiveProgram.findFirstOrThrow({ where: { key: "page-rebate" }, select: { id: true } })).id;
  });

  it("opens a draft in the editor with its rules as typed text", async () => {
    const page = await (await invoke(programPage.loader, args(manager, get(`/incentives/programs/${id}?edit`), { programId: id }))).json();
    expect(page.editing).toBe(true);
    expect(page.formValues).toMatchObject({ key: "page-rebate", budget: "250000.00", "rules.tiers.1.fromAmount": "1500.00", "rules.tiers.1.rate": "2.5", "rules.mode": "MARGINAL" });
    expect(page.history.map((v: { version: number }) => v.version)).toEqual([1]);
  });

  it("saves the draft, refusing bad fields with what was typed", async () => {
    const bad = await post(rebateFields("page-rebate", { effectiveTo: "2030-01-01" }));
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors).toEqual({ effectiveTo: expect.any(String) });
    const ok = await post(rebateFields("page-rebate", { name: "Volume rebate 2031 (final)" }));
    expect(ok.status).toBe(302);
    expect((await db.incentiveProgram.findUniqueOrThrow({ where: { id }, select: { name: true } })).name).toBe("Volume rebate 2031 (final)");
  });

  it("activates, refuses to save the active version, archives it with 409 when it has not started, and creates the next version", async () => {
    expect(await (await post({ intent: "activate" })).json()).toEqual({ intent: "activate", ok: true });
    const refused = await post(rebateFields("page-rebate"));
    expect(refused.status).toBe(409);
    expect((await post({ intent: "archive" })).status).toBe(409);
    const next = await post({ intent: "new-version" });
    expect(next.status).toBe(302);
    const v2 = await db.incentiveProgram.findFirstOrThrow({ where: { key: "page-rebate", version: 2 }, select: { id: true, status: true } });
    expect(next.headers.get("location")).toBe(`/incentives/programs/${v2.id}?edit`);
    expect(v2.status).toBe("DRAFT");
    const deleted = await post({ intent: "delete" }, v2.id);
    expect(deleted.headers.get("location")).toBe("/incentives/programs");
    expect(await db.incentiveProgram.count({ where: { id: v2.id } })).toBe(0);
    expect((await post({ intent: "explode" })).status).toBe(400);
  });

  it("archives an active version that has started", async () => {
    const seeded = await db.incentiveProgram.findFirstOrThrow({ where: { key: "won-deal-commission-usd", status: "ACTIVE" }, select: { id: true } });
    expect(await (await post({ intent: "archive" }, seeded.id)).json()).toEqual({ intent: "archive", ok: true });
    expect(await db.auditLog.count({ where: { action: "incentive_program.archive", entityId: seeded.id, actorUserId: manager.id } })).toBe(1);
  });
});

// POST /api/v1/incentives/programs/:programId/simulate against the seeded demo: the report with
// Money as { amount, currency } for managers and admins, 403 for other roles, 400 / 422 / 404 /
// 405 in the API's error format, and nothing written to the ledger.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../../models/auth/users.ts";
import { db } from "../../../models/db/client.ts";
import { COMMISSION_PROGRAM_KEY } from "../../../models/seed/incentives.ts";
import { demoUser, invoke, jsonRequest, routeContext } from "../../../test/routes.ts";
import * as simulate from "./incentives.simulate.ts";

let manager: SessionUser;
let draftId: string;

const url = (id: string) => `/api/v1/incentives/programs/${id}/simulate`;
const post = (user: SessionUser, programId: string, body: unknown) =>
  invoke(simulate.action, { request: jsonRequest(url(programId), body), context: routeContext(user), params: { programId } });

beforeAll(async () => {
  manager = await demoUser("manager@example.com");
  const draft = await db.incentiveProgram.create({
    data: { key: COMMISSION_PROGRAM_KEY, version: 2, name: "Commission on won deals (7 %)", kind: "COMMISSION", status: "DRAFT", rules: { rateBasisPoints: 700 }, effectiveFrom: new Date("2030-01-01") },
    select: { id: true },
  });
  draftId = draft.id;
});

describe("POST /api/v1/incentives/programs/:programId/simulate", () => {
  it("answers managers and admins with the report, Money as { amount, currency }, and writes nothing", async () => {
    const ledger = await db.incentiveLedgerEntry.count();
    for (const email of ["manager@example.com", "admin@example.com"]) {
      const res = await post(await demoUser(email), draftId, { months: 6, asOf: "2026-01-31" });
      expect(res.status, email).toBe(200);
      const report = await res.json();
      expect(report.window).toEqual({ months: 6, from: "2025-07-31T00:00:00.000Z", to: "2026-01-31T23:59:59.999Z" });
      expect(report.candidate).toMatchObject({ program: { id: draftId, status: "DRAFT", version: 2 }, totalCost: { amount: expect.any(Number), currency: "EUR" } });
      expect(report.active).toMatchObject({ program: { key: COMMISSION_PROGRAM_KEY, status: "ACTIVE" }, totalCost: { currency: "EUR" } });
      expect(report.delta.amount).toEqual({ amount: report.candidate.totalCost.amount - report.active.totalCost.amount, currency: "EUR" });
      expect(report.byRegion[0]).toMatchObject({ candidate: { currency: "EUR" }, active: { currency: "EUR" } });
      expect(report.monthly).toHaveLength(7);
    }
    expect(await db.incentiveLedgerEntry.count()).toBe(ledger);
  }, 60_000);

  it("replays the last 12 months when the body is empty", async () => {
    const res = await invoke(simulate.action, {
      request: new Request(`http://localhost${url(draftId)}`, { method: "POST", headers: { "content-type": "application/json", "content-length": "0" } }),
      context: routeContext(manager),
      params: { programId: draftId },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).window.months).toBe(12);
  }, 60_000);

  it("refuses partners and regional leads with 403", async () => {
    for (const email of ["partner@example.com", "partner2@example.com", "lead@example.com"]) {
      const res = await post(await demoUser(email), draftId, { months: 12 });
      expect(res.status, email).toBe(403);
      expect((await res.json()).error.code).toBe("forbidden");
    }
  });

  it("answers 401 without a session", async () => {
    const res = await invoke(simulate.action, { request: jsonRequest(url(draftId), {}), context: routeContext(null), params: { programId: draftId } });
    expect(res.status).toBe(401);
  });

  it("refuses malformed JSON with 400 and invalid months or asOf with 422 and fields", async () => {
    const malformed = await post(manager, draftId, "{ months: ");
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe("malformed_json");
    for (const months of [0, 37, 2.5, "twelve"]) {
      const res = await post(manager, draftId, { months });
      expect(res.status, String(months)).toBe(422);
      expect((await res.json()).error.fields.months).toMatch(/1 to 36/);
    }
    const badDate = await post(manager, draftId, { asOf: "last Tuesday" });
    expect(badDate.status).toBe(422);
    expect((await badDate.json()).error.fields.asOf).toBeDefined();
  });

  it("answers 404 for an unknown programme and 405 for GET", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "nope"]) {
      const res = await post(manager, id, { months: 3 });
      expect(res.status, id).toBe(404);
      expect((await res.json()).error.code).toBe("program_not_found");
    }
    const get = await invoke(simulate.loader, { request: new Request(`http://localhost${url(draftId)}`), context: routeContext(manager), params: { programId: draftId } });
    expect(get.status).toBe(405);
    expect(get.headers.get("Allow")).toBe("POST");
  });
});

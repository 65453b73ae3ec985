// The statement's page loader, its `.data` request, the CSV export and the JSON API: who may see
// which statement (404 for another organization, 403 for regional leads), the period's errors,
// adjustments and payouts without a programme, and CSV cells escaped against formula injection.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../models/auth/users.ts";
import { db } from "../../models/db/client.ts";
import { commissionPrograms, createTestPartner, insertEntries } from "../../models/incentives/statement-fixtures.ts";
import { demoUser, invoke, routeContext } from "../../test/routes.ts";
import { loader as apiLoader } from "./api/incentives.statement.ts";
import { loader as csvLoader } from "./incentives.export.ts";
import { loader as pageLoader } from "./incentives.tsx";
import { csvRecords, statementData } from "./incentives.test-support.ts";

let partner: SessionUser;
let partner2: SessionUser;
let manager: SessionUser;
let lead: SessionUser;
let fresh: { orgId: string; user: SessionUser };

const args = (user: SessionUser, path: string) => ({ request: new Request(`http://localhost${path}`), context: routeContext(user), params: {} });
const page = (user: SessionUser, query = "") => invoke(pageLoader, args(user, `/incentives${query}`));
const api = (user: SessionUser, query = "") => invoke(apiLoader, args(user, `/api/v1/incentives/statement${query}`));
const csv = (user: SessionUser, query = "") => invoke(csvLoader, args(user, `/incentives/export.csv${query}`));

beforeAll(async () => {
  [partner, partner2, manager, lead] = await Promise.all(["partner@example.com", "partner2@example.com", "manager@example.com", "lead@example.com"].map(demoUser));
  fresh = await createTestPartner(db, "=HYPERLINK(\"evil\") Statement GmbH");
  await insertEntries(db, fresh.orgId, [
    { kind: "ACCRUAL", amount: 125_000, currency: "EUR", occurredAt: new Date("2026-02-01T09:00:00Z"), explanation: "=1+1 looks like a formula" },
    { kind: "ADJUSTMENT", amount: -2_000, currency: "EUR", occurredAt: new Date("2026-02-02T09:00:00Z"), explanation: "+correction for a returned licence" },
    { kind: "ADJUSTMENT", amount: 500, currency: "EUR", occurredAt: new Date("2026-02-03T09:00:00Z"), explanation: "@goodwill" },
    { kind: "PAYOUT", amount: -100_000, currency: "EUR", occurredAt: new Date("2026-03-01T09:00:00Z"), explanation: "-paid by transfer" },
  ], await commissionPrograms(db));
});

describe("statement page", () => {
  it("shows a partner their own statement with totals, tiers and an export link", async () => {
    const response = await page(partner);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.statement.partner.id).toBe(partner.partnerOrgId);
    expect(body.canPickPartner).toBe(false);
    expect(body.partners).toEqual([]);
    expect(body.statement.tiers.length).toBeGreaterThan(0);
  });

  it("answers 404 to a partner naming another organization, 403 to a regional lead", async () => {
    expect((await page(partner, `?partnerOrgId=${partner2.partnerOrgId}`)).status).toBe(404);
    expect((await page(lead)).status).toBe(403);
  });

  it("asks a manager to pick a partner, then shows that partner with the adjust link allowed", async () => {
    const picking = await (await page(manager, "?q=statement gmbh")).json();
    expect(picking).toMatchObject({ statement: null, periodErrors: null, canPickPartner: true, canManage: true });
    expect(picking.partners.map((p: { id: string }) => p.id)).toContain(fresh.orgId);
    const shown = await (await page(manager, `?partnerOrgId=${fresh.orgId}&from=2026-01-01&to=2026-03-31`)).json();
    expect(shown.statement.partner.id).toBe(fresh.orgId);
    expect(shown.preset).toBeNull();
    expect(shown.statement.entries.map((e: { kind: string; program: unknown }) => [e.kind, e.program === null])).toEqual([
      ["ACCRUAL", false], ["ADJUSTMENT", true], ["ADJUSTMENT", true], ["PAYOUT", true],
    ]);
  });

  it("keeps the page and names the fields of an invalid period", async () => {
    const body = await (await page(partner, "?from=2026-05-01&to=2026-04-01")).json();
    expect(body).toMatchObject({ statement: null, periodErrors: { to: "must be on or after from" }, from: "2026-05-01", to: "2026-04-01" });
  });

  it("answers the `.data` request with the same statement and the same tenant rule", async () => {
    const own = await statementData(partner, "/incentives.data?from=2026-01-01&to=2026-12-31");
    expect(own.status).toBe(200);
    expect(own.loaderData).toMatchObject({ statement: { partner: { id: partner.partnerOrgId } } });
    expect((await statementData(partner, `/incentives.data?partnerOrgId=${fresh.orgId}`)).status).toBe(404);
  });
});

describe("statement CSV", () => {
  it("exports the entries with every text cell escaped against formula injection", async () => {
    const response = await csv(fresh.user, "?from=2026-01-01&to=2026-03-31");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    const [header, ...rows] = csvRecords(await response.text());
    expect(header.slice(0, 5)).toEqual(["id", "occurred_at", "kind", "currency", "amount_minor"]);
    const explanation = header.indexOf("explanation");
    expect(rows.map((r) => r[explanation])).toEqual(["'=1+1 looks like a formula", "'+correction for a returned licence", "'@goodwill", "'-paid by transfer"]);
    expect(rows.map((r) => r[header.indexOf("amount_minor")])).toEqual(["125000", "-2000", "500", "-100000"]);
    expect(rows.map((r) => r[header.indexOf("program_key")])).toEqual(["won-deal-commission", "", "", ""]);
  });

  it("applies the same tenant rules as the page", async () => {
    expect((await csv(partner, `?partnerOrgId=${fresh.orgId}`)).status).toBe(404);
    expect((await csv(lead)).status).toBe(403);
    expect((await csv(manager)).status).toBe(400);
    expect((await csv(partner, "?from=2026-13-01")).status).toBe(400);
    const managerCsv = csvRecords(await (await csv(manager, `?partnerOrgId=${fresh.orgId}&from=2026-01-01&to=2026-12-31`)).text());
    expect(managerCsv.length).toBe(5);
  });
});

describe("GET /api/v1/incentives/statement", () => {
  it("answers the contract of API.md with the extra fields", async () => {
    const response = await api(fresh.user, "?from=2026-01-01&to=2026-03-31");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.entries[0]).toMatchObject({ id: expect.any(String), at: "2026-02-01T09:00:00.000Z", kind: "ACCRUAL", amount: { amount: 125_000, currency: "EUR" }, programId: expect.any(String) });
    expect(body.entries[3]).toMatchObject({ kind: "PAYOUT", amount: { amount: -100_000, currency: "EUR" }, programId: null, explanation: "-paid by transfer" });
    expect(body.entries[3]).not.toHaveProperty("dealId");
    expect(body.totals).toMatchObject({ earned: [{ currency: "EUR", amount: 123_500 }], paid: [{ currency: "EUR", amount: 100_000 }], balance: [{ currency: "EUR", amount: 23_500 }] });
    expect(body.tier).toMatchObject({ current: expect.any(Object), progress: expect.any(Number) });
    expect(body.tier).toHaveProperty("next");
    expect(body.tiers.length).toBeGreaterThan(0);
  });

  it("answers 400 with fields, 403 and 404 in the API's error format", async () => {
    const invalid = await api(partner, "?from=yesterday&to=2026-01-01");
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({ error: { code: "invalid_query", message: expect.any(String), fields: { from: "must be a date like 2026-01-31" } } });
    const missing = await api(manager);
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.fields).toEqual({ partnerOrgId: "is required" });
    expect((await api(lead)).status).toBe(403);
    const foreign = await api(partner, `?partnerOrgId=${fresh.orgId}`);
    expect(foreign.status).toBe(404);
    expect((await foreign.json()).error.code).toBe("not_found");
    expect((await api(manager, `?partnerOrgId=${fresh.orgId}&from=2026-01-01&to=2026-03-31`)).status).toBe(200);
  });
});

// getStatement against the seeded demo: who may see which statement, the period's entries and
// totals against the database, adjustments and payouts without a programme, tier progress on the
// engine's own volume, and active SPIFFs with their countdown and remaining budget.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/users.ts";
import { db } from "../db/client.ts";
import { demoUser } from "../../test/routes.ts";
import { toSafeNumber } from "../money.ts";
import { quarterOf } from "./drafting.ts";
import { computeAccruals } from "./engine.ts";
import { loadAccrualInput } from "./load.ts";
import { commissionPrograms, createTestPartner, insertEntries } from "./statement-fixtures.ts";
import { searchPartnerOrgs } from "../partners/directory.ts";
import { getStatement, StatementError, type StatementErrorCode } from "./statement.ts";

let partner: SessionUser;
let partner2: SessionUser;
let manager: SessionUser;

async function errorCode(run: () => Promise<unknown>): Promise<StatementErrorCode | "none"> {
  try {
    await run();
    return "none";
  } catch (error) {
    if (error instanceof StatementError) return error.code;
    throw error;
  }
}

beforeAll(async () => {
  [partner, partner2, manager] = await Promise.all([demoUser("partner@example.com"), demoUser("partner2@example.com"), demoUser("manager@example.com")]);
});

describe("getStatement: who sees what", () => {
  it("gives a partner their own organization, with or without naming it, and 404 for another", async () => {
    const own = await getStatement(db, partner);
    expect(own.partner.id).toBe(partner.partnerOrgId);
    expect((await getStatement(db, partner, { partnerOrgId: partner.partnerOrgId })).partner.id).toBe(partner.partnerOrgId);
    expect(await errorCode(() => getStatement(db, partner, { partnerOrgId: partner2.partnerOrgId }))).toBe("not_found");
    expect(await errorCode(() => getStatement(db, partner, { partnerOrgId: "not-a-uuid" }))).toBe("not_found");
  });

  it("makes a manager pick a partner, lets them read any, and refuses a regional lead", async () => {
    expect(await errorCode(() => getStatement(db, manager))).toBe("partner_required");
    expect((await getStatement(db, manager, { partnerOrgId: partner2.partnerOrgId })).partner.id).toBe(partner2.partnerOrgId);
    expect(await errorCode(() => getStatement(db, manager, { partnerOrgId: "00000000-0000-4000-8000-000000000000" }))).toBe("not_found");
    const lead = await demoUser("lead@example.com");
    expect(await errorCode(() => getStatement(db, lead, { partnerOrgId: partner.partnerOrgId }))).toBe("forbidden");
    // The picker's search never reaches past what the user may see: a lead's regions, a partner's own org.
    expect((await searchPartnerOrgs(db, lead, "")).every((p) => lead.regionCodes.includes(p.regionCode))).toBe(true);
    expect((await searchPartnerOrgs(db, partner, "")).map((p) => p.id)).toEqual([partner.partnerOrgId]);
  });

  it("finds partners for the picker by part of their name", async () => {
    const name = partner.partnerOrgName ?? "";
    const found = await searchPartnerOrgs(db, manager, name.slice(1, 6).toUpperCase());
    expect(found.map((p) => p.id)).toContain(partner.partnerOrgId);
  });

  it("refuses a malformed or reversed period with the field at fault", async () => {
    const invalid = async (from: string, to: string) => {
      try {
        await getStatement(db, partner, { from, to });
        return null;
      } catch (error) {
        return error instanceof StatementError ? error.fields ?? null : null;
      }
    };
    expect(await invalid("2026-13-01", "2026-12-31")).toEqual({ from: expect.stringMatching(/date/) });
    expect(await invalid("2026-06-01", "2026-05-31")).toEqual({ to: "must be on or after from" });
    expect(await invalid("2015-01-01", "2026-01-01")).toEqual({ to: expect.stringMatching(/5 years/) });
  });
});

describe("getStatement: entries and totals", () => {
  it("lists every entry of the period, oldest first, and totals that match the database", async () => {
    const now = new Date();
    const year = now.getUTCFullYear();
    const statement = await getStatement(db, partner, { from: `${year - 1}-01-01`, to: `${year}-12-31` });
    const where = { partnerOrgId: partner.partnerOrgId ?? "", occurredAt: { gte: new Date(`${year - 1}-01-01T00:00:00Z`), lt: new Date(`${year + 1}-01-01T00:00:00Z`) } };
    expect(statement.entries.length).toBe(await db.incentiveLedgerEntry.count({ where }));
    expect(statement.entries.length).toBeGreaterThan(0);
    const times = statement.entries.map((e) => e.occurredAt);
    expect(times).toEqual([...times].sort());

    const sums = await db.incentiveLedgerEntry.groupBy({ by: ["currency"], where, _sum: { amount: true }, orderBy: { currency: "asc" } });
    expect(statement.totals.balance).toEqual(sums.map((s) => ({ currency: s.currency.trim(), amount: toSafeNumber(s._sum.amount) })));
    const before = await db.incentiveLedgerEntry.aggregate({ where: { partnerOrgId: where.partnerOrgId, occurredAt: { lt: where.occurredAt.gte } }, _sum: { amount: true } });
    expect(statement.totals.openingBalance.find((m) => m.currency === "EUR")?.amount ?? 0).toBe(toSafeNumber(before._sum.amount));

    const entry = statement.entries.find((e) => e.deal !== null && e.program?.kind === "COMMISSION");
    expect(entry?.explanation).toMatch(/Commission on won deals/);
    expect(entry?.explanationData).toMatchObject({ programKey: entry?.program?.key, rule: "commission", dealId: entry?.deal?.id });
  });

  it("shows manual adjustments and payouts without a programme, payouts as paid", async () => {
    const fresh = await createTestPartner(db, "Statement Adjustments GmbH");
    const programs = await commissionPrograms(db);
    await insertEntries(db, fresh.orgId, [
      { kind: "ACCRUAL", amount: 100_000, currency: "EUR", occurredAt: new Date("2026-02-10T10:00:00Z"), explanation: "5 % of €20,000.00" },
      { kind: "ADJUSTMENT", amount: 2_500, currency: "EUR", occurredAt: new Date("2026-03-01T10:00:00Z"), explanation: "Goodwill for the March trade fair" },
      { kind: "PAYOUT", amount: -60_000, currency: "EUR", occurredAt: new Date("2026-03-15T10:00:00Z"), explanation: "Paid by bank transfer" },
      { kind: "ACCRUAL", amount: 999, currency: "EUR", occurredAt: new Date("2025-12-31T23:59:59Z"), explanation: "before the period" },
    ], programs);
    const statement = await getStatement(db, fresh.user, { from: "2026-01-01", to: "2026-03-31", now: new Date("2026-04-01T00:00:00Z") });
    expect(statement.entries.map((e) => [e.kind, e.program === null, e.amount.amount, e.balanceAfter.amount])).toEqual([
      ["ACCRUAL", false, 100_000, 100_999],
      ["ADJUSTMENT", true, 2_500, 103_499],
      ["PAYOUT", true, -60_000, 43_499],
    ]);
    expect(statement.totals).toMatchObject({
      earned: [{ currency: "EUR", amount: 102_500 }],
      paid: [{ currency: "EUR", amount: 60_000 }],
      balance: [{ currency: "EUR", amount: 42_500 }],
      openingBalance: [{ currency: "EUR", amount: 999 }],
      closingBalance: [{ currency: "EUR", amount: 43_499 }],
    });
    expect(statement.totals.byMonth.map((m) => [m.month, m.earned, m.paid])).toEqual([["2026-01", 0, 0], ["2026-02", 100_000, 0], ["2026-03", 2_500, 60_000]]);
    expect(statement.totals.byProgram.map((p) => [p.source, p.amount.amount])).toEqual([["PROGRAM", 100_000], ["ADJUSTMENT", 2_500], ["PAYOUT", -60_000]]);
  });
});

describe("getStatement: what is still to earn", () => {
  it("measures tier progress on the same quarter-to-date volume as the engine", async () => {
    const now = new Date();
    const statement = await getStatement(db, partner, { now });
    const rebate = statement.tiers.find((t) => t.program.key === "quarterly-volume-rebate");
    expect(rebate).toBeDefined();
    // The engine without the programme's budget cap, which may have dropped this quarter's draft.
    const input = await loadAccrualInput(db, { partnerOrgIds: [partner.partnerOrgId ?? ""], asOf: now });
    const uncapped = { ...input, programs: input.programs.filter((p) => p.id === rebate?.program.id).map((p) => ({ ...p, budgetCap: null })) };
    const draft = computeAccruals(uncapped).find((d) => d.partnerOrgId === partner.partnerOrgId && d.explanationData.rule === "tier" && d.explanationData.quarter === quarterOf(now));
    expect(draft).toBeDefined();
    expect(rebate?.volume.amount).toBe(draft?.explanationData.quarterToDate);
    expect(rebate?.current?.tier).toBe(draft?.explanationData.tier);
    if (rebate?.next) expect(rebate.amountToNext.amount).toBe(rebate.next.fromAmount - rebate.volume.amount);
    expect(rebate?.progress).toBeGreaterThanOrEqual(0);
    expect(rebate?.progress).toBeLessThanOrEqual(1);
    // The demo's rebate has no budget of its own (the SPIFF below shows one).
    expect(rebate?.budget).toBeNull();
  });

  it("lists the active SPIFFs of the partner's region with countdown and the budget left across all partners", async () => {
    const now = new Date("2026-11-20T12:00:00Z");
    const product = await db.product.findFirstOrThrow({ select: { sku: true, name: true }, orderBy: { sku: "asc" } });
    const spiff = (key: string, name: string, rules: object) =>
      db.incentiveProgram.create({
        data: { key, version: 1, name, kind: "SPIFF", status: "ACTIVE", rules, currency: "EUR", effectiveFrom: new Date("2026-01-01") },
        select: { id: true },
      });
    const base = { from: "2026-11-01", to: "2026-11-30", bonus: 50_000, budgetCap: 1_000_000 };
    const dach = await spiff("statement-spiff-dach", "Year-end DACH push", { ...base, productSkus: [product.sku], industries: ["Finance"], regionCodes: ["DACH"] });
    await spiff("statement-spiff-apac", "APAC only", { ...base, regionCodes: ["APAC"] });
    await spiff("statement-spiff-ended", "Ended", { ...base, to: "2026-11-19" });

    const other = await createTestPartner(db, "Statement SPIFF Rival AG");
    await db.incentiveLedgerEntry.create({
      data: { partnerOrgId: other.orgId, programId: dach.id, kind: "ACCRUAL", amount: 150_000n, currency: "EUR", explanation: "Rival's SPIFF", idempotencyKey: "statement-test:rival-spiff", occurredAt: now },
    });
    const statement = await getStatement(db, partner, { now });
    // The demo's own SPIFF is live too; of this test's three, only the DACH one applies on this day.
    expect(statement.spiffs.map((s) => s.program.key).filter((key) => key.startsWith("statement-spiff"))).toEqual(["statement-spiff-dach"]);
    expect(statement.spiffs.find((s) => s.program.key === "statement-spiff-dach")).toMatchObject({
      bonus: { amount: 50_000, currency: "EUR" },
      products: [product],
      industries: ["Finance"],
      endsOn: "2026-11-30",
      daysLeft: 10,
      budget: { amount: 1_000_000 },
      remainingBudget: { amount: 850_000 },
      earnedByPartner: { amount: 0 },
    });
    expect(statement.entries.some((e) => e.explanation === "Rival's SPIFF")).toBe(false);
  });
});

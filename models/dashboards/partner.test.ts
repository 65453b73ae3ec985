// The partner dashboard against the seeded demo: every number equals an independent count, and
// another organization's deals and earnings never leak into it.
import { beforeAll, describe, expect, it } from "vitest";
import { demoUser } from "../../test/routes.ts";
import type { SessionUser } from "../auth/users.ts";
import { db } from "../db/client.ts";
import { partnerDashboard } from "./partner.ts";

let partner: SessionUser;
let orgId: string;
let otherOrgId: string;
const now = new Date();

function sumsByCurrency(rows: { currency: string; _sum: { amount: bigint | null } }[]) {
  return rows
    .map((r) => ({ currency: r.currency.trim(), amount: Number(r._sum.amount ?? 0n) }))
    .filter((m) => m.amount !== 0)
    .sort((a, b) => b.amount - a.amount);
}

beforeAll(async () => {
  partner = await demoUser("partner@example.com");
  orgId = partner.partnerOrgId!;
  otherOrgId = (await demoUser("partner2@example.com")).partnerOrgId!;
});

describe("partnerDashboard", () => {
  it("counts open deals and their value per currency like an independent aggregate", async () => {
    const dashboard = await partnerDashboard(db, { partnerOrgId: orgId, now });
    const open = await db.deal.groupBy({
      by: ["currency"],
      where: { partnerOrgId: orgId, status: { in: ["SUBMITTED", "APPROVED"] } },
      _count: { _all: true },
      _sum: { amount: true },
    });
    expect(dashboard.openDeals.count).toBe(open.reduce((n, r) => n + r._count._all, 0));
    expect(dashboard.openDeals.count).toBeGreaterThan(0);
    expect(dashboard.openDeals.value).toEqual(sumsByCurrency(open));
  });

  it("has every status, each with the organization's count", async () => {
    const dashboard = await partnerDashboard(db, { partnerOrgId: orgId, now });
    expect(dashboard.dealsByStatus.map((s) => s.status)).toEqual(["SUBMITTED", "APPROVED", "REJECTED", "WON", "LOST", "EXPIRED"]);
    for (const { status, count } of dashboard.dealsByStatus) {
      expect(count).toBe(await db.deal.count({ where: { partnerOrgId: orgId, status } }));
    }
    // The demo partner has deals in every status.
    expect(dashboard.dealsByStatus.every((s) => s.count > 0)).toBe(true);
  });

  it("sums earnings (all time and this year) from the incentive ledger", async () => {
    const dashboard = await partnerDashboard(db, { partnerOrgId: orgId, now });
    const yearStart = new Date(Date.UTC(now.getUTCFullYear(), 0, 1));
    const earned = (from?: Date) =>
      db.incentiveLedgerEntry.groupBy({
        by: ["currency"],
        where: { partnerOrgId: orgId, kind: { not: "PAYOUT" }, occurredAt: { lte: now, ...(from ? { gte: from } : {}) } },
        _sum: { amount: true },
      });
    expect(dashboard.earnings.allTime).toEqual(sumsByCurrency(await earned()));
    expect(dashboard.earnings.thisYear).toEqual(sumsByCurrency(await earned(yearStart)));
    expect(dashboard.earnings.allTime.length).toBeGreaterThan(0);
  });

  it("lists approved deals whose protection ends within 14 days, soonest first", async () => {
    const dashboard = await partnerDashboard(db, { partnerOrgId: orgId, now });
    const until = new Date(now.getTime() + 14 * 86_400_000);
    const expected = await db.deal.count({ where: { partnerOrgId: orgId, status: "APPROVED", protectionExpiresAt: { gte: now, lte: until } } });
    expect(dashboard.expiringProtections.count).toBe(expected);
    const dates = dashboard.expiringProtections.deals.map((d) => d.protectionExpiresAt!);
    expect([...dates].sort()).toEqual(dates);
  });

  it("shows the organization's most recent deals, newest first", async () => {
    const dashboard = await partnerDashboard(db, { partnerOrgId: orgId, now });
    const latest = await db.deal.findMany({ where: { partnerOrgId: orgId }, select: { id: true }, orderBy: [{ submittedAt: "desc" }, { id: "asc" }], take: 6 });
    expect(dashboard.recentDeals.map((d) => d.id)).toEqual(latest.map((d) => d.id));
  });

  it("never counts another organization's deals, protections or earnings", async () => {
    const before = await partnerDashboard(db, { partnerOrgId: orgId, now });
    const customer = await db.customer.create({ data: { name: "Leak Test GmbH", normalizedName: "leak test", country: "DE" }, select: { id: true } });
    const soon = new Date(now.getTime() + 3 * 86_400_000);
    const foreign = await db.deal.create({
      data: {
        partnerOrgId: otherOrgId, customerId: customer.id, title: "Other org's deal", amount: 9_999_900n, currency: "EUR",
        expectedCloseDate: soon, status: "APPROVED", protectionExpiresAt: soon, submittedAt: now,
      },
      select: { id: true },
    });
    await db.incentiveLedgerEntry.create({
      data: { partnerOrgId: otherOrgId, kind: "ACCRUAL", amount: 123_400n, currency: "EUR", explanation: "test", idempotencyKey: `leak-${foreign.id}`, occurredAt: now },
      select: { id: true },
    });

    const after = await partnerDashboard(db, { partnerOrgId: orgId, now });
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).not.toContain(foreign.id);

    // The same deal inserted for the organization itself does show: the check above can fail.
    await db.deal.create({
      data: {
        partnerOrgId: orgId, customerId: customer.id, title: "Own deal", amount: 100n, currency: "EUR",
        expectedCloseDate: soon, status: "APPROVED", protectionExpiresAt: soon, submittedAt: now,
      },
      select: { id: true },
    });
    const own = await partnerDashboard(db, { partnerOrgId: orgId, now });
    expect(own.openDeals.count).toBe(before.openDeals.count + 1);
    expect(own.expiringProtections.count).toBe(before.expiringProtections.count + 1);
  });
});

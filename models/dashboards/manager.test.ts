// The channel manager dashboard against the seeded demo: the approval queue, partner tiers,
// intake and won value each equal an independent count.
import { beforeAll, describe, expect, it } from "vitest";
import { demoUser } from "../../test/routes.ts";
import type { SessionUser } from "../auth/users.ts";
import { db } from "../db/client.ts";
import { type ManagerDashboard, managerDashboard } from "./manager.ts";

let manager: SessionUser;
let dashboard: ManagerDashboard;
const now = new Date();

beforeAll(async () => {
  manager = await demoUser("manager@example.com");
  dashboard = await managerDashboard(db, { managerId: manager.id, now });
});

describe("managerDashboard", () => {
  it("counts pending approvals, the overdue ones against the 48 h SLA and the oldest waiting", async () => {
    const slaCutoff = new Date(now.getTime() - 48 * 3_600_000);
    expect(dashboard.slaHours).toBe(48);
    expect(dashboard.pending.count).toBe(await db.deal.count({ where: { status: "SUBMITTED" } }));
    expect(dashboard.pending.count).toBeGreaterThan(0);
    expect(dashboard.pending.overdue).toBe(await db.deal.count({ where: { status: "SUBMITTED", submittedAt: { lt: slaCutoff } } }));
    const oldest = await db.deal.aggregate({ where: { status: "SUBMITTED" }, _min: { submittedAt: true } });
    expect(dashboard.pending.oldestSubmittedAt).toBe(oldest._min.submittedAt?.toISOString());
    expect(dashboard.pending.oldest[0].submittedAt).toBe(dashboard.pending.oldestSubmittedAt);
    expect(dashboard.pending.oldest.every((d) => d.overdue === Date.parse(d.submittedAt) < slaCutoff.getTime())).toBe(true);
  });

  it("counts active partners by tier and by region", async () => {
    const total = await db.partnerOrg.count({ where: { status: "ACTIVE" } });
    expect(dashboard.partnersByTier.reduce((n, r) => n + r.count, 0)).toBe(total);
    for (const { tier, count } of dashboard.partnersByTier) {
      expect(count).toBe(await db.partnerOrg.count({ where: { status: "ACTIVE", tier } }));
    }
    expect(dashboard.partnersByRegion.reduce((n, r) => n + r.total, 0)).toBe(total);
    const dach = dashboard.partnersByRegion.find((r) => r.regionCode === "DACH")!;
    expect(dach.byTier.GOLD).toBe(await db.partnerOrg.count({ where: { status: "ACTIVE", regionCode: "DACH", tier: "GOLD" } }));
    expect(dashboard.assignedPartners).toBe(await db.partnerOrg.count({ where: { status: "ACTIVE", channelManagerId: manager.id } }));
    expect(dashboard.assignedPartners).toBeGreaterThan(0);
  });

  it("compares deals submitted this month with last month", async () => {
    const thisMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    expect(dashboard.submitted).toEqual({
      thisMonth: await db.deal.count({ where: { submittedAt: { gte: thisMonth, lte: now } } }),
      lastMonth: await db.deal.count({ where: { submittedAt: { gte: lastMonth, lt: thisMonth } } }),
    });
    expect(dashboard.submitted.lastMonth).toBeGreaterThan(0);
  });

  it("sums the value won this quarter (the closed amount where there is one)", async () => {
    const quarter = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1));
    const won = await db.deal.findMany({
      where: { status: "WON", closedAt: { gte: quarter, lte: now } },
      select: { amount: true, closedAmount: true, currency: true },
    });
    const byCurrency = new Map<string, number>();
    for (const d of won) byCurrency.set(d.currency, (byCurrency.get(d.currency) ?? 0) + Number(d.closedAmount ?? d.amount));
    expect(dashboard.wonThisQuarter.count).toBe(won.length);
    expect(dashboard.wonThisQuarter.value).toEqual(
      [...byCurrency].map(([currency, amount]) => ({ currency, amount })).filter((m) => m.amount !== 0).sort((a, b) => b.amount - a.amount),
    );
  });

  it("sees a newly submitted deal in the queue at once", async () => {
    const org = await db.partnerOrg.findFirstOrThrow({ where: { status: "ACTIVE" }, select: { id: true } });
    const customer = await db.customer.create({ data: { name: "Queue Test AG", normalizedName: "queue test", country: "CH" }, select: { id: true } });
    await db.deal.create({
      data: { partnerOrgId: org.id, customerId: customer.id, title: "Fresh", amount: 5_000n, currency: "EUR", expectedCloseDate: now, submittedAt: now },
      select: { id: true },
    });
    const after = await managerDashboard(db, { managerId: manager.id, now });
    expect(after.pending.count).toBe(dashboard.pending.count + 1);
    expect(after.pending.overdue).toBe(dashboard.pending.overdue);
    expect(after.submitted.thisMonth).toBe(dashboard.submitted.thisMonth + 1);
  });
});

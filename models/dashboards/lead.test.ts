// The regional lead dashboard against the seeded demo: the 24-month sales trend of their
// regions equals an independent sum, other regions stay out, and alerts are real or absent.
import { beforeAll, describe, expect, it } from "vitest";
import { demoUser } from "../../test/routes.ts";
import type { SessionUser } from "../auth/users.ts";
import { db } from "../db/client.ts";
import { type LeadDashboard, leadDashboard } from "./lead.ts";

let lead: SessionUser;
let dashboard: LeadDashboard;
const now = new Date();
const monthStart = (offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));

beforeAll(async () => {
  lead = await demoUser("lead@example.com");
  dashboard = await leadDashboard(db, { userId: lead.id, regionCodes: lead.regionCodes, now });
});

describe("leadDashboard", () => {
  it("charts the 24 complete months before this one for each of the lead's regions", async () => {
    expect(lead.regionCodes.length).toBeGreaterThanOrEqual(2);
    const { months, series } = dashboard.salesTrend;
    expect(months).toHaveLength(24);
    expect(months[0]).toBe(monthStart(-24).toISOString().slice(0, 7));
    expect(months[23]).toBe(monthStart(-1).toISOString().slice(0, 7));
    expect(new Set(series.map((s) => s.regionCode))).toEqual(new Set(lead.regionCodes));
  });

  it("sums each region's monthly sales like an independent aggregate", async () => {
    for (const s of dashboard.salesTrend.series) {
      for (const i of [0, 11, 23]) {
        const month = dashboard.salesTrend.months[i];
        const from = new Date(`${month}-01T00:00:00Z`);
        const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
        const sum = await db.salesRecord.aggregate({
          where: { regionCode: s.regionCode, currency: s.currency, soldOn: { gte: from, lt: to } },
          _sum: { amount: true },
        });
        expect(s.amounts[i]).toBe(Number(sum._sum.amount ?? 0n));
      }
      expect(s.amounts.some((a) => a > 0)).toBe(true);
    }
  });

  it("reports the trailing year against the year before", async () => {
    const s = dashboard.salesTrend.series[0];
    const total = async (from: Date, to: Date) =>
      Number((await db.salesRecord.aggregate({ where: { regionCode: s.regionCode, currency: s.currency, soldOn: { gte: from, lt: to } }, _sum: { amount: true } }))._sum.amount ?? 0n);
    const last12 = await total(monthStart(-12), monthStart(0));
    const prev12 = await total(monthStart(-24), monthStart(-12));
    expect(s.last12).toBe(last12);
    expect(s.prev12).toBe(prev12);
    expect(s.change).toBeCloseTo((last12 - prev12) / prev12, 10);
  });

  it("ranks only partners of the lead's regions, at most five per region", async () => {
    expect(dashboard.topPartners.length).toBeGreaterThan(0);
    for (const p of dashboard.topPartners) expect(lead.regionCodes).toContain(p.regionCode);
    for (const code of lead.regionCodes) expect(dashboard.topPartners.filter((p) => p.regionCode === code).length).toBeLessThanOrEqual(5);
    const top = dashboard.topPartners[0];
    const revenue = await db.salesRecord.aggregate({
      where: { partnerOrgId: top.id, currency: top.revenue12m.currency, soldOn: { gte: monthStart(-12), lt: monthStart(0) } },
      _sum: { amount: true },
    });
    expect(top.revenue12m.amount).toBe(Number(revenue._sum.amount ?? 0n));
  });

  it("counts the lead's own unread alerts, and shows none rather than made-up ones", async () => {
    const unread = await db.alert.count({ where: { userId: lead.id, readAt: null } });
    expect(dashboard.alerts.unread).toBe(unread);
    expect(dashboard.alerts.latest.length).toBe(Math.min(5, await db.alert.count({ where: { userId: lead.id } })));

    const source = await db.marketSource.create({ data: { name: "Test", url: "https://example.com/feed", kind: "RSS", contentType: "TENDER" }, select: { id: true } });
    const item = await db.marketItem.create({
      data: { sourceId: source.id, contentType: "TENDER", canonicalUrl: "https://example.com/t/1", contentHash: "h1", title: "City ERP tender", normalizedTitle: "city erp tender" },
      select: { id: true },
    });
    const other = await demoUser("marco.bianchi@example.com");
    await db.alert.create({ data: { itemId: item.id, userId: lead.id, regionCode: "DACH", relevance: 0.9, severity: "HIGH" }, select: { id: true } });
    await db.alert.create({ data: { itemId: item.id, userId: other.id, relevance: 0.5 }, select: { id: true } });

    const after = await leadDashboard(db, { userId: lead.id, regionCodes: lead.regionCodes, now });
    expect(after.alerts.unread).toBe(unread + 1);
    expect(after.alerts.latest[0]).toMatchObject({ title: "City ERP tender", severity: "HIGH", regionCode: "DACH", read: false, url: "https://example.com/t/1" });
  });

  it("stays out of regions the lead does not own", async () => {
    const only = await leadDashboard(db, { userId: lead.id, regionCodes: ["DACH"], now });
    expect(only.salesTrend.series.map((s) => s.regionCode)).toEqual(["DACH"]);
    expect(only.topPartners.every((p) => p.regionCode === "DACH")).toBe(true);
    const none = await leadDashboard(db, { userId: lead.id, regionCodes: [], now });
    expect(none.salesTrend.series).toEqual([]);
    expect(none.topPartners).toEqual([]);
  });
});

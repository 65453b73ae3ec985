import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { demoUser } from "../../test/routes.ts";
import type { SessionUser } from "../auth/users.ts";
import { computePartnerFeatures } from "./features.ts";
import { getPartnerProfile } from "./profiles.ts";
import { churnReasonText, insertSegmentRun } from "./score-fixtures.ts";

const now = new Date();
let manager: SessionUser;
let lead: SessionUser;
let partner: SessionUser;
let ownOrgId: string;

beforeAll(async () => {
  [manager, lead, partner] = await Promise.all(["manager@example.com", "lead@example.com", "partner@example.com"].map(demoUser));
  ownOrgId = partner.partnerOrgId ?? "";
});

describe("visibility", () => {
  it("is null for an organization outside the user's scope, an unknown id or a malformed one", async () => {
    const outside = await db.partnerOrg.findFirstOrThrow({ where: { regionCode: { notIn: lead.regionCodes } }, select: { id: true } });
    const other = await db.partnerOrg.findFirstOrThrow({ where: { id: { not: ownOrgId } }, select: { id: true } });
    expect(await getPartnerProfile(db, lead, outside.id)).toBeNull();
    expect(await getPartnerProfile(db, partner, other.id)).toBeNull();
    expect(await getPartnerProfile(db, manager, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await getPartnerProfile(db, manager, "not-a-uuid")).toBeNull();
    expect(await getPartnerProfile(db, manager, outside.id)).not.toBeNull();
  });
});

describe("the 360 profile of the demo partner", () => {
  it("adds up to the same figures as independent SQL", async () => {
    const profile = await getPartnerProfile(db, manager, ownOrgId, { now });
    if (!profile) throw new Error("the demo partner is visible to the manager");
    expect(profile.partner.id).toBe(ownOrgId);
    expect(profile.scoring).toBeNull();
    expect(profile.kpis.featuresAsOf).toBeNull();

    const [pipeline] = await db.$queryRaw<{ amount: bigint; count: number }[]>`
      SELECT COALESCE(SUM(amount), 0)::bigint AS amount, COUNT(*)::int AS count FROM deal WHERE partner_org_id = ${ownOrgId}::uuid AND status = 'APPROVED'`;
    expect(profile.kpis.pipeline.reduce((s, m) => s + m.amount, 0)).toBe(Number(pipeline.amount));
    expect(profile.kpis.openDeals).toBe(pipeline.count);
    expect(profile.pipelineByStage.reduce((s, p) => s + p.count, 0)).toBe(pipeline.count);

    const from = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate()));
    const [earned] = await db.$queryRaw<{ amount: bigint }[]>`
      SELECT COALESCE(SUM(amount), 0)::bigint AS amount FROM incentive_ledger_entry
      WHERE partner_org_id = ${ownOrgId}::uuid AND kind <> 'PAYOUT' AND occurred_at >= ${from} AND occurred_at <= ${now}`;
    expect(profile.kpis.earnings12m.reduce((s, m) => s + m.amount, 0)).toBe(Number(earned.amount));

    expect(profile.revenueByMonth.length).toBeGreaterThan(0);
    const series = profile.revenueByMonth[0];
    expect(series.months).toHaveLength(24);
    const first = `${series.months[0].month}-01`;
    const thisMonth = `${now.toISOString().slice(0, 7)}-01`;
    const [sold] = await db.$queryRaw<{ amount: bigint }[]>`
      SELECT COALESCE(SUM(amount), 0)::bigint AS amount FROM sales_record
      WHERE partner_org_id = ${ownOrgId}::uuid AND currency = ${series.currency} AND sold_on >= ${first}::date AND sold_on < ${thisMonth}::date`;
    expect(series.months.reduce((s, m) => s + m.amount, 0)).toBe(Number(sold.amount));

    expect(profile.activityByMonth).toHaveLength(12);
    expect(profile.timeline.length).toBeLessThanOrEqual(30);
    const times = profile.timeline.map((a) => a.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(profile.deals.length).toBeGreaterThan(0);
    expect(profile.deals.length).toBeLessThanOrEqual(10);
  });

  it("takes KPIs from the latest features and scores from the latest finished run, with its quality", async () => {
    await computePartnerFeatures(db, { asOf: new Date("2025-01-01T00:00:00Z") });
    await computePartnerFeatures(db, { asOf: now });
    await insertSegmentRun(db, { finishedAt: new Date("2025-06-01T00:00:00Z"), scores: [{ partnerOrgId: ownOrgId, segment: "Dormant", health: 12, churn: 0.9 }] });
    await insertSegmentRun(db, { finishedAt: new Date("2026-01-01T00:00:00Z"), auc: 0.77, brier: 0.15, scores: [{ partnerOrgId: ownOrgId, segment: "Champions", health: 82.5, churn: 0.07 }] });

    const profile = await getPartnerProfile(db, lead, ownOrgId, { now });
    const features = await db.partnerFeatures.findFirstOrThrow({ where: { partnerOrgId: ownOrgId }, orderBy: { asOf: "desc" } });
    expect(profile?.kpis.featuresAsOf).toBe(now.toISOString().slice(0, 10));
    expect(profile?.kpis.revenue12m).toEqual({ amount: Number(features.revenue12m), currency: "EUR" });
    expect(profile?.kpis.winRate).toBe(features.winRate);

    expect(profile?.scoring?.segment).toEqual({ label: "Champions", description: "High revenue, growing, winning most deals", size: 1 });
    expect(profile?.scoring?.health).toMatchObject({ score: 82.5, band: "healthy" });
    expect(profile?.scoring?.health?.reasons[0]).toEqual({ text: "Won 7 of 10 deals in 12 months", feature: "winRate", direction: "up", weight: 0.4 });
    expect(profile?.scoring?.churn?.risk).toBe(0.07);
    expect(profile?.scoring?.churn?.reasons.map((r) => r.text)).toContain(churnReasonText("Champions"));
    expect(profile?.scoring?.run.quality).toEqual({ silhouette: 0.42, churnAuc: 0.77, churnBrier: 0.15, churnNote: null });
  });
});

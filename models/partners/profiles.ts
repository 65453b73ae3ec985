// A partner's 360 profile for channel managers, admins and regional leads (their regions): who
// the partner is, KPIs (stored features plus live pipeline and earnings), charts' series, segment,
// health and churn with reasons and model quality, recent deals, ledger entries and activities.
import { partnerOrgScope } from "../auth/permissions.ts";
import type { SessionUser } from "../auth/users.ts";
import type { PrismaClient } from "../db/generated/client.ts";
import type { PartnerStatus, PartnerTier, PartnerType } from "../db/generated/enums.ts";
import { type Money } from "../money.ts";
import { isUuid } from "../validation.ts";
import { latestPartnerFeatures } from "./features.ts";
import { latestScoring, type PartnerScoring } from "./partner-scores.ts";
import { activityTimeline, type ProfileDeal, type ProfileLedgerEntry, recentDeals, recentLedgerEntries, type TimelineActivity } from "./profile-records.ts";
import {
  activityByMonth,
  type ActivityMonth,
  earningsLast12Months,
  monthlyRevenue,
  type PipelineStage,
  pipelineByStage,
  pipelineTotal,
  type RevenueSeries,
} from "./profile-series.ts";

export type PartnerIdentity = {
  id: string;
  name: string;
  tier: PartnerTier;
  type: PartnerType;
  status: PartnerStatus;
  region: { code: string; name: string; currency: string };
  country: string;
  industries: string[];
  joinedAt: string;
  channelManager: string | null;
  parent: { id: string; name: string } | null;
};

export type PartnerKpis = {
  /** The day the stored features were computed for; null before the first features run. */
  featuresAsOf: string | null;
  revenue12m: Money | null;
  revenuePrev12m: Money | null;
  growth: number | null;
  winRate: number | null;
  wonCount12m: number | null;
  lostCount12m: number | null;
  avgDealSize: Money | null;
  cycleDays: number | null;
  /** Live: approved deals not yet closed. */
  pipeline: Money[];
  openDeals: number;
  /** Live: ledger accruals, clawbacks and adjustments over the last twelve months. */
  earnings12m: Money[];
  engagement: { logins90d: number; trainings12m: number; certifications12m: number; demos12m: number; solutions12m: number; productBreadth: number } | null;
};

/** What the API answers about a partner: identity, KPIs, revenue, pipeline and scores. */
export type PartnerSummary = {
  partner: PartnerIdentity;
  kpis: PartnerKpis;
  revenueByMonth: RevenueSeries[];
  pipelineByStage: PipelineStage[];
  scoring: PartnerScoring | null;
};

/** The 360° page: the summary with activity, recent deals, ledger entries and the timeline. */
export type PartnerProfile = PartnerSummary & {
  activityByMonth: ActivityMonth[];
  deals: ProfileDeal[];
  ledger: ProfileLedgerEntry[];
  timeline: TimelineActivity[];
};

/** The partner organization if `user` may see it (partnerOrgScope), else null — also for a malformed id. */
async function findPartnerIdentity(db: PrismaClient, user: SessionUser, id: string): Promise<PartnerIdentity | null> {
  if (!isUuid(id)) return null;
  const org = await db.partnerOrg.findFirst({
    where: { AND: [partnerOrgScope(user), { id }] },
    select: {
      id: true, name: true, tier: true, type: true, status: true, country: true, industries: true, joinedAt: true,
      region: { select: { code: true, name: true, currency: true } },
      channelManager: { select: { name: true } },
      parent: { select: { id: true, name: true } },
    },
  });
  if (!org) return null;
  return {
    id: org.id,
    name: org.name,
    tier: org.tier,
    type: org.type,
    status: org.status,
    region: { ...org.region, currency: org.region.currency.trim() },
    country: org.country.trim(),
    industries: org.industries,
    joinedAt: org.joinedAt.toISOString().slice(0, 10),
    channelManager: org.channelManager?.name ?? null,
    parent: org.parent,
  };
}

/** The KPIs: stored features (in the region's currency) and the live pipeline and earnings. */
async function partnerKpis(db: PrismaClient, partner: PartnerIdentity, stages: readonly PipelineStage[], now: Date): Promise<PartnerKpis> {
  const [features, earnings12m] = await Promise.all([latestPartnerFeatures(db, partner.id), earningsLast12Months(db, partner.id, now)]);
  const money = (amount: number | null | undefined): Money | null =>
    amount === null || amount === undefined ? null : { amount, currency: partner.region.currency };
  return {
    featuresAsOf: features?.asOf ?? null,
    revenue12m: money(features?.revenue12m),
    revenuePrev12m: money(features?.revenuePrev12m),
    growth: features?.growth ?? null,
    winRate: features?.winRate ?? null,
    wonCount12m: features?.wonCount12m ?? null,
    lostCount12m: features?.lostCount12m ?? null,
    avgDealSize: money(features?.avgDealSize),
    cycleDays: features?.cycleDays ?? null,
    pipeline: pipelineTotal(stages),
    openDeals: stages.reduce((sum, s) => sum + s.count, 0),
    earnings12m,
    engagement: features
      ? {
          logins90d: features.logins90d,
          trainings12m: features.trainings12m,
          certifications12m: features.certifications12m,
          demos12m: features.demos12m,
          solutions12m: features.solutions12m,
          productBreadth: features.productBreadth,
        }
      : null,
  };
}

async function summarize(db: PrismaClient, partner: PartnerIdentity, now: Date): Promise<PartnerSummary> {
  const stages = await pipelineByStage(db, partner.id);
  const [kpis, revenue, scoring] = await Promise.all([partnerKpis(db, partner, stages, now), monthlyRevenue(db, partner.id, now), latestScoring(db, partner.id)]);
  return { partner, kpis, revenueByMonth: revenue, pipelineByStage: stages, scoring };
}

/** The API's view of a partner `user` may see (null otherwise): no deals, ledger or timeline read. */
export async function getPartnerSummary(db: PrismaClient, user: SessionUser, id: string, { now = new Date() }: { now?: Date } = {}): Promise<PartnerSummary | null> {
  const partner = await findPartnerIdentity(db, user, id);
  return partner ? summarize(db, partner, now) : null;
}

export async function getPartnerProfile(db: PrismaClient, user: SessionUser, id: string, { now = new Date() }: { now?: Date } = {}): Promise<PartnerProfile | null> {
  const partner = await findPartnerIdentity(db, user, id);
  if (!partner) return null;
  const [summary, activity, deals, ledger, timeline] = await Promise.all([
    summarize(db, partner, now),
    activityByMonth(db, partner.id, now),
    recentDeals(db, partner.id),
    recentLedgerEntries(db, partner.id),
    activityTimeline(db, partner.id),
  ]);
  return { ...summary, activityByMonth: activity, deals, ledger, timeline };
}

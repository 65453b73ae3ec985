// The channel manager's partner list: the partners the user may see (partnerOrgScope), filtered by
// region, tier, segment, health band and a name search, sorted by churn risk, name or revenue,
// a page at a time; each row with its segment, health and churn risk from the latest run.
import { partnerOrgScope } from "../auth/permissions.ts";
import type { SessionUser } from "../auth/users.ts";
import { Prisma, type PrismaClient } from "../db/generated/client.ts";
import type { PartnerStatus, PartnerTier } from "../db/generated/enums.ts";
import { type Money, toMoney } from "../money.ts";
import { type HealthBand, healthBandOf, healthBandRange } from "./health-bands.ts";
import { latestSegmentRun, type ModelQuality, parseReasons, type ScoreReason, type SegmentRunSummary } from "./segment-runs.ts";

export const PARTNER_SORTS = ["churn", "name", "revenue"] as const;
export type PartnerSort = (typeof PARTNER_SORTS)[number];

export type PartnerListQuery = {
  region?: string;
  tier?: PartnerTier;
  segment?: string;
  healthBand?: HealthBand;
  q?: string;
  sort: PartnerSort;
  page: number;
  pageSize: number;
};

export type PartnerListItem = {
  id: string;
  name: string;
  region: { code: string; name: string };
  country: string;
  tier: PartnerTier;
  status: PartnerStatus;
  segment: string | null;
  health: { score: number; band: HealthBand; reasons: ScoreReason[] } | null;
  /** 0..1; null before a run scored the partner. */
  churnRisk: number | null;
  churnReasons: ScoreReason[];
  /** From the latest partner features, in the region's currency; null before the first features run. */
  revenue12m: Money | null;
  growth: number | null;
};

export type ListedRun = { id: string; finishedAt: string; quality: ModelQuality };
export type PartnerList = { items: PartnerListItem[]; total: number; run: ListedRun | null };

const listedRun = (run: SegmentRunSummary | null): ListedRun | null => run && { id: run.id, finishedAt: run.finishedAt, quality: run.quality };

type Row = {
  id: string;
  name: string;
  region_code: string;
  region_name: string;
  currency: string;
  country: string;
  tier: PartnerTier;
  status: PartnerStatus;
  segment_label: string | null;
  health_score: number | null;
  health_reasons: unknown;
  churn_risk: number | null;
  churn_reasons: unknown;
  revenue_12m: bigint | null;
  growth: number | null;
};

const orderBy: Record<PartnerSort, Prisma.Sql> = {
  churn: Prisma.sql`s.churn_risk DESC NULLS LAST, p.name ASC, p.id ASC`,
  revenue: Prisma.sql`f.revenue_12m DESC NULLS LAST, p.name ASC, p.id ASC`,
  name: Prisma.sql`p.name ASC, p.id ASC`,
};

/** The filters as a Prisma condition, always inside the user's scope. */
function visibleWhere(user: SessionUser, query: PartnerListQuery, runId: string | null): Prisma.PartnerOrgWhereInput {
  const text = query.q?.trim().slice(0, 100);
  const scored = query.segment !== undefined || query.healthBand !== undefined;
  return {
    AND: [
      partnerOrgScope(user),
      query.region ? { regionCode: query.region } : {},
      query.tier ? { tier: query.tier } : {},
      text ? { name: { contains: text, mode: "insensitive" } } : {},
      scored
        ? {
            scores: {
              some: {
                // Without a run nothing has a segment or a health band: the filter matches nobody.
                runId: runId ?? "00000000-0000-0000-0000-000000000000",
                ...(query.segment !== undefined ? { segmentLabel: query.segment } : {}),
                ...(query.healthBand ? { healthScore: healthBandRange(query.healthBand) } : {}),
              },
            },
          }
        : {},
    ],
  };
}

export async function listPartners(db: PrismaClient, user: SessionUser, query: PartnerListQuery): Promise<PartnerList> {
  const run = await latestSegmentRun(db);
  const runId = run?.id ?? null;
  // The scope and filters stay Prisma conditions (the one place tenant rules live); SQL only sorts and pages.
  const visible = await db.partnerOrg.findMany({ where: visibleWhere(user, query, runId), select: { id: true } });
  const ids = visible.map((p) => p.id);
  if (ids.length === 0) return { items: [], total: 0, run: listedRun(run) };
  const rows = await db.$queryRaw<Row[]>`
    SELECT p.id, p.name, p.region_code, r.name AS region_name, r.currency, p.country, p.tier::text AS tier,
      p.status::text AS status, s.segment_label, s.health_score, s.health_reasons, s.churn_risk, s.churn_reasons, f.revenue_12m, f.growth
    FROM partner_org p
    JOIN region r ON r.code = p.region_code
    LEFT JOIN partner_score s ON s.run_id = ${runId}::uuid AND s.partner_org_id = p.id
    LEFT JOIN LATERAL (
      SELECT pf.revenue_12m, pf.growth FROM partner_features pf
      WHERE pf.partner_org_id = p.id ORDER BY pf.as_of DESC LIMIT 1
    ) f ON TRUE
    WHERE p.id = ANY(${ids}::uuid[])
    ORDER BY ${orderBy[query.sort]}
    LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`;
  return {
    items: rows.map(toItem),
    total: ids.length,
    run: listedRun(run),
  };
}

function toItem(row: Row): PartnerListItem {
  return {
    id: row.id,
    name: row.name,
    region: { code: row.region_code, name: row.region_name },
    country: row.country.trim(),
    tier: row.tier,
    status: row.status,
    segment: row.segment_label,
    health: row.health_score === null ? null : { score: row.health_score, band: healthBandOf(row.health_score), reasons: parseReasons(row.health_reasons) },
    churnRisk: row.churn_risk,
    churnReasons: parseReasons(row.churn_reasons),
    revenue12m: row.revenue_12m === null ? null : toMoney(row.revenue_12m, row.currency),
    growth: row.growth,
  };
}

/** The filter choices: the regions the user may see and the latest run's segment labels. */
export async function partnerFilterOptions(db: PrismaClient, user: SessionUser): Promise<{ regions: { code: string; name: string }[]; segments: string[] }> {
  const [regions, run] = await Promise.all([
    db.region.findMany({ where: { partnerOrgs: { some: partnerOrgScope(user) } }, select: { code: true, name: true }, orderBy: { name: "asc" } }),
    latestSegmentRun(db),
  ]);
  return { regions, segments: run?.segments.map((s) => s.label) ?? [] };
}

// The channel manager's partner list: the partners the user may see (partnerOrgScope), filtered by
// region, tier, segment, health band and a name search, sorted by churn risk, name or revenue,
// a page at a time; each row with its segment, health and churn risk from the latest run.
import { partnerOrgScope } from "../auth/permissions.ts";
import { isPartnerRole, type SessionUser } from "../auth/users.ts";
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

const NO_ORG = "00000000-0000-0000-0000-000000000000";

/**
 * partnerOrgScope as SQL on `partner_org p`, so the list can count and page in the database; the
 * test checks that both scopes give the same partners for every role.
 */
export function partnerOrgScopeSql(user: SessionUser): Prisma.Sql {
  if (isPartnerRole(user.role)) return Prisma.sql`p.id = ${user.partnerOrgId ?? NO_ORG}::uuid`;
  if (user.role === "REGIONAL_LEAD") return Prisma.sql`p.region_code = ANY(${user.regionCodes}::text[])`;
  return Prisma.sql`TRUE`;
}

/** The filters as one SQL condition, always inside the user's scope (`s` is the run's score row). */
function visibleWhere(user: SessionUser, query: PartnerListQuery): Prisma.Sql {
  const text = query.q?.trim().slice(0, 100);
  const band = query.healthBand ? healthBandRange(query.healthBand) : null;
  // Without a run `s` is all NULLs, so a segment or health band filter matches nobody.
  const conditions = [
    partnerOrgScopeSql(user),
    query.region ? Prisma.sql`p.region_code = ${query.region}` : null,
    query.tier ? Prisma.sql`p.tier = ${query.tier}::partner_tier` : null,
    text ? Prisma.sql`p.name ILIKE ${`%${text.replace(/[\\%_]/g, "\\$&")}%`}` : null,
    query.segment !== undefined ? Prisma.sql`s.segment_label = ${query.segment}` : null,
    band?.gte !== undefined ? Prisma.sql`s.health_score >= ${band.gte}` : null,
    band?.lt !== undefined ? Prisma.sql`s.health_score < ${band.lt}` : null,
  ].filter((c): c is Prisma.Sql => c !== null);
  return Prisma.join(conditions, " AND ");
}

export async function listPartners(db: PrismaClient, user: SessionUser, query: PartnerListQuery): Promise<PartnerList> {
  const run = await latestSegmentRun(db);
  const scores = Prisma.sql`LEFT JOIN partner_score s ON s.run_id = ${run?.id ?? null}::uuid AND s.partner_org_id = p.id`;
  const where = visibleWhere(user, query);
  const [rows, [{ total }]] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT p.id, p.name, p.region_code, r.name AS region_name, r.currency, p.country, p.tier::text AS tier,
        p.status::text AS status, s.segment_label, s.health_score, s.health_reasons, s.churn_risk, s.churn_reasons, f.revenue_12m, f.growth
      FROM partner_org p
      JOIN region r ON r.code = p.region_code
      ${scores}
      LEFT JOIN LATERAL (
        SELECT pf.revenue_12m, pf.growth FROM partner_features pf
        WHERE pf.partner_org_id = p.id ORDER BY pf.as_of DESC LIMIT 1
      ) f ON TRUE
      WHERE ${where}
      ORDER BY ${orderBy[query.sort]}
      LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM partner_org p ${scores} WHERE ${where}`,
  ]);
  return { items: rows.map(toItem), total, run: listedRun(run) };
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

// Each partner's feature vector (revenue, growth, win rate, cycle, engagement, breadth) as of a
// date, computed in one set-based statement and stored in partner_features for segments and scores.
import { Prisma, type PrismaClient } from "../db/generated/client.ts";

export type PartnerFeatures = {
  partnerOrgId: string;
  /** The day the features are computed for (YYYY-MM-DD); windows end the day before. */
  asOf: string;
  computedAt: Date;
  /** Money in cents. */
  revenue12m: number;
  revenuePrev12m: number;
  growth: number | null;
  dealCount12m: number;
  wonCount12m: number;
  lostCount12m: number;
  winRate: number | null;
  avgDealSize: number | null;
  cycleDays: number | null;
  logins90d: number;
  trainings12m: number;
  certifications12m: number;
  demos12m: number;
  solutions12m: number;
  productBreadth: number;
};

export type FeatureRunResult = { partners: number; asOf: string };

/** The UTC calendar day of `date` as YYYY-MM-DD. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * One row per partner org (columns named as in partner_features) with its features as of the
 * UTC day `day` (YYYY-MM-DD). Shared by the nightly upsert and the read-only history queries.
 */
function featureRowsSql(day: string): Prisma.Sql {
  return Prisma.sql`
    WITH bounds AS (
      SELECT
        d AS as_of,
        (d - interval '12 months')::date AS from_12m,
        (d - interval '24 months')::date AS from_24m,
        d::timestamp AT TIME ZONE 'UTC' AS as_of_at,
        (d - interval '12 months') AT TIME ZONE 'UTC' AS from_12m_at,
        (d - interval '90 days') AT TIME ZONE 'UTC' AS from_90d_at
      FROM (SELECT ${day}::date AS d) day
    ),
    sales AS (
      SELECT
        s.partner_org_id,
        COALESCE(SUM(s.amount) FILTER (WHERE s.sold_on >= b.from_12m), 0) AS revenue_12m,
        COALESCE(SUM(s.amount) FILTER (WHERE s.sold_on < b.from_12m), 0) AS revenue_prev_12m,
        COUNT(DISTINCT s.product_id) FILTER (WHERE s.sold_on >= b.from_12m AND s.amount > 0) AS product_breadth
      FROM sales_record s CROSS JOIN bounds b
      WHERE s.partner_org_id IS NOT NULL AND s.sold_on >= b.from_24m AND s.sold_on < b.as_of
      GROUP BY s.partner_org_id
    ),
    submitted AS (
      SELECT d.partner_org_id, COUNT(*) AS deal_count
      FROM deal d CROSS JOIN bounds b
      WHERE d.submitted_at >= b.from_12m_at AND d.submitted_at < b.as_of_at
      GROUP BY d.partner_org_id
    ),
    closed AS (
      SELECT
        d.partner_org_id,
        COUNT(*) FILTER (WHERE d.status = 'WON') AS won,
        COUNT(*) FILTER (WHERE d.status = 'LOST') AS lost,
        ROUND(AVG(COALESCE(d.closed_amount, d.amount)) FILTER (WHERE d.status = 'WON')) AS avg_deal_size,
        AVG(EXTRACT(EPOCH FROM d.closed_at - d.submitted_at) / 86400.0) FILTER (WHERE d.status = 'WON') AS cycle_days
      FROM deal d CROSS JOIN bounds b
      WHERE d.status IN ('WON', 'LOST') AND d.closed_at >= b.from_12m_at AND d.closed_at < b.as_of_at
      GROUP BY d.partner_org_id
    ),
    engagement AS (
      SELECT
        a.partner_org_id,
        COUNT(*) FILTER (WHERE a.kind = 'LOGIN' AND a.occurred_at >= b.from_90d_at) AS logins_90d,
        COUNT(*) FILTER (WHERE a.kind = 'TRAINING') AS trainings,
        COUNT(*) FILTER (WHERE a.kind = 'CERTIFICATION') AS certifications,
        COUNT(*) FILTER (WHERE a.kind = 'DEMO') AS demos,
        COUNT(*) FILTER (WHERE a.kind = 'SOLUTION_SUBMITTED') AS solutions
      FROM activity a CROSS JOIN bounds b
      WHERE a.occurred_at >= b.from_12m_at AND a.occurred_at < b.as_of_at
      GROUP BY a.partner_org_id
    )
    SELECT
      p.id AS partner_org_id,
      b.as_of AS as_of,
      now() AS computed_at,
      COALESCE(s.revenue_12m, 0) AS revenue_12m,
      COALESCE(s.revenue_prev_12m, 0) AS revenue_prev_12m,
      -- Growth against a zero (or net-negative, all returns) year has no meaning.
      CASE WHEN s.revenue_prev_12m > 0
        THEN (s.revenue_12m - s.revenue_prev_12m)::double precision / s.revenue_prev_12m::double precision END AS growth,
      COALESCE(sub.deal_count, 0)::int AS deal_count_12m,
      COALESCE(c.won, 0)::int AS won_count_12m,
      COALESCE(c.lost, 0)::int AS lost_count_12m,
      CASE WHEN c.won + c.lost > 0 THEN c.won::double precision / (c.won + c.lost) END AS win_rate,
      c.avg_deal_size::bigint AS avg_deal_size,
      c.cycle_days::double precision AS cycle_days,
      COALESCE(e.logins_90d, 0)::int AS logins_90d,
      COALESCE(e.trainings, 0)::int AS trainings_12m,
      COALESCE(e.certifications, 0)::int AS certifications_12m,
      COALESCE(e.demos, 0)::int AS demos_12m,
      COALESCE(e.solutions, 0)::int AS solutions_12m,
      COALESCE(s.product_breadth, 0)::int AS product_breadth
    FROM partner_org p
    CROSS JOIN bounds b
    LEFT JOIN sales s ON s.partner_org_id = p.id
    LEFT JOIN submitted sub ON sub.partner_org_id = p.id
    LEFT JOIN closed c ON c.partner_org_id = p.id
    LEFT JOIN engagement e ON e.partner_org_id = p.id`;
}

/**
 * Computes and upserts the features of every partner org as of `asOf` (default: today, UTC).
 * Windows are half-open and end at the start of `asOf` (UTC), so a nightly run covers whole
 * days. Idempotent: a rerun for the same day overwrites the same rows with the same values.
 */
export async function computePartnerFeatures(
  db: PrismaClient,
  { asOf = new Date() }: { asOf?: Date } = {},
): Promise<FeatureRunResult> {
  const day = utcDay(asOf);
  // Two overlapping runs (cron and "run now", or two workers) would upsert the same rows in
  // different orders and could deadlock; the transaction lock makes them take turns.
  const [, partners] = await db.$transaction([
    db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('channelwise.partner_features'))`,
    db.$executeRaw`
      INSERT INTO partner_features (
        partner_org_id, as_of, computed_at, revenue_12m, revenue_prev_12m, growth,
        deal_count_12m, won_count_12m, lost_count_12m, win_rate, avg_deal_size, cycle_days,
        logins_90d, trainings_12m, certifications_12m, demos_12m, solutions_12m, product_breadth
      )
      ${featureRowsSql(day)}
      ON CONFLICT (partner_org_id, as_of) DO UPDATE SET
        computed_at = EXCLUDED.computed_at,
        revenue_12m = EXCLUDED.revenue_12m,
        revenue_prev_12m = EXCLUDED.revenue_prev_12m,
        growth = EXCLUDED.growth,
        deal_count_12m = EXCLUDED.deal_count_12m,
        won_count_12m = EXCLUDED.won_count_12m,
        lost_count_12m = EXCLUDED.lost_count_12m,
        win_rate = EXCLUDED.win_rate,
        avg_deal_size = EXCLUDED.avg_deal_size,
        cycle_days = EXCLUDED.cycle_days,
        logins_90d = EXCLUDED.logins_90d,
        trainings_12m = EXCLUDED.trainings_12m,
        certifications_12m = EXCLUDED.certifications_12m,
        demos_12m = EXCLUDED.demos_12m,
        solutions_12m = EXCLUDED.solutions_12m,
        product_breadth = EXCLUDED.product_breadth`,
  ]);
  return { partners, asOf: day };
}

/** The newest stored features of one partner org, or null before the first run. */
export async function latestPartnerFeatures(
  db: Pick<PrismaClient, "partnerFeatures">,
  partnerOrgId: string,
): Promise<PartnerFeatures | null> {
  const row = await db.partnerFeatures.findFirst({
    where: { partnerOrgId },
    orderBy: { asOf: "desc" },
    select: {
      partnerOrgId: true,
      asOf: true,
      computedAt: true,
      revenue12m: true,
      revenuePrev12m: true,
      growth: true,
      dealCount12m: true,
      wonCount12m: true,
      lostCount12m: true,
      winRate: true,
      avgDealSize: true,
      cycleDays: true,
      logins90d: true,
      trainings12m: true,
      certifications12m: true,
      demos12m: true,
      solutions12m: true,
      productBreadth: true,
    },
  });
  if (!row) return null;
  return {
    ...row,
    asOf: utcDay(row.asOf),
    revenue12m: Number(row.revenue12m),
    revenuePrev12m: Number(row.revenuePrev12m),
    avgDealSize: row.avgDealSize === null ? null : Number(row.avgDealSize),
  };
}

type FeatureRow = {
  partner_org_id: string;
  as_of: Date;
  computed_at: Date;
  revenue_12m: bigint;
  revenue_prev_12m: bigint;
  growth: number | null;
  deal_count_12m: number;
  won_count_12m: number;
  lost_count_12m: number;
  win_rate: number | null;
  avg_deal_size: bigint | null;
  cycle_days: number | null;
  logins_90d: number;
  trainings_12m: number;
  certifications_12m: number;
  demos_12m: number;
  solutions_12m: number;
  product_breadth: number;
};

/**
 * The features every partner org had (or has) as of `asOf`, computed by the same statement as
 * computePartnerFeatures but without storing anything: for models trained on past snapshots.
 */
export async function partnerFeaturesAsOf(
  db: Pick<PrismaClient, "$queryRaw">,
  { asOf }: { asOf: Date },
): Promise<PartnerFeatures[]> {
  const rows = await db.$queryRaw<FeatureRow[]>`${featureRowsSql(utcDay(asOf))} ORDER BY p.id`;
  return rows.map((r) => ({
    partnerOrgId: r.partner_org_id,
    asOf: utcDay(r.as_of),
    computedAt: r.computed_at,
    revenue12m: Number(r.revenue_12m),
    revenuePrev12m: Number(r.revenue_prev_12m),
    growth: r.growth,
    dealCount12m: r.deal_count_12m,
    wonCount12m: r.won_count_12m,
    lostCount12m: r.lost_count_12m,
    winRate: r.win_rate,
    avgDealSize: r.avg_deal_size === null ? null : Number(r.avg_deal_size),
    cycleDays: r.cycle_days,
    logins90d: r.logins_90d,
    trainings12m: r.trainings_12m,
    certifications12m: r.certifications_12m,
    demos12m: r.demos_12m,
    solutions12m: r.solutions_12m,
    productBreadth: r.product_breadth,
  }));
}

// Half-year windows around a snapshot day, per partner: the two quarters before it, the two
// quarters before those (for trends) and the two quarters after it (for the churn label).
import { Prisma, type PrismaClient } from "../db/generated/client.ts";
import { utcDay } from "../partners/features.ts";

/** Counts and sums for one half-year window; money in cents. */
export type HalfYear = {
  revenue: number;
  won: number;
  lost: number;
  submitted: number;
  logins: number;
  /** Trainings, certifications, demos and solutions submitted. */
  actions: number;
};

export type PartnerWindows = {
  partnerOrgId: string;
  /** The snapshot day, YYYY-MM-DD. */
  asOf: string;
  /** The two quarters before the snapshot: [asOf − 6 months, asOf). */
  last: HalfYear;
  /** The two quarters before those: [asOf − 12 months, asOf − 6 months). */
  prior: HalfYear;
  /** The two quarters after the snapshot: [asOf, asOf + 6 months); unknown yet near today. */
  next: Pick<HalfYear, "revenue" | "won">;
  /** The last certification before the snapshot, if any. */
  lastCertificationOn: string | null;
};

type WindowRow = {
  partner_org_id: string;
  as_of: Date;
  revenue_last: bigint;
  revenue_prior: bigint;
  revenue_next: bigint;
  won_last: number;
  won_prior: number;
  won_next: number;
  lost_last: number;
  lost_prior: number;
  submitted_last: number;
  submitted_prior: number;
  logins_last: number;
  logins_prior: number;
  actions_last: number;
  actions_prior: number;
  last_certification_on: Date | null;
};

/** The windows of every partner org at each snapshot day, in one statement. */
export async function partnerWindows(
  db: Pick<PrismaClient, "$queryRaw">,
  snapshots: readonly Date[],
): Promise<PartnerWindows[]> {
  if (snapshots.length === 0) return [];
  const days = snapshots.map(utcDay);
  const rows = await db.$queryRaw<WindowRow[]>(Prisma.sql`
    WITH snap AS (
      SELECT
        d AS as_of,
        d::timestamp AT TIME ZONE 'UTC' AS at,
        (d - interval '6 months')::date AS m6,
        (d - interval '12 months')::date AS m12,
        (d + interval '6 months')::date AS p6,
        (d - interval '6 months') AT TIME ZONE 'UTC' AS m6_at,
        (d - interval '12 months') AT TIME ZONE 'UTC' AS m12_at,
        (d + interval '6 months') AT TIME ZONE 'UTC' AS p6_at
      FROM unnest(${days}::date[]) AS t(d)
    ),
    sales AS (
      SELECT s.partner_org_id, n.as_of,
        COALESCE(SUM(s.amount) FILTER (WHERE s.sold_on >= n.m6 AND s.sold_on < n.as_of), 0) AS revenue_last,
        COALESCE(SUM(s.amount) FILTER (WHERE s.sold_on < n.m6), 0) AS revenue_prior,
        COALESCE(SUM(s.amount) FILTER (WHERE s.sold_on >= n.as_of), 0) AS revenue_next
      FROM sales_record s JOIN snap n ON s.sold_on >= n.m12 AND s.sold_on < n.p6
      WHERE s.partner_org_id IS NOT NULL
      GROUP BY s.partner_org_id, n.as_of
    ),
    closed AS (
      SELECT d.partner_org_id, n.as_of,
        COUNT(*) FILTER (WHERE d.status = 'WON' AND d.closed_at >= n.m6_at AND d.closed_at < n.at) AS won_last,
        COUNT(*) FILTER (WHERE d.status = 'WON' AND d.closed_at < n.m6_at) AS won_prior,
        COUNT(*) FILTER (WHERE d.status = 'WON' AND d.closed_at >= n.at) AS won_next,
        COUNT(*) FILTER (WHERE d.status = 'LOST' AND d.closed_at >= n.m6_at AND d.closed_at < n.at) AS lost_last,
        COUNT(*) FILTER (WHERE d.status = 'LOST' AND d.closed_at < n.m6_at) AS lost_prior
      FROM deal d JOIN snap n ON d.closed_at >= n.m12_at AND d.closed_at < n.p6_at
      WHERE d.status IN ('WON', 'LOST')
      GROUP BY d.partner_org_id, n.as_of
    ),
    submitted AS (
      SELECT d.partner_org_id, n.as_of,
        COUNT(*) FILTER (WHERE d.submitted_at >= n.m6_at) AS submitted_last,
        COUNT(*) FILTER (WHERE d.submitted_at < n.m6_at) AS submitted_prior
      FROM deal d JOIN snap n ON d.submitted_at >= n.m12_at AND d.submitted_at < n.at
      GROUP BY d.partner_org_id, n.as_of
    ),
    engagement AS (
      SELECT a.partner_org_id, n.as_of,
        COUNT(*) FILTER (WHERE a.kind = 'LOGIN' AND a.occurred_at >= n.m6_at) AS logins_last,
        COUNT(*) FILTER (WHERE a.kind = 'LOGIN' AND a.occurred_at < n.m6_at) AS logins_prior,
        COUNT(*) FILTER (WHERE a.kind IN ('TRAINING', 'CERTIFICATION', 'DEMO', 'SOLUTION_SUBMITTED') AND a.occurred_at >= n.m6_at) AS actions_last,
        COUNT(*) FILTER (WHERE a.kind IN ('TRAINING', 'CERTIFICATION', 'DEMO', 'SOLUTION_SUBMITTED') AND a.occurred_at < n.m6_at) AS actions_prior
      FROM activity a JOIN snap n ON a.occurred_at >= n.m12_at AND a.occurred_at < n.at
      GROUP BY a.partner_org_id, n.as_of
    ),
    certified AS (
      SELECT a.partner_org_id, n.as_of, MAX(a.occurred_at) AS last_at
      FROM activity a JOIN snap n ON a.occurred_at < n.at
      WHERE a.kind = 'CERTIFICATION'
      GROUP BY a.partner_org_id, n.as_of
    )
    SELECT p.id AS partner_org_id, n.as_of,
      COALESCE(s.revenue_last, 0) AS revenue_last,
      COALESCE(s.revenue_prior, 0) AS revenue_prior,
      COALESCE(s.revenue_next, 0) AS revenue_next,
      COALESCE(c.won_last, 0)::int AS won_last,
      COALESCE(c.won_prior, 0)::int AS won_prior,
      COALESCE(c.won_next, 0)::int AS won_next,
      COALESCE(c.lost_last, 0)::int AS lost_last,
      COALESCE(c.lost_prior, 0)::int AS lost_prior,
      COALESCE(sub.submitted_last, 0)::int AS submitted_last,
      COALESCE(sub.submitted_prior, 0)::int AS submitted_prior,
      COALESCE(e.logins_last, 0)::int AS logins_last,
      COALESCE(e.logins_prior, 0)::int AS logins_prior,
      COALESCE(e.actions_last, 0)::int AS actions_last,
      COALESCE(e.actions_prior, 0)::int AS actions_prior,
      (ce.last_at AT TIME ZONE 'UTC')::date AS last_certification_on
    FROM partner_org p
    CROSS JOIN snap n
    LEFT JOIN sales s ON s.partner_org_id = p.id AND s.as_of = n.as_of
    LEFT JOIN closed c ON c.partner_org_id = p.id AND c.as_of = n.as_of
    LEFT JOIN submitted sub ON sub.partner_org_id = p.id AND sub.as_of = n.as_of
    LEFT JOIN engagement e ON e.partner_org_id = p.id AND e.as_of = n.as_of
    LEFT JOIN certified ce ON ce.partner_org_id = p.id AND ce.as_of = n.as_of
    ORDER BY n.as_of, p.id`);
  return rows.map((r) => ({
    partnerOrgId: r.partner_org_id,
    asOf: utcDay(r.as_of),
    last: {
      revenue: Number(r.revenue_last), won: r.won_last, lost: r.lost_last, submitted: r.submitted_last,
      logins: r.logins_last, actions: r.actions_last,
    },
    prior: {
      revenue: Number(r.revenue_prior), won: r.won_prior, lost: r.lost_prior, submitted: r.submitted_prior,
      logins: r.logins_prior, actions: r.actions_prior,
    },
    next: { revenue: Number(r.revenue_next), won: r.won_next },
    lastCertificationOn: r.last_certification_on === null ? null : utcDay(r.last_certification_on),
  }));
}

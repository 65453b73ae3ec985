// The channel manager's landing page: the approval queue against its 48-hour SLA, the partner
// base by tier and region, deal intake this month against last, and value won this quarter.
import type { PrismaClient } from "../db/generated/client.ts";
import type { PartnerTier } from "../db/generated/enums.ts";
import { type Money, toSafeNumber } from "../money.ts";
import { moneyList, startOfUtcMonth, startOfUtcQuarter } from "./shared.ts";

/** A submitted deal should be decided within this many hours. */
export const APPROVAL_SLA_HOURS = 48;
export const PARTNER_TIERS = ["REGISTERED", "SILVER", "GOLD", "PLATINUM"] as const satisfies readonly PartnerTier[];
const OLDEST_PENDING = 6;

export type PendingDealRow = {
  id: string;
  title: string;
  partnerName: string;
  customerName: string;
  value: Money;
  submittedAt: string;
  overdue: boolean;
};

export type ManagerDashboard = {
  slaHours: number;
  pending: { count: number; overdue: number; oldestSubmittedAt: string | null; oldest: PendingDealRow[] };
  /** Active partner organizations. */
  partnersByTier: { tier: PartnerTier; count: number }[];
  partnersByRegion: { regionCode: string; regionName: string; total: number; byTier: Record<PartnerTier, number> }[];
  /** Active partners whose channel manager is this user. */
  assignedPartners: number;
  submitted: { thisMonth: number; lastMonth: number };
  wonThisQuarter: { count: number; value: Money[] };
};

type PendingRow = { count: number; overdue: number; oldest: Date | null };
type TierRow = { region_code: string; region_name: string; tier: PartnerTier; count: number };
type IntakeRow = { this_month: number; last_month: number };
type WonRow = { currency: string; count: number; amount: bigint };

export async function managerDashboard(
  db: PrismaClient,
  { managerId, now = new Date() }: { managerId: string; now?: Date },
): Promise<ManagerDashboard> {
  const slaCutoff = new Date(now.getTime() - APPROVAL_SLA_HOURS * 3_600_000);
  const thisMonth = startOfUtcMonth(now);
  const lastMonth = startOfUtcMonth(now, -1);
  const [[pending], oldest, tierRows, [intake], wonRows, assignedPartners] = await Promise.all([
    db.$queryRaw<PendingRow[]>`
      SELECT COUNT(*)::int AS count, COUNT(*) FILTER (WHERE submitted_at < ${slaCutoff})::int AS overdue,
        MIN(submitted_at) AS oldest
      FROM deal WHERE status = 'SUBMITTED'`,
    db.deal.findMany({
      where: { status: "SUBMITTED" },
      select: {
        id: true, title: true, amount: true, currency: true, submittedAt: true,
        partnerOrg: { select: { name: true } },
        customer: { select: { name: true } },
      },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: OLDEST_PENDING,
    }),
    db.$queryRaw<TierRow[]>`
      SELECT p.region_code, r.name AS region_name, p.tier::text AS tier, COUNT(*)::int AS count
      FROM partner_org p JOIN region r ON r.code = p.region_code
      WHERE p.status = 'ACTIVE'
      GROUP BY p.region_code, r.name, p.tier`,
    db.$queryRaw<IntakeRow[]>`
      SELECT COUNT(*) FILTER (WHERE submitted_at >= ${thisMonth})::int AS this_month,
        COUNT(*) FILTER (WHERE submitted_at < ${thisMonth})::int AS last_month
      FROM deal WHERE submitted_at >= ${lastMonth} AND submitted_at <= ${now}`,
    db.$queryRaw<WonRow[]>`
      SELECT currency, COUNT(*)::int AS count, SUM(COALESCE(closed_amount, amount))::bigint AS amount
      FROM deal WHERE status = 'WON' AND closed_at >= ${startOfUtcQuarter(now)} AND closed_at <= ${now}
      GROUP BY currency`,
    db.partnerOrg.count({ where: { channelManagerId: managerId, status: "ACTIVE" } }),
  ]);

  const regions = new Map<string, ManagerDashboard["partnersByRegion"][number]>();
  for (const row of tierRows) {
    const region = regions.get(row.region_code) ?? {
      regionCode: row.region_code,
      regionName: row.region_name,
      total: 0,
      byTier: { REGISTERED: 0, SILVER: 0, GOLD: 0, PLATINUM: 0 },
    };
    region.byTier[row.tier] += row.count;
    region.total += row.count;
    regions.set(row.region_code, region);
  }

  return {
    slaHours: APPROVAL_SLA_HOURS,
    pending: {
      count: pending.count,
      overdue: pending.overdue,
      oldestSubmittedAt: pending.oldest ? pending.oldest.toISOString() : null,
      oldest: oldest.map((deal) => ({
        id: deal.id,
        title: deal.title,
        partnerName: deal.partnerOrg.name,
        customerName: deal.customer.name,
        value: { amount: toSafeNumber(deal.amount), currency: deal.currency.trim() },
        submittedAt: deal.submittedAt.toISOString(),
        overdue: deal.submittedAt < slaCutoff,
      })),
    },
    partnersByTier: PARTNER_TIERS.map((tier) => ({
      tier,
      count: tierRows.filter((r) => r.tier === tier).reduce((sum, r) => sum + r.count, 0),
    })),
    partnersByRegion: [...regions.values()].sort((a, b) => b.total - a.total || a.regionName.localeCompare(b.regionName)),
    assignedPartners,
    submitted: { thisMonth: intake.this_month, lastMonth: intake.last_month },
    wonThisQuarter: {
      count: wonRows.reduce((sum, r) => sum + r.count, 0),
      value: moneyList(wonRows),
    },
  };
}

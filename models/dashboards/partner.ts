// The partner's landing page: open pipeline, deals by status, protections about to lapse,
// earnings and recent deals. Always for exactly one partner organization (a required argument).
import type { PrismaClient } from "../db/generated/client.ts";
import type { DealStatus } from "../db/generated/enums.ts";
import { DEAL_STATUSES } from "../deals/queries.ts";
import { type Money, toSafeNumber } from "../money.ts";
import { isoOrNull, moneyList, startOfUtcYear } from "./shared.ts";

/** Deals still in play: waiting for a decision or approved and protected. */
export const OPEN_DEAL_STATUSES = ["SUBMITTED", "APPROVED"] as const satisfies readonly DealStatus[];
export const PROTECTION_WARNING_DAYS = 14;
const RECENT_DEALS = 6;

export type PartnerDealRow = {
  id: string;
  title: string;
  customerName: string;
  status: DealStatus;
  value: Money;
  submittedAt: string;
  protectionExpiresAt: string | null;
};

export type PartnerDashboard = {
  openDeals: { count: number; value: Money[] };
  dealsByStatus: { status: DealStatus; count: number }[];
  expiringProtections: { withinDays: number; count: number; deals: PartnerDealRow[] };
  /** Accruals, clawbacks and adjustments (payouts move money already earned, so they are apart). */
  earnings: { allTime: Money[]; thisYear: Money[]; paidOut: Money[] };
  recentDeals: PartnerDealRow[];
};

type StatusRow = { status: DealStatus; currency: string; count: number; amount: bigint };
type EarningsRow = { currency: string; all_time: bigint | null; this_year: bigint | null; paid_out: bigint | null };

const dealRowSelect = {
  id: true,
  title: true,
  status: true,
  amount: true,
  currency: true,
  submittedAt: true,
  protectionExpiresAt: true,
  customer: { select: { name: true } },
} as const;

type SelectedDeal = {
  id: string;
  title: string;
  status: DealStatus;
  amount: bigint;
  currency: string;
  submittedAt: Date;
  protectionExpiresAt: Date | null;
  customer: { name: string };
};

function toDealRow(deal: SelectedDeal): PartnerDealRow {
  return {
    id: deal.id,
    title: deal.title,
    customerName: deal.customer.name,
    status: deal.status,
    value: { amount: toSafeNumber(deal.amount), currency: deal.currency.trim() },
    submittedAt: deal.submittedAt.toISOString(),
    protectionExpiresAt: isoOrNull(deal.protectionExpiresAt),
  };
}

export async function partnerDashboard(
  db: PrismaClient,
  { partnerOrgId, now = new Date() }: { partnerOrgId: string; now?: Date },
): Promise<PartnerDashboard> {
  const warnUntil = new Date(now.getTime() + PROTECTION_WARNING_DAYS * 86_400_000);
  const expiringWhere = { partnerOrgId, status: "APPROVED", protectionExpiresAt: { gte: now, lte: warnUntil } } as const;
  const [statusRows, earningsRows, expiringCount, expiring, recent] = await Promise.all([
    db.$queryRaw<StatusRow[]>`
      SELECT status::text AS status, currency, COUNT(*)::int AS count, SUM(amount)::bigint AS amount
      FROM deal WHERE partner_org_id = ${partnerOrgId}::uuid
      GROUP BY status, currency`,
    db.$queryRaw<EarningsRow[]>`
      SELECT currency,
        SUM(amount) FILTER (WHERE kind <> 'PAYOUT')::bigint AS all_time,
        SUM(amount) FILTER (WHERE kind <> 'PAYOUT' AND occurred_at >= ${startOfUtcYear(now)})::bigint AS this_year,
        SUM(ABS(amount)) FILTER (WHERE kind = 'PAYOUT')::bigint AS paid_out
      FROM incentive_ledger_entry
      WHERE partner_org_id = ${partnerOrgId}::uuid AND occurred_at <= ${now}
      GROUP BY currency`,
    db.deal.count({ where: expiringWhere }),
    db.deal.findMany({ where: expiringWhere, select: dealRowSelect, orderBy: { protectionExpiresAt: "asc" }, take: 5 }),
    db.deal.findMany({
      where: { partnerOrgId },
      select: dealRowSelect,
      orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
      take: RECENT_DEALS,
    }),
  ]);

  const open = statusRows.filter((r) => (OPEN_DEAL_STATUSES as readonly string[]).includes(r.status));
  const openByCurrency = new Map<string, bigint>();
  for (const row of open) openByCurrency.set(row.currency, (openByCurrency.get(row.currency) ?? 0n) + row.amount);

  return {
    openDeals: {
      count: open.reduce((sum, r) => sum + r.count, 0),
      value: moneyList([...openByCurrency].map(([currency, amount]) => ({ currency, amount }))),
    },
    dealsByStatus: DEAL_STATUSES.map((status) => ({
      status,
      count: statusRows.filter((r) => r.status === status).reduce((sum, r) => sum + r.count, 0),
    })),
    expiringProtections: { withinDays: PROTECTION_WARNING_DAYS, count: expiringCount, deals: expiring.map(toDealRow) },
    earnings: {
      allTime: moneyList(earningsRows.map((r) => ({ currency: r.currency, amount: r.all_time }))),
      thisYear: moneyList(earningsRows.map((r) => ({ currency: r.currency, amount: r.this_year }))),
      paidOut: moneyList(earningsRows.map((r) => ({ currency: r.currency, amount: r.paid_out }))),
    },
    recentDeals: recent.map(toDealRow),
  };
}

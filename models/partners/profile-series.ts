// The live figures of one partner's 360 profile, read straight from deals, sales, activities and
// the incentive ledger: monthly revenue, open pipeline by stage, activity by month and kind,
// earnings over twelve months. Always for one organization, named by the caller.
import type { PrismaClient } from "../db/generated/client.ts";
import type { ActivityKind, DealStage } from "../db/generated/enums.ts";
import { monthsBefore } from "../dashboards/trend.ts";
import { type Money, toSafeNumber } from "../money.ts";
import { moneyList } from "../dashboards/shared.ts";

export const ACTIVITY_KINDS = ["LOGIN", "TRAINING", "CERTIFICATION", "DEMO", "SOLUTION_SUBMITTED", "MARKETING_EVENT"] as const satisfies readonly ActivityKind[];
export const OPEN_STAGES = ["QUALIFY", "DEVELOP", "PROPOSE", "NEGOTIATE"] as const satisfies readonly DealStage[];

/** Sales per month in one currency, oldest first, every month present (zero when nothing sold). */
export type RevenueSeries = { currency: string; months: { month: string; amount: number }[] };
export type PipelineStage = { stage: DealStage; currency: string; count: number; amount: number };
export type ActivityMonth = { month: string; counts: Record<ActivityKind, number> };

export const REVENUE_MONTHS = 24;
export const ACTIVITY_MONTHS = 12;

type Db = Pick<PrismaClient, "$queryRaw">;

/** The last `REVENUE_MONTHS` whole months of sales, one series per currency (largest first). */
export async function monthlyRevenue(db: Db, partnerOrgId: string, now: Date): Promise<RevenueSeries[]> {
  const months = monthsBefore(now, REVENUE_MONTHS);
  const from = `${months[0]}-01`;
  const to = `${nextMonth(months[months.length - 1])}-01`;
  const rows = await db.$queryRaw<{ month: string; currency: string; amount: bigint }[]>`
    SELECT to_char(sold_on, 'YYYY-MM') AS month, currency, SUM(amount)::bigint AS amount
    FROM sales_record
    WHERE partner_org_id = ${partnerOrgId}::uuid AND sold_on >= ${from}::date AND sold_on < ${to}::date
    GROUP BY 1, 2`;
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.currency.trim(), (totals.get(row.currency.trim()) ?? 0) + toSafeNumber(row.amount));
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([currency]) => ({
      currency,
      months: months.map((month) => ({
        month,
        amount: toSafeNumber(rows.find((r) => r.month === month && r.currency.trim() === currency)?.amount ?? 0n),
      })),
    }));
}

function nextMonth(month: string): string {
  const [year, m] = month.split("-").map(Number);
  return new Date(Date.UTC(year, m, 1)).toISOString().slice(0, 7);
}

/** Approved (open, protected) deals by stage and currency, in stage order. */
export async function pipelineByStage(db: Db, partnerOrgId: string): Promise<PipelineStage[]> {
  const rows = await db.$queryRaw<{ stage: DealStage; currency: string; count: number; amount: bigint }[]>`
    SELECT stage::text AS stage, currency, COUNT(*)::int AS count, SUM(amount)::bigint AS amount
    FROM deal WHERE partner_org_id = ${partnerOrgId}::uuid AND status = 'APPROVED'
    GROUP BY 1, 2`;
  const order = (stage: DealStage) => (OPEN_STAGES as readonly DealStage[]).indexOf(stage);
  return rows
    .map((r) => ({ stage: r.stage, currency: r.currency.trim(), count: r.count, amount: toSafeNumber(r.amount) }))
    .sort((a, b) => order(a.stage) - order(b.stage) || a.currency.localeCompare(b.currency));
}

/** The open pipeline's value per currency (the sum of the stages). */
export function pipelineTotal(stages: readonly PipelineStage[]): Money[] {
  const byCurrency = new Map<string, number>();
  for (const s of stages) byCurrency.set(s.currency, (byCurrency.get(s.currency) ?? 0) + s.amount);
  return moneyList([...byCurrency.entries()].map(([currency, amount]) => ({ currency, amount })));
}

/** Activities per month and kind over the last `ACTIVITY_MONTHS` whole months. */
export async function activityByMonth(db: Db, partnerOrgId: string, now: Date): Promise<ActivityMonth[]> {
  const months = monthsBefore(now, ACTIVITY_MONTHS);
  const from = new Date(`${months[0]}-01T00:00:00Z`);
  const to = new Date(`${nextMonth(months[months.length - 1])}-01T00:00:00Z`);
  const rows = await db.$queryRaw<{ month: string; kind: ActivityKind; count: number }[]>`
    SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, kind::text AS kind, COUNT(*)::int AS count
    FROM activity
    WHERE partner_org_id = ${partnerOrgId}::uuid AND occurred_at >= ${from} AND occurred_at < ${to}
    GROUP BY 1, 2`;
  return months.map((month) => ({
    month,
    counts: Object.fromEntries(ACTIVITY_KINDS.map((kind) => [kind, rows.find((r) => r.month === month && r.kind === kind)?.count ?? 0])) as Record<ActivityKind, number>,
  }));
}

/** What the partner earned in the twelve months before `now` (accruals, clawbacks, adjustments; payouts only move it). */
export async function earningsLast12Months(db: Db, partnerOrgId: string, now: Date): Promise<Money[]> {
  const from = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate()));
  const rows = await db.$queryRaw<{ currency: string; amount: bigint }[]>`
    SELECT currency, SUM(amount)::bigint AS amount FROM incentive_ledger_entry
    WHERE partner_org_id = ${partnerOrgId}::uuid AND kind <> 'PAYOUT' AND occurred_at >= ${from} AND occurred_at <= ${now}
    GROUP BY currency`;
  return moneyList(rows);
}

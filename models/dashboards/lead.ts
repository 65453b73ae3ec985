// The regional lead's landing page: monthly sales of their regions over 24 complete months with
// the year-over-year change, their market alerts, and each region's top partners by revenue.
import type { PrismaClient } from "../db/generated/client.ts";
import type { AlertSeverity, PartnerTier } from "../db/generated/enums.ts";
import { type Money, toSafeNumber } from "../money.ts";
import { startOfUtcMonth } from "./shared.ts";
import { monthsBefore, yearOverYear, type YearOverYear } from "./trend.ts";

export const TREND_MONTHS = 24;
const LATEST_ALERTS = 5;
const TOP_PARTNERS_PER_REGION = 5;

export type RegionSalesSeries = YearOverYear & {
  regionCode: string;
  regionName: string;
  currency: string;
  /** Minor units per month, aligned with `salesTrend.months`. */
  amounts: number[];
};

export type LeadAlertRow = {
  id: string;
  title: string;
  url: string;
  severity: AlertSeverity;
  regionCode: string | null;
  createdAt: string;
  read: boolean;
};

export type TopPartnerRow = { id: string; name: string; regionCode: string; tier: PartnerTier; revenue12m: Money };

export type LeadDashboard = {
  regions: { code: string; name: string }[];
  salesTrend: { months: string[]; series: RegionSalesSeries[] };
  alerts: { unread: number; latest: LeadAlertRow[] };
  topPartners: TopPartnerRow[];
};

type SalesRow = { month: string; region_code: string; currency: string; amount: bigint };
type TopRow = { id: string; name: string; region_code: string; tier: PartnerTier; currency: string; revenue: bigint };

export async function leadDashboard(
  db: PrismaClient,
  { userId, regionCodes, now = new Date() }: { userId: string; regionCodes: readonly string[]; now?: Date },
): Promise<LeadDashboard> {
  const months = monthsBefore(now, TREND_MONTHS);
  const from = `${months[0]}-01`;
  const to = startOfUtcMonth(now).toISOString().slice(0, 10);
  const from12 = `${months[TREND_MONTHS - 12]}-01`;
  const codes = [...regionCodes];
  const [regions, salesRows, topRows, unread, latest] = await Promise.all([
    db.region.findMany({ where: { code: { in: codes } }, select: { code: true, name: true, currency: true }, orderBy: { name: "asc" } }),
    db.$queryRaw<SalesRow[]>`
      SELECT to_char(sold_on, 'YYYY-MM') AS month, region_code, currency, SUM(amount)::bigint AS amount
      FROM sales_record
      WHERE region_code = ANY(${codes}::text[]) AND sold_on >= ${from}::date AND sold_on < ${to}::date
      GROUP BY 1, 2, 3`,
    db.$queryRaw<TopRow[]>`
      SELECT id, name, region_code, tier, currency, revenue FROM (
        SELECT p.id, p.name, p.region_code, p.tier::text AS tier, s.currency, SUM(s.amount)::bigint AS revenue,
          ROW_NUMBER() OVER (PARTITION BY p.region_code ORDER BY SUM(s.amount) DESC, p.name) AS rank
        FROM sales_record s JOIN partner_org p ON p.id = s.partner_org_id
        WHERE p.region_code = ANY(${codes}::text[]) AND s.sold_on >= ${from12}::date AND s.sold_on < ${to}::date
        GROUP BY p.id, p.name, p.region_code, p.tier, s.currency
      ) ranked
      WHERE rank <= ${TOP_PARTNERS_PER_REGION}
      ORDER BY region_code, revenue DESC, name`,
    db.alert.count({ where: { userId, readAt: null } }),
    db.alert.findMany({
      where: { userId },
      select: { id: true, severity: true, regionCode: true, createdAt: true, readAt: true, item: { select: { title: true, canonicalUrl: true } } },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: LATEST_ALERTS,
    }),
  ]);

  // One series per region and currency sold in; a region without sales still gets its (flat) line.
  const series = new Map<string, RegionSalesSeries>();
  const seriesFor = (code: string, currency: string) => {
    const key = `${code}|${currency}`;
    let found = series.get(key);
    if (!found) {
      const name = regions.find((r) => r.code === code)?.name ?? code;
      found = { regionCode: code, regionName: name, currency, amounts: months.map(() => 0), last12: 0, prev12: 0, change: null };
      series.set(key, found);
    }
    return found;
  };
  for (const region of regions) seriesFor(region.code, region.currency.trim());
  for (const row of salesRows) seriesFor(row.region_code, row.currency.trim()).amounts[months.indexOf(row.month)] += toSafeNumber(row.amount);
  for (const s of series.values()) Object.assign(s, yearOverYear(s.amounts));

  return {
    regions: regions.map(({ code, name }) => ({ code, name })),
    salesTrend: { months, series: [...series.values()] },
    alerts: {
      unread,
      latest: latest.map((alert) => ({
        id: alert.id,
        title: alert.item.title,
        url: alert.item.canonicalUrl,
        severity: alert.severity,
        regionCode: alert.regionCode,
        createdAt: alert.createdAt.toISOString(),
        read: alert.readAt !== null,
      })),
    },
    topPartners: topRows.map((row) => ({
      id: row.id,
      name: row.name,
      regionCode: row.region_code,
      tier: row.tier,
      revenue12m: { amount: toSafeNumber(row.revenue), currency: row.currency.trim() },
    })),
  };
}


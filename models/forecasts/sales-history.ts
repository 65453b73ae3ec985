// Monthly sales per region, and per region × product line, from sales_record: in the region's own
// currency (minor units), complete months only as of a date, every month from a series' first sale
// to the last complete month (zeros where nothing sold), ready for the forecasting engine.
import type { PrismaClient } from "../db/generated/client.ts";
import { toSafeNumber } from "../money.ts";
import { addMonths, monthIndex, monthLabel } from "./engine/index.ts";
import type { MonthlyValue } from "./types.ts";

export type ProductLineHistory = { productLine: string; series: MonthlyValue[] };

export type RegionSalesHistory = {
  regionCode: string;
  regionName: string;
  currency: string;
  /** The region's total; empty when it never sold in its currency before the forecast's first month. */
  total: MonthlyValue[];
  productLines: ProductLineHistory[];
  /** Sales records in another currency than the region's, left out of every series. */
  otherCurrencyRecords: number;
};

/** The month being forecast first: `asOf`'s own (UTC) month, since only complete months are history. */
export function firstForecastMonth(asOf: Date): string {
  return asOf.toISOString().slice(0, 7);
}

/** Every month from `from` to `to` (inclusive), with the amounts given and zero elsewhere. */
export function fillMonths(amounts: ReadonlyMap<string, number>, from: string, to: string): MonthlyValue[] {
  const start = monthIndex(from);
  const end = monthIndex(to);
  if (start === null || end === null) throw new RangeError(`Not a month range: ${from}–${to}`);
  const series: MonthlyValue[] = [];
  for (let i = start; i <= end; i++) series.push({ month: monthLabel(i), value: amounts.get(monthLabel(i)) ?? 0 });
  return series;
}

/** A dense series from the first month with a sale (not a zero) to `lastMonth`; empty without any sale. */
export function seriesFrom(amounts: ReadonlyMap<string, number>, lastMonth: string): MonthlyValue[] {
  const sold = [...amounts].filter(([month, amount]) => amount > 0 && month <= lastMonth).map(([month]) => month).sort();
  return sold.length === 0 ? [] : fillMonths(amounts, sold[0], lastMonth);
}

type Row = { region_code: string; product_line: string; month: string; amount: bigint | null; other_currency: number };

/** The sales histories of the given regions (all regions when absent), oldest month first. */
export async function loadRegionSalesHistory(
  db: PrismaClient,
  { asOf = new Date(), regionCodes }: { asOf?: Date; regionCodes?: readonly string[] } = {},
): Promise<RegionSalesHistory[]> {
  const first = firstForecastMonth(asOf);
  const lastComplete = addMonths(first, -1);
  const regions = await db.region.findMany({
    where: regionCodes ? { code: { in: [...regionCodes] } } : {},
    select: { code: true, name: true, currency: true },
    orderBy: { code: "asc" },
  });
  const codes = regions.map((r) => r.code);
  const rows = await db.$queryRaw<Row[]>`
    SELECT s.region_code, p.line AS product_line, to_char(s.sold_on, 'YYYY-MM') AS month,
      SUM(s.amount) FILTER (WHERE s.currency = r.currency)::bigint AS amount,
      COUNT(*) FILTER (WHERE s.currency <> r.currency)::int AS other_currency
    FROM sales_record s
    JOIN region r ON r.code = s.region_code
    JOIN product p ON p.id = s.product_id
    WHERE s.region_code = ANY(${codes}::text[]) AND s.sold_on < ${`${first}-01`}::date
    GROUP BY 1, 2, 3`;

  return regions.map((region) => {
    const mine = rows.filter((row) => row.region_code === region.code);
    const total = new Map<string, number>();
    const byLine = new Map<string, Map<string, number>>();
    let otherCurrencyRecords = 0;
    for (const row of mine) {
      const amount = toSafeNumber(row.amount);
      otherCurrencyRecords += row.other_currency;
      total.set(row.month, (total.get(row.month) ?? 0) + amount);
      const line = byLine.get(row.product_line) ?? new Map<string, number>();
      line.set(row.month, (line.get(row.month) ?? 0) + amount);
      byLine.set(row.product_line, line);
    }
    const productLines = [...byLine]
      .map(([productLine, amounts]) => ({ productLine, series: seriesFrom(amounts, lastComplete) }))
      // "" is the region total's key in region_forecast; a product without a line counts there only.
      .filter((line) => line.productLine.trim() !== "" && line.series.length > 0)
      .sort((a, b) => a.productLine.localeCompare(b.productLine));
    return { regionCode: region.code, regionName: region.name, currency: region.currency.trim(), total: seriesFrom(total, lastComplete), productLines, otherCurrencyRecords };
  });
}

// Reading forecasts for pages and the API: per region the newest SUCCEEDED run that forecast it
// (a failed or running run never hides the previous one), its total and product-line series with
// backtests and notes, the actual sales before (and since) the forecast began, the weighted
// pipeline and the gap to target. Callers pass regions already access-checked (access.ts).
import type { PrismaClient } from "../db/generated/client.ts";
import { readRegionTargets } from "../incentives/region-targets.ts";
import { toSafeNumber } from "../money.ts";
import type { ForecastRegion } from "./access.ts";
import { addMonths } from "./engine/index.ts";
import { fillMonths } from "./sales-history.ts";
import type { StoredPoint } from "./series-forecasts.ts";
import { type BacktestFigures, parseBacktest, parseRunParams, parseSeriesMeta, type SeriesMeta, type SkippedSeries } from "./stored.ts";
import { type TargetGap, targetGap, targetPeriodForecast } from "./target-gap.ts";

/** Months of actual sales shown before a forecast starts. */
export const HISTORY_MONTHS_SHOWN = 36;
/** How many recent successful runs are searched for a region's latest forecast. */
const RECENT_RUNS = 30;

export type MonthAmount = { month: string; amount: number };

export type SeriesView = {
  /** "" for the region's total. */
  productLine: string;
  model: string;
  notes: string[];
  backtest: BacktestFigures | null;
  points: StoredPoint[];
  historyMonths: number | null;
  /** Actual sales, oldest first: HISTORY_MONTHS_SHOWN months before the forecast, then any complete months since. */
  history: MonthAmount[];
};

export type ForecastRunRef = { id: string; finishedAt: string; asOf: string; firstMonth: string; horizon: number; targetPeriodMonths: number };

export type RegionForecastView = {
  region: ForecastRegion;
  run: ForecastRunRef;
  total: SeriesView;
  productLines: SeriesView[];
  pipeline: SeriesMeta["pipeline"];
  otherCurrencyRecords: number;
  target: TargetGap | null;
  /** Series of this region the run could not forecast, with the engine's reason. */
  skipped: SkippedSeries[];
};

export type ReadOptions = { productLines?: boolean; historyMonths?: number; now?: Date };

type LatestRun = { run: ForecastRunRef; skipped: SkippedSeries[] };

/** Per region code, the newest successful run that forecast its total. */
async function latestRuns(db: PrismaClient, codes: readonly string[]): Promise<Map<string, LatestRun>> {
  const runs = await db.forecastRun.findMany({
    where: { status: "SUCCEEDED" },
    orderBy: [{ finishedAt: "desc" }, { id: "desc" }],
    take: RECENT_RUNS,
    select: { id: true, finishedAt: true, horizon: true, params: true },
  });
  const found = new Map<string, LatestRun>();
  for (const run of runs) {
    const params = parseRunParams(run.params);
    if (!params || !run.finishedAt) continue;
    for (const code of params.regions) {
      if (!codes.includes(code) || found.has(code)) continue;
      const ref = { id: run.id, finishedAt: run.finishedAt.toISOString(), asOf: params.asOf, firstMonth: params.firstMonth, horizon: run.horizon, targetPeriodMonths: params.targetPeriodMonths };
      found.set(code, { run: ref, skipped: params.skipped.filter((s) => s.regionCode === code) });
    }
  }
  return found;
}

type SalesRow = { region_code: string; product_line: string; month: string; amount: bigint };

/** Monthly actuals per region (and product line) in the region's currency, `from`–`to` inclusive. */
async function actuals(db: PrismaClient, codes: readonly string[], from: string, to: string, byLine: boolean): Promise<SalesRow[]> {
  if (codes.length === 0 || from > to) return [];
  return db.$queryRaw<SalesRow[]>`
    SELECT s.region_code, CASE WHEN ${byLine} THEN p.line ELSE '' END AS product_line, to_char(s.sold_on, 'YYYY-MM') AS month, SUM(s.amount)::bigint AS amount
    FROM sales_record s
    JOIN region r ON r.code = s.region_code
    JOIN product p ON p.id = s.product_id
    WHERE s.region_code = ANY(${[...codes]}::text[]) AND s.currency = r.currency
      AND s.sold_on >= ${`${from}-01`}::date AND s.sold_on < ${`${addMonths(to, 1)}-01`}::date
    GROUP BY 1, 2, 3`;
}

/** The latest forecast of each region given that has one (regions without are left out), in the order given. */
export async function readRegionForecasts(db: PrismaClient, regions: readonly ForecastRegion[], options: ReadOptions = {}): Promise<RegionForecastView[]> {
  const { productLines = false, historyMonths = HISTORY_MONTHS_SHOWN, now = new Date() } = options;
  const codes = regions.map((r) => r.code);
  const latest = await latestRuns(db, codes);
  const withRun = regions.filter((r) => latest.has(r.code));
  if (withRun.length === 0) return [];
  const [rows, targets] = await Promise.all([
    db.regionForecast.findMany({
      where: { OR: withRun.map((r) => ({ runId: latest.get(r.code)!.run.id, regionCode: r.code, ...(productLines ? {} : { productLine: "" }) })) },
      select: { regionCode: true, productLine: true, month: true, p10: true, p50: true, p90: true, model: true, modelJson: true, backtest: true },
      orderBy: [{ regionCode: "asc" }, { productLine: "asc" }, { month: "asc" }],
    }),
    readRegionTargets(db),
  ]);
  const lastComplete = addMonths(now.toISOString().slice(0, 7), -1);
  const window = (run: ForecastRunRef) => {
    const lastForecast = addMonths(run.firstMonth, run.horizon - 1);
    return { from: addMonths(run.firstMonth, -historyMonths), to: lastComplete < lastForecast ? lastComplete : lastForecast };
  };
  const windows = withRun.map((r) => window(latest.get(r.code)!.run));
  const sales = await actuals(db, codes, windows.map((w) => w.from).sort()[0], windows.map((w) => w.to).sort().at(-1)!, productLines);

  return withRun.flatMap((region) => {
    const { run, skipped } = latest.get(region.code)!;
    const span = window(run);
    const series = new Map<string, SeriesView>();
    let meta = parseSeriesMeta(null);
    for (const row of rows.filter((r) => r.regionCode === region.code)) {
      let view = series.get(row.productLine);
      if (!view) {
        const rowMeta = parseSeriesMeta(row.modelJson);
        if (row.productLine === "") meta = rowMeta;
        const amounts = new Map<string, number>();
        for (const sale of sales) if (sale.region_code === region.code && (row.productLine === "" || sale.product_line === row.productLine)) amounts.set(sale.month, (amounts.get(sale.month) ?? 0) + toSafeNumber(sale.amount));
        const history = span.from <= span.to ? fillMonths(amounts, span.from, span.to).map((m) => ({ month: m.month, amount: m.value })) : [];
        view = { productLine: row.productLine, model: row.model, notes: rowMeta.notes, backtest: parseBacktest(row.backtest), points: [], historyMonths: rowMeta.history?.months ?? null, history };
        series.set(row.productLine, view);
      }
      view.points.push({ month: row.month.toISOString().slice(0, 7), p10: toSafeNumber(row.p10), p50: toSafeNumber(row.p50), p90: toSafeNumber(row.p90) });
    }
    const total = series.get("");
    if (!total) return [];
    return {
      region,
      run,
      total,
      productLines: [...series.values()].filter((s) => s.productLine !== ""),
      pipeline: meta.pipeline,
      otherCurrencyRecords: meta.otherCurrencyRecords,
      target: targetGap(targets.find((t) => t.regionCode === region.code), targetPeriodForecast(total.points, run.targetPeriodMonths)),
      skipped,
    } satisfies RegionForecastView;
  });
}

/** One region's latest forecast with its product lines, or null before its first successful run. */
export async function readRegionForecast(db: PrismaClient, region: ForecastRegion, options: Omit<ReadOptions, "productLines"> = {}): Promise<RegionForecastView | null> {
  return (await readRegionForecasts(db, [region], { ...options, productLines: true }))[0] ?? null;
}

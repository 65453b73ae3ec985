// From sales histories to the series a run stores (pure): each region's total and each of its
// product lines through the engine, points rounded to whole minor units, the backtest made
// JSON-safe, and series the engine refuses (too little history) skipped with its reason.
import { ForecastInputError, forecastSeries } from "./engine/index.ts";
import type { RegionPipeline } from "./pipeline.ts";
import type { RegionSalesHistory } from "./sales-history.ts";
import type { BacktestFigures, SeriesMeta, SkippedSeries } from "./stored.ts";
import type { BacktestSummary, ForecastOptions, ForecastPoint, MonthlyValue, SeriesForecast } from "./types.ts";

/** A forecast point as stored: whole, non-negative minor units (see toStoredPoint). */
export type StoredPoint = ForecastPoint;

export type ForecastedSeries = {
  regionCode: string;
  /** "" for the region's total. */
  productLine: string;
  currency: string;
  model: string;
  points: StoredPoint[];
  backtest: BacktestFigures | null;
  meta: SeriesMeta;
};

export type Forecaster = (history: MonthlyValue[], options?: ForecastOptions) => SeriesForecast;

/** Whole, non-negative minor units in order (p10 ≤ p50 ≤ p90), whatever rounding does to a narrow band. */
export function toStoredPoint(point: ForecastPoint): StoredPoint {
  const [p10, p50, p90] = [point.p10, point.p50, point.p90].map((v) => Math.max(0, Math.round(Number.isFinite(v) ? v : 0))).sort((a, b) => a - b);
  return { month: point.month, p10, p50, p90 };
}

const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);

export function toBacktestFigures(backtest: BacktestSummary | null): BacktestFigures | null {
  if (backtest === null) return null;
  return {
    mase: finite(backtest.mase),
    smape: finite(backtest.smape),
    baselineMase: finite(backtest.baselineMase),
    baselineSmape: finite(backtest.baselineSmape),
    coverage: finite(backtest.coverage),
    origins: backtest.origins,
    horizon: backtest.horizon,
  };
}

function historySpan(series: readonly MonthlyValue[]): SeriesMeta["history"] {
  return series.length === 0 ? null : { from: series[0].month, to: series[series.length - 1].month, months: series.length };
}

export type RegionsForecast = { series: ForecastedSeries[]; skipped: SkippedSeries[] };

/**
 * Forecasts every region total and product line. A ForecastInputError skips the series with its
 * message; anything else is a bug and is thrown, failing the run.
 */
export function forecastRegions(
  histories: readonly RegionSalesHistory[],
  pipelines: readonly RegionPipeline[],
  horizon: number,
  forecast: Forecaster = forecastSeries,
): RegionsForecast {
  const series: ForecastedSeries[] = [];
  const skipped: SkippedSeries[] = [];
  const run = (history: RegionSalesHistory, productLine: string, values: MonthlyValue[], extra: Partial<SeriesMeta>) => {
    if (values.length === 0) {
      skipped.push({ regionCode: history.regionCode, productLine, reason: `No sales in ${history.currency} before the forecast's first month.` });
      return;
    }
    try {
      const result = forecast(values, { horizon });
      series.push({
        regionCode: history.regionCode,
        productLine,
        currency: history.currency,
        model: result.model,
        points: result.points.map(toStoredPoint),
        backtest: toBacktestFigures(result.backtest),
        meta: { notes: result.notes, history: historySpan(values), otherCurrencyRecords: 0, pipeline: null, fitted: result.modelJson, ...extra },
      });
    } catch (error) {
      if (!(error instanceof ForecastInputError)) throw error;
      skipped.push({ regionCode: history.regionCode, productLine, reason: error.message });
    }
  };
  for (const history of histories) {
    const pipeline = pipelines.find((p) => p.regionCode === history.regionCode);
    run(history, "", history.total, {
      otherCurrencyRecords: history.otherCurrencyRecords,
      pipeline: pipeline ? { months: pipeline.months, unscoredDeals: pipeline.unscoredDeals } : null,
    });
    for (const line of history.productLines) run(history, line.productLine, line.series, {});
  }
  return { series, skipped };
}

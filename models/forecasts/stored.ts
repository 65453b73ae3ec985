// What a forecasting run stores beside the numbers, and how it is read back: the run's params
// (as-of date, horizon, regions forecast, series skipped and why, what the targets did) and each
// series' meta in region_forecast.model_json (the engine's fitted model, notes, history span,
// pipeline). Read through zod, so a row written by an older version reads as "unknown", not a crash.
import { z } from "zod";

/** Most months a nightly run forecasts (the engine itself goes further, for the CLI). */
export const MAX_RUN_HORIZON = 36;
/** The regional boost's target period: the forecast's first three months (the current month and the two after). */
export const TARGET_PERIOD_MONTHS = 3;

const month = z.string().regex(/^\d{4}-\d{2}$/);

export const skippedSeriesSchema = z.object({ regionCode: z.string(), productLine: z.string(), reason: z.string() });
export type SkippedSeries = z.infer<typeof skippedSeriesSchema>;

export const runParamsSchema = z.object({
  asOf: z.string(),
  horizon: z.number().int(),
  firstMonth: month,
  targetPeriodMonths: z.number().int().default(TARGET_PERIOD_MONTHS),
  regions: z.array(z.string()).default([]),
  series: z.number().int().default(0),
  skipped: z.array(skippedSeriesSchema).default([]),
  targets: z.object({ changedRegions: z.array(z.string()), recomputeQueued: z.boolean() }).optional(),
});
export type RunParams = z.infer<typeof runParamsSchema>;

export const pipelineSchema = z.object({
  months: z.array(z.object({ month, amount: z.number(), deals: z.number().int() })),
  unscoredDeals: z.number().int(),
});

export const seriesMetaSchema = z.object({
  notes: z.array(z.string()).default([]),
  history: z.object({ from: month, to: month, months: z.number().int() }).nullable().default(null),
  /** Sales records in another currency than the region's, left out (region totals only). */
  otherCurrencyRecords: z.number().int().default(0),
  pipeline: pipelineSchema.nullable().default(null),
  /** The engine's modelJson: enough to reproduce the forecast. */
  fitted: z.unknown().optional(),
});
export type SeriesMeta = z.infer<typeof seriesMetaSchema>;

// A metric that was not finite (a flat series scales MASE by zero) is stored as null: JSON has no Infinity.
const metric = z.number().nullable();
export const backtestSchema = z.object({
  mase: metric,
  smape: metric,
  baselineMase: metric,
  baselineSmape: metric,
  coverage: metric,
  origins: z.number().int(),
  horizon: z.number().int(),
});
/** A series' backtest as stored and shown: the engine's BacktestSummary with unmeasurable figures as null. */
export type BacktestFigures = z.infer<typeof backtestSchema>;

export function parseRunParams(value: unknown): RunParams | null {
  const parsed = runParamsSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function parseSeriesMeta(value: unknown): SeriesMeta {
  const parsed = seriesMetaSchema.safeParse(value);
  return parsed.success ? parsed.data : seriesMetaSchema.parse({});
}

export function parseBacktest(value: unknown): BacktestFigures | null {
  const parsed = backtestSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

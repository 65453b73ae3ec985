// Accuracy on a true hold-out: train on all but the last N months of a series, forecast those N,
// and score them (MASE against the training part's seasonal naive error, sMAPE, p10–p90 coverage).
// Shared by the CLI's --holdout and bench/forecast.
import type { MonthlyValue, SeriesForecast } from "../types.ts";
import { ForecastInputError } from "./errors.ts";
import { forecastSeries, seasonalNaive } from "./forecast-series.ts";
import { coverage, mase, smape } from "./metrics.ts";
import { densify, monthLabel } from "./months.ts";

export type HoldoutMonth = { month: string; actual: number; p10: number; p50: number; p90: number };

export type HoldoutResult = {
  forecast: SeriesForecast;
  months: HoldoutMonth[];
  mase: number;
  smape: number;
  coverage: number;
  /** Seasonal naive's MASE on the same months, for comparison. */
  seasonalNaiveMase: number;
};

export function evaluateHoldout(history: readonly MonthlyValue[], holdout: number): HoldoutResult {
  if (!Number.isInteger(holdout) || holdout < 1) throw new ForecastInputError(`The hold-out must be a whole number of months ≥ 1 (got ${holdout}).`);
  const { start, values } = densify(history);
  if (values.length <= holdout) throw new ForecastInputError(`Only ${values.length} month${values.length === 1 ? "" : "s"} of history: nothing is left to train on after holding out ${holdout}.`);
  const trainValues = values.slice(0, -holdout);
  const actual = values.slice(-holdout);
  const train = trainValues.map((value, i) => ({ month: monthLabel(start + i), value }));
  const forecast = forecastSeries(train, { horizon: holdout });
  const p50 = forecast.points.map((p) => p.p50);
  const naive = seasonalNaive(trainValues, holdout);
  return {
    forecast,
    months: forecast.points.map((p, i) => ({ ...p, actual: actual[i] })),
    mase: mase(actual, p50, trainValues),
    smape: smape(actual, p50),
    coverage: coverage(actual, forecast.points.map((p) => p.p10), forecast.points.map((p) => p.p90)),
    seasonalNaiveMase: mase(actual, naive, trainValues),
  };
}

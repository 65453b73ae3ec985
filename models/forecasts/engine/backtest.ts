// Rolling-origin backtest inside the training history: refit a candidate at each origin (the
// first `origin` months), forecast up to the horizon, and score the months that are known.
import { combineForecasts, COMBINATION_MEMBERS, fitCandidate, type CandidateName } from "./candidates.ts";
import { naiveScale, smape } from "./metrics.ts";

/** Most origins evaluated: two years of monthly origins give each horizon step ≥ 13 errors. */
export const MAX_ORIGINS = 24;

export type BacktestError = { origin: number; step: number; actual: number; forecast: number; scale: number };

export type CandidateBacktest = { name: CandidateName; mase: number; smape: number; errors: BacktestError[] };

/** Training lengths to forecast from, latest first: every month from n−1 back to minTraining, at most MAX_ORIGINS. */
export function planOrigins(length: number, minTraining: number): number[] {
  const origins: number[] = [];
  for (let origin = length - 1; origin >= Math.max(minTraining, length - MAX_ORIGINS); origin--) origins.push(origin);
  return origins;
}

/** The scale of a training part for MASE; falls back so a flat or all-zero history still scores. */
function trainingScale(train: readonly number[]): number {
  const scale = naiveScale(train);
  if (scale > 0) return scale;
  const meanLevel = train.reduce((s, v) => s + Math.abs(v), 0) / train.length;
  return meanLevel > 0 ? meanLevel : 1;
}

/**
 * MASE here is the mean over horizon steps of each step's mean scaled error, so the 12-month-ahead
 * errors count as much as the 1-month-ahead ones (later origins only reach the first steps).
 */
export function summarizeErrors(errors: readonly BacktestError[]): { mase: number; smape: number } {
  const byStep = new Map<number, { sum: number; count: number }>();
  for (const e of errors) {
    const entry = byStep.get(e.step) ?? { sum: 0, count: 0 };
    entry.sum += Math.abs(e.actual - e.forecast) / e.scale;
    entry.count++;
    byStep.set(e.step, entry);
  }
  let total = 0;
  for (const entry of byStep.values()) total += entry.sum / entry.count;
  return {
    mase: byStep.size === 0 ? Number.NaN : total / byStep.size,
    smape: smape(errors.map((e) => e.actual), errors.map((e) => e.forecast)),
  };
}

/**
 * Backtests each named candidate on the same origins. At each origin every model is fitted once:
 * the combination averages its members' forecasts instead of refitting them.
 */
export function backtestCandidates(names: readonly CandidateName[], values: readonly number[], firstMonth: number, origins: readonly number[], horizon: number): CandidateBacktest[] {
  const errors = new Map<CandidateName, BacktestError[]>(names.map((name) => [name, []]));
  for (const origin of origins) {
    const train = values.slice(0, origin);
    const scale = trainingScale(train);
    const steps = Math.min(horizon, values.length - origin);
    const forecasts = new Map<CandidateName, number[]>();
    const forecastOf = (name: CandidateName): number[] => {
      let forecast = forecasts.get(name);
      if (!forecast) {
        forecast = name === "combination" ? combineForecasts(COMBINATION_MEMBERS.map(forecastOf)) : fitCandidate(name, train, firstMonth).forecast(steps);
        forecasts.set(name, forecast);
      }
      return forecast;
    };
    for (const name of names) {
      const forecast = forecastOf(name);
      const list = errors.get(name) ?? [];
      for (let i = 0; i < steps; i++) list.push({ origin, step: i + 1, actual: values[origin + i], forecast: forecast[i], scale });
    }
  }
  return names.map((name) => {
    const list = errors.get(name) ?? [];
    return { name, ...summarizeErrors(list), errors: list };
  });
}

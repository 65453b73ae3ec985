// Rolling-origin backtest inside the training history: refit a candidate at each origin (the
// first `origin` months), forecast up to the horizon, and score the months that are known.
import { combineForecasts, COMBINATION_MEMBERS, fitCandidate, type CandidateName } from "./candidates.ts";
import { maseScale, smape } from "./metrics.ts";

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

/**
 * MASE here is the mean over horizon steps of each step's mean scaled error, so the 12-month-ahead
 * errors count as much as the 1-month-ahead ones (later origins only reach the first steps). Errors
 * can be added as they become known (choice.ts reads it at every origin).
 */
export class RunningMase {
  private sums: number[] = [];
  private counts: number[] = [];

  add(e: BacktestError): void {
    this.sums[e.step] = (this.sums[e.step] ?? 0) + Math.abs(e.actual - e.forecast) / e.scale;
    this.counts[e.step] = (this.counts[e.step] ?? 0) + 1;
  }

  get mase(): number {
    let total = 0;
    let steps = 0;
    this.counts.forEach((count, step) => {
      total += this.sums[step] / count;
      steps++;
    });
    return steps === 0 ? Number.NaN : total / steps;
  }
}

export function summarizeErrors(errors: readonly BacktestError[]): { mase: number; smape: number } {
  const running = new RunningMase();
  for (const e of errors) running.add(e);
  return { mase: running.mase, smape: smape(errors.map((e) => e.actual), errors.map((e) => e.forecast)) };
}

/**
 * Backtests each named candidate on the same origins. At each origin every model is fitted once:
 * the combination averages its members' forecasts instead of refitting them.
 */
export function backtestCandidates(names: readonly CandidateName[], values: readonly number[], firstMonth: number, origins: readonly number[], horizon: number): CandidateBacktest[] {
  const errors = new Map<CandidateName, BacktestError[]>(names.map((name) => [name, []]));
  for (const origin of origins) {
    const train = values.slice(0, origin);
    const scale = maseScale(train);
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

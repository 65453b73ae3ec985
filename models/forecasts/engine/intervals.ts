// p10/p90 bands from the backtest's errors on the log scale (empirical quantiles, per horizon step
// where that step has enough errors, else pooled with its neighbouring steps), and their coverage
// judged honestly: each origin's band is built without that origin's own errors.
import type { BacktestError } from "./backtest.ts";
import { toLog } from "./transform.ts";

/** Fewest errors a step's quantiles are read from before neighbouring steps are pooled in. */
export const MIN_ERRORS_PER_STEP = 12;

export type LogError = { origin: number; step: number; value: number };

export type Band = { low: number[]; high: number[] };

/**
 * Quantile of a sorted array at plotting position p·(n+1) (R's type 6): a new error then falls
 * between the 10th and 90th percentiles 80 % of the time even for small n, where the usual type 7
 * gives narrower bands that cover less. Beyond the extremes it stays at the extremes.
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const position = Math.min(sorted.length, Math.max(1, p * (sorted.length + 1))) - 1;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

export function logErrors(errors: readonly BacktestError[], offset: number): LogError[] {
  return errors.map((e) => ({ origin: e.origin, step: e.step, value: toLog(e.actual, offset) - toLog(e.forecast, offset) }));
}

/** Per step 1..horizon, the 10th and 90th percentiles of the log errors (never above/below 0). */
export function bandFromErrors(errors: readonly LogError[], horizon: number, excludeOrigin?: number): Band {
  let maxStep = 0;
  for (const e of errors) if (e.origin !== excludeOrigin) maxStep = Math.max(maxStep, e.step);
  const byStep: number[][] = Array.from({ length: maxStep + 1 }, () => []);
  for (const e of errors) if (e.origin !== excludeOrigin) byStep[e.step].push(e.value);
  const low: number[] = [];
  const high: number[] = [];
  for (let step = 1; step <= horizon; step++) {
    // Widen the window of steps around this one until it holds enough errors; steps past the
    // backtest's reach borrow from the last ones.
    const centre = Math.min(step, maxStep);
    let pool = byStep[centre] ?? [];
    for (let radius = 1; pool.length < MIN_ERRORS_PER_STEP && radius < maxStep; radius++) {
      pool = pool.concat(byStep[centre - radius] ?? [], byStep[centre + radius] ?? []);
    }
    const sorted = [...pool].sort((a, b) => a - b);
    low.push(Math.min(0, quantile(sorted, 0.1)));
    high.push(Math.max(0, quantile(sorted, 0.9)));
  }
  return { low, high };
}

/** Share of backtest actuals inside the band built from the other origins' errors. */
export function leaveOneOriginOutCoverage(errors: readonly LogError[], horizon: number): number {
  const origins = [...new Set(errors.map((e) => e.origin))];
  if (origins.length < 2) return Number.NaN;
  let inside = 0;
  for (const origin of origins) {
    const band = bandFromErrors(errors, horizon, origin);
    for (const e of errors) {
      if (e.origin !== origin) continue;
      if (e.value >= band.low[e.step - 1] && e.value <= band.high[e.step - 1]) inside++;
    }
  }
  return inside / errors.length;
}

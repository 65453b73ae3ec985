// p10/p50/p90 bands from the backtest's errors on the log scale: per horizon step, the empirical
// quantiles of that step's errors (pooled with neighbouring steps until they span enough distinct
// months), widened for how few independent errors they really are, and their coverage judged
// honestly: each origin's band is built without that origin's own errors.
import type { BacktestError } from "./backtest.ts";
import { toLog } from "./transform.ts";

/** Fewest distinct months a step's quantiles are read from before neighbouring steps are pooled in. */
export const MIN_MONTHS_PER_STEP = 12;
/** Most serial correlation credited between the errors of consecutive origins. */
const MAX_CORRELATION = 0.9;

/** A backtest error as log(actual) − log(forecast), so the band is relative to the forecast. */
export type LogError = { origin: number; step: number; value: number };

/** Per step, log offsets from the point forecast: p10 = point + low, p90 = point + high. */
export type Band = { low: number[]; high: number[] };

export type StepQuantiles = { p10: number; p50: number; p90: number };

/**
 * Quantile of a sorted array at plotting position p·(n+1) (R's type 6): a new error then falls
 * between the 10th and 90th percentiles 80 % of the time even for small n, where the usual type 7
 * gives narrower bands that cover less. Beyond the extremes it stays at the extremes.
 */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const position = Math.min(sorted.length, Math.max(1, p * (sorted.length + 1))) - 1;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/** Student's t 90th percentile for `df` degrees of freedom (Cornish–Fisher; within 0.5 % from df = 2 up, 4 % at df = 1). */
export function studentT90(df: number): number {
  const z = 1.2815515655446004;
  const [z3, z5, z7] = [z ** 3, z ** 5, z ** 7];
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

/** Half-width of a normal 80 % prediction interval from n independent errors, in their standard deviations. */
const predictionFactor = (n: number) => studentT90(n - 1) * Math.sqrt(1 + 1 / n);

export function logErrors(errors: readonly BacktestError[], offset: number): LogError[] {
  return errors.map((e) => ({ origin: e.origin, step: e.step, value: toLog(e.actual, offset) - toLog(e.forecast, offset) }));
}

/** Errors per step (index = step), leaving one origin out when asked; each step's in origin order, latest first. */
function byStep(errors: readonly LogError[], excludeOrigin?: number): LogError[][] {
  const steps: LogError[][] = [[]];
  for (const e of errors) {
    if (e.origin === excludeOrigin) continue;
    while (steps.length <= e.step) steps.push([]);
    steps[e.step].push(e);
  }
  for (const step of steps) step.sort((a, b) => b.origin - a.origin);
  return steps;
}

/** Numbers sorted ascending (a typed array sorts numerically, and fast). */
const sortedOf = (values: readonly number[]) => Float64Array.from(values).sort();

/**
 * Lag-1 correlation of the errors of consecutive origins at the same step (around each step's
 * median), clamped to [0, MAX_CORRELATION]: a level that wanders makes neighbouring errors alike,
 * so they say less than their number suggests. Each step's errors must be in origin order.
 */
export function serialCorrelation(steps: readonly (readonly LogError[])[], medians: readonly number[]): number {
  let products = 0;
  let squares = 0;
  steps.forEach((errors, step) => {
    for (let i = 0; i < errors.length; i++) {
      const d = errors[i].value - medians[step];
      squares += d * d;
      const next = errors[i + 1];
      if (next && Math.abs(next.origin - errors[i].origin) === 1) products += d * (next.value - medians[step]);
    }
  });
  return squares > 0 ? Math.min(MAX_CORRELATION, Math.max(0, products / squares)) : 0;
}

/**
 * Per step 1..horizon: the 10th, 50th and 90th percentiles of the step's log errors, pooled with
 * neighbouring steps until they span MIN_MONTHS_PER_STEP distinct months (steps past the backtest's reach
 * borrow from the last ones). The spread around the median is widened by the ratio of the normal
 * prediction-interval factors at the pool's effective size — distinct months, discounted for serial
 * correlation as for the mean of an AR(1), by (1 − ρ)/(1 + ρ) — and at its nominal size: errors
 * sharing a month, or following each other closely, are fewer independent draws than they look.
 * `excludeOrigin` leaves that origin's errors out (for leave-one-origin-out coverage).
 */
export function stepQuantiles(errors: readonly LogError[], horizon: number, excludeOrigin?: number): StepQuantiles[] {
  const steps = byStep(errors, excludeOrigin);
  const maxStep = steps.length - 1;
  if (maxStep === 0) return Array.from({ length: horizon }, () => ({ p10: 0, p50: 0, p90: 0 }));
  const sortedValues = steps.map((step) => sortedOf(step.map((e) => e.value)));
  const rho = serialCorrelation(steps, sortedValues.map((values) => quantile(values, 0.5)));
  const independentShare = (1 - rho) / (1 + rho);
  const out: StepQuantiles[] = [];
  for (let step = 1; step <= horizon; step++) {
    const centre = Math.min(step, maxStep);
    // One step's errors are all of distinct months; pooled steps may share some.
    let sorted = sortedValues[centre];
    let months = sorted.length;
    if (months < MIN_MONTHS_PER_STEP) {
      const pool = [...steps[centre]];
      const seen = new Set(pool.map((e) => e.origin + e.step));
      for (let radius = 1; seen.size < MIN_MONTHS_PER_STEP && radius < maxStep; radius++) {
        for (const e of [...(steps[centre - radius] ?? []), ...(steps[centre + radius] ?? [])]) {
          pool.push(e);
          seen.add(e.origin + e.step);
        }
      }
      sorted = sortedOf(pool.map((e) => e.value));
      months = seen.size;
    }
    const n = sorted.length;
    const effective = Math.min(n, Math.max(2, months * independentShare));
    const widen = n >= 2 ? predictionFactor(effective) / predictionFactor(n) : 1;
    const p50 = quantile(sorted, 0.5);
    out.push({ p10: p50 - widen * (p50 - quantile(sorted, 0.1)), p50, p90: p50 + widen * (quantile(sorted, 0.9) - p50) });
  }
  return out;
}

/** A spread for a side of the band the errors leave at zero width (ties at the median). */
function fallbackSpread(errors: readonly LogError[], excludeOrigin?: number): number {
  const values = errors.filter((e) => e.origin !== excludeOrigin).map((e) => e.value);
  if (values.length === 0) return 0;
  const median = quantile(sortedOf(values), 0.5);
  const around = values.reduce((s, v) => s + Math.abs(v - median), 0) / values.length;
  return around > 0 ? around : values.reduce((s, v) => s + Math.abs(v), 0) / values.length;
}

/**
 * The band per step 1..horizon, as log offsets from the point forecast: the errors' spread below
 * and above their median, placed around the point forecast. The median error itself is not added:
 * on a few dozen origins it is mostly noise, the point forecast is the model that backtested best,
 * and on synthetic series correcting p50 by it (even only where a check inside the history
 * approved) did not lower MASE. So p50 always lies inside, and a side has zero width only when
 * every error is zero.
 */
export function bandFromErrors(errors: readonly LogError[], horizon: number, excludeOrigin?: number): Band {
  let fallback: number | null = null;
  const spread = (width: number) => (width > 0 ? width : (fallback ??= fallbackSpread(errors, excludeOrigin)));
  const band: Band = { low: [], high: [] };
  for (const q of stepQuantiles(errors, horizon, excludeOrigin)) {
    band.low.push(-spread(q.p50 - q.p10));
    band.high.push(spread(q.p90 - q.p50));
  }
  return band;
}

/**
 * Share of the kept model's backtest actuals inside the band built from the other origins' errors
 * (`errors`: those the band is read from; `kept`: the kept model's, the same by default).
 */
export function leaveOneOriginOutCoverage(errors: readonly LogError[], horizon: number, kept: readonly LogError[] = errors): number {
  const origins = [...new Set(kept.map((e) => e.origin))];
  if (origins.length < 2) return Number.NaN;
  let inside = 0;
  for (const origin of origins) {
    const band = bandFromErrors(errors, horizon, origin);
    for (const e of kept) {
      if (e.origin !== origin) continue;
      if (e.value >= band.low[e.step - 1] && e.value <= band.high[e.step - 1]) inside++;
    }
  }
  return inside / kept.length;
}

// Forecast accuracy: Hyndman's MASE (scaled by the training part's in-sample seasonal naive
// error), symmetric MAPE in percent, and the share of actuals inside a p10–p90 band.

/** Mean absolute in-sample error of the lag-m naive forecast (lag 1 when there is less than m+1 history). */
export function naiveScale(training: readonly number[], period = 12): number {
  const lag = training.length > period ? period : 1;
  let sum = 0;
  let count = 0;
  for (let t = lag; t < training.length; t++) {
    sum += Math.abs(training[t] - training[t - lag]);
    count++;
  }
  return count === 0 ? 0 : sum / count;
}

/**
 * The scale MASE divides by: naiveScale, or — when the training series has no variation at all
 * (scale 0) — its mean absolute value, then 1, so the figure stays finite.
 */
export function maseScale(training: readonly number[], period = 12): number {
  const scale = naiveScale(training, period);
  if (scale > 0) return scale;
  const meanLevel = training.reduce((s, v) => s + Math.abs(v), 0) / Math.max(1, training.length);
  return meanLevel > 0 ? meanLevel : 1;
}

/** Mean absolute scaled error of a forecast against actuals (scaled by maseScale of the training part). */
export function mase(actual: readonly number[], forecast: readonly number[], training: readonly number[], period = 12): number {
  if (actual.length === 0) return Number.NaN;
  return meanAbsoluteError(actual, forecast) / maseScale(training, period);
}

export function meanAbsoluteError(actual: readonly number[], forecast: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs(actual[i] - forecast[i]);
  return actual.length === 0 ? Number.NaN : sum / actual.length;
}

/** Symmetric MAPE in percent (0–200); a month where both actual and forecast are 0 counts as exact. */
export function smape(actual: readonly number[], forecast: readonly number[]): number {
  if (actual.length === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const denominator = Math.abs(actual[i]) + Math.abs(forecast[i]);
    sum += denominator === 0 ? 0 : (2 * Math.abs(actual[i] - forecast[i])) / denominator;
  }
  return (100 * sum) / actual.length;
}

/** Share of actuals with lower ≤ actual ≤ upper. */
export function coverage(actual: readonly number[], lower: readonly number[], upper: readonly number[]): number {
  if (actual.length === 0) return Number.NaN;
  let inside = 0;
  for (let i = 0; i < actual.length; i++) if (actual[i] >= lower[i] && actual[i] <= upper[i]) inside++;
  return inside / actual.length;
}

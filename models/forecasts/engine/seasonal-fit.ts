// Least-squares fit of "level + linear trend + one effect per calendar month" (optionally with
// exponentially decaying weights, so recent years count more) and its forecast with a damped trend
// and the last residual carried forward (AR(1) errors). Two estimators of the same model: a
// closed form for the many backtest refits, and ml-regression for the model that is kept.
import { MultivariateLinearRegression } from "ml-regression";

export type SeasonalFitOptions = {
  /** Months after which an observation's weight halves; null weighs every month alike. */
  halfLife: number | null;
  /** Per-month trend damping φ in (0, 1]; 1 extrapolates the straight line. */
  damping: number;
  /** Carry the last residual forward, decaying by the residuals' lag-1 autocorrelation. */
  carryResidual: boolean;
};

export type SeasonalFit = {
  /** Trend per month. */
  slope: number;
  /** Fitted level of each calendar month (0 = January) at the last observed month. */
  monthLevels: number[];
  /** Lag-1 autocorrelation of the residuals (0 when not carried), and the last residual. */
  rho: number;
  lastResidual: number;
};

/** Calendar month (0–11) of position t when position 0 is `firstMonth`. */
const calendar = (firstMonth: number, t: number) => (((firstMonth + t) % 12) + 12) % 12;

function weightsFor(n: number, halfLife: number | null): number[] {
  const weights = new Array<number>(n).fill(1);
  if (halfLife === null) return weights;
  const decay = Math.pow(0.5, 1 / halfLife);
  for (let t = n - 2; t >= 0; t--) weights[t] = weights[t + 1] * decay;
  return weights;
}

function residualMemory(values: readonly number[], firstMonth: number, slope: number, monthLevels: number[], carry: boolean) {
  const n = values.length;
  const residual = (t: number) => values[t] - (monthLevels[calendar(firstMonth, t)] + slope * (t - (n - 1)));
  if (!carry) return { rho: 0, lastResidual: residual(n - 1) };
  let products = 0;
  let squares = 0;
  let previous = residual(0);
  for (let t = 1; t < n; t++) {
    const current = residual(t);
    products += current * previous;
    squares += previous * previous;
    previous = current;
  }
  // Clamped to [0, 0.95]: a negative or explosive estimate from a short series would only add noise.
  const rho = squares > 0 ? Math.min(0.95, Math.max(0, products / squares)) : 0;
  return { rho, lastResidual: previous };
}

/**
 * Closed-form weighted least squares by Frisch–Waugh: demeaning within each calendar month leaves
 * a one-variable regression for the slope. Needs every calendar month observed at least once.
 */
export function fitSeasonalTrend(values: readonly number[], firstMonth: number, options: SeasonalFitOptions): SeasonalFit {
  const n = values.length;
  const w = weightsFor(n, options.halfLife);
  const sumW = new Array<number>(12).fill(0);
  const sumT = new Array<number>(12).fill(0);
  const sumZ = new Array<number>(12).fill(0);
  for (let t = 0; t < n; t++) {
    const g = calendar(firstMonth, t);
    sumW[g] += w[t];
    sumT[g] += w[t] * (t - (n - 1));
    sumZ[g] += w[t] * values[t];
  }
  let sxx = 0;
  let sxy = 0;
  for (let t = 0; t < n; t++) {
    const g = calendar(firstMonth, t);
    const dt = t - (n - 1) - sumT[g] / sumW[g];
    sxx += w[t] * dt * dt;
    sxy += w[t] * dt * (values[t] - sumZ[g] / sumW[g]);
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const monthLevels = sumW.map((weight, g) => (weight > 0 ? (sumZ[g] - slope * sumT[g]) / weight : Number.NaN));
  return { slope, monthLevels, ...residualMemory(values, firstMonth, slope, monthLevels, options.carryResidual) };
}

/**
 * The same fit by ml-regression's multivariate linear regression on rows scaled by √weight
 * (columns: months from the last observation, then one indicator per calendar month, no separate
 * intercept), returning the fit and the regression's toJSON for reproducing it.
 */
export function fitSeasonalTrendWithMlRegression(values: readonly number[], firstMonth: number, options: SeasonalFitOptions): { fit: SeasonalFit; regression: unknown } {
  const n = values.length;
  const w = weightsFor(n, options.halfLife);
  const x: number[][] = [];
  const y: number[][] = [];
  for (let t = 0; t < n; t++) {
    const root = Math.sqrt(w[t]);
    const row = new Array<number>(13).fill(0);
    row[0] = root * (t - (n - 1));
    row[1 + calendar(firstMonth, t)] = root;
    x.push(row);
    y.push([root * values[t]]);
  }
  const regression = new MultivariateLinearRegression(x, y, { intercept: false, statistics: false });
  const coefficients = regression.weights.map((row) => row[0]);
  const slope = coefficients[0];
  const monthLevels = coefficients.slice(1);
  return { fit: { slope, monthLevels, ...residualMemory(values, firstMonth, slope, monthLevels, options.carryResidual) }, regression: regression.toJSON() };
}

/** Forecast `horizon` months past the last observation, in the fitted (transformed) units. */
export function forecastSeasonalTrend(fit: SeasonalFit, firstMonth: number, length: number, horizon: number, damping: number): number[] {
  const out: number[] = [];
  let trendSteps = 0;
  for (let step = 1; step <= horizon; step++) {
    trendSteps += Math.pow(damping, step);
    const month = calendar(firstMonth, length - 1 + step);
    out.push(fit.monthLevels[month] + fit.slope * trendSteps + Math.pow(fit.rho, step) * fit.lastResidual);
  }
  return out;
}

// A small L2-regularized logistic regression fitted by Newton's method on standardized features.
// Ours rather than ml-logistic-regression's: that one has no intercept and no penalty, runs a
// fixed number of gradient steps and returns class labels, not calibrated probabilities.
import { Matrix, solve } from "ml-matrix";
import { sigmoid } from "../ml/sigmoid.ts";

/** Column means and standard deviations of the training rows; missing values are null. */
export type Standardizer = { means: number[]; sds: number[] };

export type LogisticModel = {
  standardizer: Standardizer;
  intercept: number;
  /** One weight per standardized feature. */
  weights: number[];
};

export type FitOptions = {
  /** L2 penalty on the weights (not the intercept), in units of the summed log-loss. */
  l2?: number;
  maxIterations?: number;
};

/** Means and spreads per column, ignoring nulls; a constant or empty column gets spread 1. */
function fitStandardizer(rows: readonly (readonly (number | null)[])[], width: number): Standardizer {
  const means: number[] = [];
  const sds: number[] = [];
  for (let j = 0; j < width; j++) {
    const values = rows.map((r) => r[j]).filter((v): v is number => v !== null && Number.isFinite(v));
    const mean = values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.length === 0 ? 0 : values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
    means.push(mean);
    sds.push(variance > 1e-12 ? Math.sqrt(variance) : 1);
  }
  return { means, sds };
}

/** Standardized row; a missing value becomes the training mean, i.e. 0. */
export function standardize(s: Standardizer, row: readonly (number | null)[]): number[] {
  return s.means.map((mean, j) => {
    const v = row[j];
    return v === null || v === undefined || !Number.isFinite(v) ? 0 : (v - mean) / s.sds[j];
  });
}

/**
 * Fits the model by Newton–Raphson (iteratively reweighted least squares) with an L2 penalty,
 * which keeps the problem strictly convex, so the result is unique and needs no random start.
 */
export function fitLogistic(
  rows: readonly (readonly (number | null)[])[],
  labels: readonly boolean[],
  { l2 = 1, maxIterations = 50 }: FitOptions = {},
): LogisticModel {
  if (rows.length !== labels.length) throw new Error("fitLogistic: rows and labels differ in length");
  const width = rows[0]?.length ?? 0;
  const standardizer = fitStandardizer(rows, width);
  const x = rows.map((r) => [1, ...standardize(standardizer, r)]);
  const y = labels.map((l) => (l ? 1 : 0));
  const p = width + 1;
  let beta = new Array<number>(p).fill(0);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const gradient = new Array<number>(p).fill(0);
    const hessian = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    x.forEach((xi, i) => {
      const mu = sigmoid(xi.reduce((acc, v, j) => acc + v * beta[j], 0));
      const w = Math.max(mu * (1 - mu), 1e-10);
      for (let a = 0; a < p; a++) {
        gradient[a] += (y[i] - mu) * xi[a];
        for (let b = 0; b <= a; b++) hessian[a][b] += w * xi[a] * xi[b];
      }
    });
    for (let a = 0; a < p; a++) {
      if (a > 0) {
        gradient[a] -= l2 * beta[a];
        hessian[a][a] += l2;
      }
      for (let b = 0; b < a; b++) hessian[b][a] = hessian[a][b];
    }
    if (l2 === 0) for (let a = 0; a < p; a++) hessian[a][a] += 1e-9;
    const step = solve(new Matrix(hessian), Matrix.columnVector(gradient)).to1DArray();
    beta = beta.map((b, j) => b + step[j]);
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return { standardizer, intercept: beta[0], weights: beta.slice(1) };
}

/** Each feature's push on the log-odds: weight × standardized value (positive raises the risk). */
export function contributions(model: LogisticModel, row: readonly (number | null)[]): number[] {
  const z = standardize(model.standardizer, row);
  return model.weights.map((w, j) => w * z[j]);
}

/** The probability of the positive class for one row. */
export function predictProbability(model: LogisticModel, row: readonly (number | null)[]): number {
  return sigmoid(model.intercept + contributions(model, row).reduce((a, b) => a + b, 0));
}

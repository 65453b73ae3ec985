// A small L2-regularized logistic regression fitted by full-batch gradient descent with a
// backtracking step, on z-scored features. Deterministic (zero start, no sampling) and
// serializable with `toJSON`, scaling included, so a stored model predicts exactly as trained.
// ml-logistic-regression only predicts class labels (and fits without an intercept or
// regularization), so it cannot give the calibrated probability a deal page shows.
import { sigmoid } from "../../ml/sigmoid.ts";

export type LogisticOptions = {
  /** Strength of the L2 penalty on the (standardized) coefficients; the intercept is not penalized. */
  l2?: number;
  maxIterations?: number;
  /** Stop when the objective improves by less than this. */
  tolerance?: number;
};

export type LogisticModelJson = {
  kind: "l2-logistic";
  featureNames: string[];
  means: number[];
  scales: number[];
  weights: number[];
  intercept: number;
  l2: number;
  iterations: number;
};


/** log(1 + e^z) without overflow. */
const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

export class LogisticModel {
  private constructor(private readonly json: LogisticModelJson) {}

  /** Fits on rows of `x` (named by `featureNames`) and 0/1 labels `y`. */
  static fit(featureNames: readonly string[], x: readonly (readonly number[])[], y: readonly number[], options: LogisticOptions = {}): LogisticModel {
    const { l2 = 0.01, maxIterations = 3000, tolerance = 1e-9 } = options;
    const n = x.length;
    const d = featureNames.length;
    if (n === 0 || y.length !== n) throw new RangeError("fit needs as many labels as rows, and at least one row");
    const means = Array.from({ length: d }, (_, j) => x.reduce((s, row) => s + row[j], 0) / n);
    // A constant column gets scale 1 (its z-score is 0 everywhere, so its weight stays 0).
    const scales = means.map((m, j) => Math.sqrt(x.reduce((s, row) => s + (row[j] - m) ** 2, 0) / n) || 1);
    const z = x.map((row) => row.map((v, j) => (v - means[j]) / scales[j]));

    const objective = (w: number[], b: number) => {
      let loss = 0;
      for (let i = 0; i < n; i++) {
        let s = b;
        for (let j = 0; j < d; j++) s += w[j] * z[i][j];
        loss += softplus(s) - y[i] * s;
      }
      return loss / n + (l2 / 2) * w.reduce((s, v) => s + v * v, 0);
    };

    let w = new Array<number>(d).fill(0);
    let b = 0;
    let loss = objective(w, b);
    let step = 1;
    let iterations = 0;
    for (; iterations < maxIterations; iterations++) {
      const gw = w.map((v) => l2 * v);
      let gb = 0;
      for (let i = 0; i < n; i++) {
        let s = b;
        for (let j = 0; j < d; j++) s += w[j] * z[i][j];
        const r = (sigmoid(s) - y[i]) / n;
        gb += r;
        for (let j = 0; j < d; j++) gw[j] += r * z[i][j];
      }
      const gradSq = gb * gb + gw.reduce((s, v) => s + v * v, 0);
      // Backtracking (Armijo): halve the step until the objective falls enough, then try larger next time.
      let next = loss;
      let nw = w;
      let nb = b;
      for (step = Math.min(step * 2, 64); step > 1e-10; step /= 2) {
        nw = w.map((v, j) => v - step * gw[j]);
        nb = b - step * gb;
        next = objective(nw, nb);
        if (next <= loss - 0.5 * step * gradSq) break;
      }
      const improvement = loss - next;
      if (improvement < 0) break;
      w = nw;
      b = nb;
      loss = next;
      if (improvement < tolerance) break;
    }
    return new LogisticModel({ kind: "l2-logistic", featureNames: [...featureNames], means, scales, weights: w, intercept: b, l2, iterations });
  }

  static load(json: LogisticModelJson): LogisticModel {
    if (json.kind !== "l2-logistic") throw new Error(`not a logistic model: ${String(json.kind)}`);
    return new LogisticModel(json);
  }

  get featureNames(): readonly string[] {
    return this.json.featureNames;
  }

  /** The row's z-scores, in feature order. */
  standardize(row: readonly number[]): number[] {
    return row.map((v, j) => (v - this.json.means[j]) / this.json.scales[j]);
  }

  /** Each feature's pull on the log-odds: coefficient × standardized value. */
  contributions(row: readonly number[]): number[] {
    return this.standardize(row).map((v, j) => this.json.weights[j] * v);
  }

  /** The probability of the positive class, in [0, 1]. */
  predict(row: readonly number[]): number {
    return sigmoid(this.contributions(row).reduce((s, c) => s + c, this.json.intercept));
  }

  toJSON(): LogisticModelJson {
    return structuredClone(this.json);
  }
}

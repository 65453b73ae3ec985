// fitLogistic on synthetic data: it recovers known coefficients, its probabilities are
// calibrated, the penalty shrinks, it is deterministic and survives constant or missing columns.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Random } from "../seed/random.ts";
import { sigmoid } from "../ml/sigmoid.ts";
import { contributions, fitLogistic, predictProbability } from "./churn-logistic.ts";

/** Rows from a known model: log-odds = -1 + 2·x0 − 1·x1 (x standard normal), x2 is noise. */
function synthetic(n: number, seed: string) {
  const rng = new Random(seed);
  const normal = () => rng.normal(0, 1);
  const rows: number[][] = [];
  const labels: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const row = [normal(), normal(), normal()];
    rows.push(row);
    labels.push(rng.chance(sigmoid(-1 + 2 * row[0] - row[1])));
  }
  return { rows, labels };
}

describe("fitLogistic", () => {
  it("recovers the coefficients of the model that generated the data", () => {
    const { rows, labels } = synthetic(6000, "logistic-recover");
    const model = fitLogistic(rows, labels, { l2: 0.01 });
    // Weights are per standard deviation; the generating features have sd ≈ 1.
    const perUnit = model.weights.map((w, j) => w / model.standardizer.sds[j]);
    expect(perUnit[0]).toBeCloseTo(2, 0);
    expect(perUnit[1]).toBeCloseTo(-1, 0);
    expect(Math.abs(perUnit[2])).toBeLessThan(0.15);
  });

  it("gives calibrated probabilities: the mean prediction equals the base rate", () => {
    const { rows, labels } = synthetic(2000, "logistic-calibration");
    const model = fitLogistic(rows, labels);
    const mean = rows.reduce((acc, r) => acc + predictProbability(model, r), 0) / rows.length;
    expect(mean).toBeCloseTo(labels.filter(Boolean).length / labels.length, 3);
  });

  it("shrinks the weights as the penalty grows, and is deterministic", () => {
    const { rows, labels } = synthetic(500, "logistic-penalty");
    const loose = fitLogistic(rows, labels, { l2: 0.1 });
    const tight = fitLogistic(rows, labels, { l2: 500 });
    expect(Math.abs(tight.weights[0])).toBeLessThan(Math.abs(loose.weights[0]));
    expect(fitLogistic(rows, labels, { l2: 0.1 })).toEqual(loose);
  });

  it("handles constant columns, missing values and separable data without blowing up", () => {
    const rows = [[1, 5, null], [2, 5, 1], [3, 5, null], [4, 5, 2]];
    const labels = [false, false, true, true];
    const model = fitLogistic(rows, labels);
    for (const r of rows) expect(Number.isFinite(predictProbability(model, r))).toBe(true);
    expect(predictProbability(model, [4, 5, null])).toBeGreaterThan(predictProbability(model, [1, 5, null]));
    expect(contributions(model, [3, 5, null])[1]).toBe(0);
  });

  it("always returns probabilities in [0, 1] whose log-odds are the sum of the contributions", () => {
    const { rows, labels } = synthetic(300, "logistic-range");
    const model = fitLogistic(rows, labels);
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 3 }), (row) => {
        const p = predictProbability(model, row);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        const z = model.intercept + contributions(model, row).reduce((a, b) => a + b, 0);
        if (Math.abs(z) < 30) expect(p).toBeCloseTo(sigmoid(z), 12);
      }),
    );
  });
});

// The L2 logistic regression: recovers a known relationship, gives calibrated probabilities in
// [0, 1], is deterministic, survives constant and separable columns, and reloads from toJSON.
import { describe, expect, it } from "vitest";
import { LogisticModel } from "./logistic.ts";

/** A deterministic sample with P(y = 1) = sigmoid(-0.5 + 1.5·a − 1·b), c pure noise. */
function sample(n: number) {
  const x: number[][] = [];
  const y: number[] = [];
  let seed = 42;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  for (let i = 0; i < n; i++) {
    const [a, b, c] = [rand() * 4 - 2, rand() * 4 - 2, rand()];
    const p = 1 / (1 + Math.exp(-(-0.5 + 1.5 * a - 1 * b)));
    x.push([a, b, c]);
    y.push(rand() < p ? 1 : 0);
  }
  return { x, y };
}

describe("LogisticModel", () => {
  const { x, y } = sample(4000);
  const model = LogisticModel.fit(["a", "b", "c"], x, y, { l2: 0.001 });

  it("recovers the coefficients' direction and size", () => {
    const json = model.toJSON();
    const [wa, wb, wc] = json.weights.map((w, j) => w / json.scales[j]);
    expect(wa).toBeGreaterThan(1.2);
    expect(wa).toBeLessThan(1.8);
    expect(wb).toBeLessThan(-0.7);
    expect(wb).toBeGreaterThan(-1.3);
    expect(Math.abs(wc)).toBeLessThan(0.4);
  });

  it("is calibrated: the mean prediction in each decile matches the observed rate", () => {
    const rows = x.map((row, i) => ({ p: model.predict(row), y: y[i] })).sort((a, b) => a.p - b.p);
    for (let d = 0; d < 10; d++) {
      const bucket = rows.slice(d * 400, (d + 1) * 400);
      const meanP = bucket.reduce((s, r) => s + r.p, 0) / bucket.length;
      const rate = bucket.reduce((s, r) => s + r.y, 0) / bucket.length;
      expect(Math.abs(meanP - rate)).toBeLessThan(0.08);
    }
    expect(rows[0].p).toBeGreaterThanOrEqual(0);
    expect(rows.at(-1)!.p).toBeLessThanOrEqual(1);
  });

  it("is deterministic and reloads from its JSON to the same predictions", () => {
    const again = LogisticModel.fit(["a", "b", "c"], x, y, { l2: 0.001 });
    expect(again.toJSON()).toEqual(model.toJSON());
    const reloaded = LogisticModel.load(JSON.parse(JSON.stringify(model)));
    expect(reloaded.predict([1, -1, 0.5])).toBe(model.predict([1, -1, 0.5]));
  });

  it("contributions add up to the log-odds", () => {
    const row = [0.7, 0.2, 0.1];
    const logit = model.contributions(row).reduce((s, c) => s + c, model.toJSON().intercept);
    expect(1 / (1 + Math.exp(-logit))).toBeCloseTo(model.predict(row), 12);
  });

  it("keeps coefficients finite on a separable column (the L2 penalty) and zero on a constant one", () => {
    const xs = [[0, 5], [1, 5], [2, 5], [3, 5]];
    const m = LogisticModel.fit(["x", "constant"], xs, [0, 0, 1, 1], { l2: 0.1 });
    const json = m.toJSON();
    expect(Number.isFinite(json.weights[0])).toBe(true);
    expect(json.weights[1]).toBe(0);
    expect(m.predict([3, 5])).toBeGreaterThan(0.5);
    expect(m.predict([0, 5])).toBeLessThan(0.5);
  });
});

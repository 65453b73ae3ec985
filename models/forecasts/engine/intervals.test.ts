import { describe, expect, it } from "vitest";
import { bandFromErrors, leaveOneOriginOutCoverage, quantile, serialCorrelation, stepQuantiles, studentT90, type LogError } from "./intervals.ts";

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
/** Normal 80 % prediction-interval factor from n independent errors, as intervals.ts widens by. */
const factor = (n: number) => studentT90(n - 1) * Math.sqrt(1 + 1 / n);

describe("backtest intervals", () => {
  it("reads quantiles at plotting positions p·(n+1), clamped to the extremes", () => {
    const values = Array.from({ length: 9 }, (_, i) => i + 1);
    expect(quantile(values, 0.1)).toBe(1);
    expect(quantile(values, 0.9)).toBe(9);
    expect(quantile(values, 0.5)).toBe(5);
    expect(quantile([1, 2], 0.01)).toBe(1);
    expect(quantile([], 0.5)).toBe(0);
  });

  it("approximates Student's t 90th percentile", () => {
    // Tables: df 1 → 3.078, 2 → 1.886, 3 → 1.638, 5 → 1.476, 10 → 1.372, 30 → 1.310, ∞ → 1.2816.
    expect(studentT90(1) / 3.078).toBeGreaterThan(0.96);
    for (const [df, t] of [[2, 1.886], [3, 1.638], [5, 1.476], [10, 1.372], [30, 1.31]] as const) expect(Math.abs(studentT90(df) / t - 1)).toBeLessThan(0.005);
    expect(studentT90(1e9)).toBeCloseTo(1.2816, 4);
  });

  it("uses a step's own quantiles when its errors span enough months, and pools neighbours when not", () => {
    const errors: LogError[] = [];
    // Origins 100 apart share no month and do not follow each other: 20 independent errors at step 1.
    for (let i = 0; i < 20; i++) {
      errors.push({ origin: 100 * i, step: 1, value: (i - 9.5) / 100 });
      if (i < 3) errors.push({ origin: 100 * i, step: 2, value: 5 });
    }
    const band = bandFromErrors(errors, 3);
    const step1 = sorted(errors.filter((e) => e.step === 1).map((e) => e.value));
    expect(band.low[0]).toBeCloseTo(quantile(step1, 0.1) - quantile(step1, 0.5), 12);
    expect(band.high[0]).toBeCloseTo(quantile(step1, 0.9) - quantile(step1, 0.5), 12);
    // Step 2 has 3 errors: step 1's are pooled in, so the band is wider than step 1's.
    expect(band.high[1]).toBeGreaterThan(band.high[0]);
    // Step 3 was never reached: it borrows from the last steps.
    expect(band.high[2]).toBe(band.high[1]);
  });

  it("widens a pool whose errors share months by the prediction factor of its distinct months", () => {
    // Seasonal naive's errors depend only on the month forecast: origins 0..9 × steps 1..3 cover
    // months 1..12, 30 errors but 12 independent draws. Alternating signs keep ρ at 0.
    const v = (month: number) => ((month % 2 === 0 ? 1 : -1) * month) / 10;
    const shared: LogError[] = [];
    for (let origin = 0; origin < 10; origin++) for (let step = 1; step <= 3; step++) shared.push({ origin, step, value: v(origin + step) });
    // The same 30 values at 30 months apart from each other.
    const apart = shared.map((e, i) => ({ origin: 100 * i, step: 1, value: e.value }));
    const a = stepQuantiles(shared, 1)[0];
    const b = stepQuantiles(apart, 1)[0];
    expect(b.p50).toBe(a.p50);
    expect((a.p90 - a.p10) / (b.p90 - b.p10)).toBeCloseTo(factor(12) / factor(30), 9);
  });

  it("measures the serial correlation of consecutive origins' errors, never below zero", () => {
    const wandering = [Array.from({ length: 24 }, (_, i) => ({ origin: i, step: 1, value: Math.sin(i / 4) }))];
    const alternating = [Array.from({ length: 24 }, (_, i) => ({ origin: i, step: 1, value: i % 2 ? 1 : -1 }))];
    expect(serialCorrelation(wandering, [0])).toBeGreaterThan(0.8);
    expect(serialCorrelation(alternating, [0])).toBe(0);
    // Correlated errors are fewer independent draws: the band is wider than for the same values shuffled.
    const smooth = wandering[0];
    const shuffled = smooth.map((e, i) => ({ ...e, value: smooth[(i * 7) % 24].value }));
    const width = (errors: LogError[]) => {
      const q = stepQuantiles(errors, 1)[0];
      return q.p90 - q.p10;
    };
    expect(width(smooth)).toBeGreaterThan(1.2 * width(shuffled));
  });

  it("keeps the point forecast inside with both sides open when every error is on one side", () => {
    const errors: LogError[] = Array.from({ length: 15 }, (_, origin) => ({ origin: 3 * origin, step: 1, value: 0.02 + 0.003 * origin }));
    const band = bandFromErrors(errors, 2);
    for (let i = 0; i < 2; i++) {
      expect(band.low[i]).toBeLessThan(0);
      expect(band.high[i]).toBeGreaterThan(0);
    }
  });

  it("has zero width only when every error is zero", () => {
    const zeros: LogError[] = Array.from({ length: 10 }, (_, origin) => ({ origin, step: 1, value: 0 }));
    expect(bandFromErrors(zeros, 1)).toEqual({ low: [-0], high: [0] });
    // All but one error zero: the quantiles tie at zero, and the fallback spread opens both sides.
    const almost = zeros.map((e) => (e.origin === 4 ? { ...e, value: 0.3 } : e));
    const band = bandFromErrors(almost, 1);
    expect(band.low[0]).toBeLessThan(0);
    expect(band.high[0]).toBeGreaterThan(0);
  });

  it("judges coverage with each origin's band built from the other origins", () => {
    const errors: LogError[] = Array.from({ length: 30 }, (_, origin) => ({ origin: 2 * origin, step: 1, value: origin === 0 ? 10 : (((origin * 7) % 11) - 5) / 100 }));
    const coverage = leaveOneOriginOutCoverage(errors, 1);
    expect(coverage).toBeGreaterThan(0.6);
    expect(coverage).toBeLessThan(1);
    // The kept model's errors are checked against bands read from the choice's errors.
    const kept = errors.map((e) => ({ ...e, value: 100 }));
    expect(leaveOneOriginOutCoverage(errors, 1, kept)).toBe(0);
    expect(leaveOneOriginOutCoverage(errors.slice(0, 1), 1)).toBeNaN();
  });
});

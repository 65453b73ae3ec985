import { describe, expect, it } from "vitest";
import { bandFromErrors, leaveOneOriginOutCoverage, quantile, type LogError } from "./intervals.ts";

describe("backtest intervals", () => {
  it("reads quantiles at plotting positions p·(n+1), clamped to the extremes", () => {
    const sorted = Array.from({ length: 9 }, (_, i) => i + 1);
    expect(quantile(sorted, 0.1)).toBe(1);
    expect(quantile(sorted, 0.9)).toBe(9);
    expect(quantile(sorted, 0.5)).toBe(5);
    expect(quantile([1, 2], 0.01)).toBe(1);
    expect(quantile([], 0.5)).toBe(0);
  });

  it("uses each step's own errors when it has enough, and pools neighbours when it has not", () => {
    const errors: LogError[] = [];
    for (let origin = 0; origin < 20; origin++) {
      errors.push({ origin, step: 1, value: (origin - 9.5) / 100 });
      if (origin < 3) errors.push({ origin, step: 2, value: 5 });
    }
    const band = bandFromErrors(errors, 3);
    expect(band.low[0]).toBeCloseTo(quantile(errors.filter((e) => e.step === 1).map((e) => e.value).sort((a, b) => a - b), 0.1), 12);
    // Step 2 has 3 errors: step 1's are pooled in, so the band is wider than step 1's.
    expect(band.high[1]).toBeGreaterThan(band.high[0]);
    // Step 3 was never reached: it borrows from the last steps.
    expect(band.high[2]).toBe(band.high[1]);
    expect(band.low.every((v) => v <= 0) && band.high.every((v) => v >= 0)).toBe(true);
  });

  it("judges coverage with each origin's band built from the other origins", () => {
    const errors: LogError[] = Array.from({ length: 30 }, (_, origin) => ({ origin, step: 1, value: origin === 0 ? 10 : ((origin * 7) % 11) / 100 }));
    const coverage = leaveOneOriginOutCoverage(errors, 1);
    expect(coverage).toBeGreaterThan(0.6);
    expect(coverage).toBeLessThan(1);
  });
});

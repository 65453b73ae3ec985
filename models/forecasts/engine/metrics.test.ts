import { describe, expect, it } from "vitest";
import { coverage, mase, naiveScale, smape } from "./metrics.ts";

describe("forecast metrics", () => {
  const training = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 12, 24, 33, 44, 55, 66, 77, 88, 99, 110, 121, 132];

  it("scales MASE by the training part's mean absolute seasonal-naive error", () => {
    // Year-on-year differences of the training part: 2,4,3,4,5,6,7,8,9,10,11,12 → mean 6.75.
    expect(naiveScale(training)).toBeCloseTo(6.75, 10);
    expect(mase([20, 30], [13.25, 36.75], training)).toBeCloseTo(1, 10);
  });

  it("falls back to lag-1 differences under a year and stays finite on a flat history", () => {
    expect(naiveScale([1, 3, 6])).toBeCloseTo(2.5, 10);
    expect(Number.isFinite(mase([5], [4], new Array(24).fill(5)))).toBe(true);
    expect(mase([5], [4], new Array(24).fill(5))).toBeCloseTo(0.2, 10);
  });

  it("computes sMAPE in percent, counting 0 against 0 as exact", () => {
    expect(smape([100, 0], [50, 0])).toBeCloseTo((100 * (2 * 50) / 150) / 2, 10);
    expect(smape([0], [10])).toBeCloseTo(200, 10);
  });

  it("counts the share of actuals inside the band, ends included", () => {
    expect(coverage([1, 2, 3, 4], [0, 2, 4, 0], [1, 3, 5, 3])).toBe(0.5);
  });
});

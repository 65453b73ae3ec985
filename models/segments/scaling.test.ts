import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitRobustScaler, fitStandardScaler, quantile, scaleRows } from "./scaling.ts";

describe("robust scaling", () => {
  it("centres each column on its median and divides by its interquartile range", () => {
    const rows = [[1, 10], [2, 20], [3, 30], [4, 40], [100, 50]];
    const scaler = fitRobustScaler(rows);
    expect(scaler.center).toEqual([3, 30]);
    expect(scaler.scale).toEqual([2, 20]);
    expect(scaleRows({ ...scaler, clip: undefined }, rows)[4]).toEqual([48.5, 1]);
  });

  it("clips scaled values to ±3 interquartile ranges so one extreme feature cannot dominate", () => {
    const rows = [[1, 10], [2, 20], [3, 30], [4, 40], [100, 50]];
    expect(scaleRows(fitRobustScaler(rows), rows)[4]).toEqual([3, 1]);
    expect(scaleRows(fitRobustScaler(rows), [[-1000, 30]])[0]).toEqual([-3, 0]);
  });

  it("is not moved by one huge value, unlike z-scores", () => {
    const rows = [[1], [2], [3], [4], [1_000_000]];
    expect(fitRobustScaler(rows).scale[0]).toBe(2);
    expect(fitStandardScaler(rows).scale[0]).toBeGreaterThan(100_000);
  });

  it("falls back to 1.349 standard deviations when the IQR is zero, and to 1 for a constant column", () => {
    const rows = [[0, 5], [0, 5], [0, 5], [0, 5], [0, 5], [0, 5], [10, 5]];
    const scaler = fitRobustScaler(rows);
    const sd = Math.sqrt((6 * (10 / 7) ** 2 + (10 - 10 / 7) ** 2) / 7);
    expect(scaler.scale[0]).toBeCloseTo(1.349 * sd, 10);
    expect(scaler.scale[1]).toBe(1);
    expect(scaleRows(scaler, rows).flat().every(Number.isFinite)).toBe(true);
  });

  it("interpolates quantiles like NumPy", () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([7], 0.5)).toBe(7);
  });

  it("maps each column's median to 0 and its interquartile range to 1", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000, max: 1_000 }), { minLength: 2, maxLength: 40 }), (values) => {
        const rows = values.map((v, i) => [v, i]);
        const scaled = scaleRows(fitRobustScaler(rows, { clip: Infinity }), rows).map((r) => r[1]).sort((a, b) => a - b);
        expect(quantile(scaled, 0.5)).toBeCloseTo(0, 9);
        expect(quantile(scaled, 0.75) - quantile(scaled, 0.25)).toBeCloseTo(1, 9);
      }),
    );
  });
});

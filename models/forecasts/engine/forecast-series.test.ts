import { describe, expect, it } from "vitest";
import type { MonthlyValue } from "../types.ts";
import { ForecastInputError, forecastSeries, monthIndex, monthLabel } from "./index.ts";
import { randomSeasonalPattern, syntheticSeries, syntheticTruth, type SyntheticOptions } from "./synthetic.ts";

const PATTERN = [0.05, -0.25, 0.1, 0, 0.05, -0.1, -0.05, 0.1, 0.2, 0, 0.3, 0.4];
const fromValues = (start: string, values: number[]): MonthlyValue[] => values.map((value, i) => ({ month: monthLabel((monthIndex(start) ?? 0) + i), value }));

describe("forecastSeries on known structure", () => {
  it("recovers a noiseless log-linear trend × seasonal pattern within 2 %", () => {
    const options: SyntheticOptions = { months: 60, start: "2019-04", level: 5000, growth: 0.01, seasonal: PATTERN };
    const result = forecastSeries(syntheticSeries(options));
    expect(result.points).toHaveLength(12);
    expect(result.points[0].month).toBe("2024-04");
    result.points.forEach((p, i) => expect(Math.abs(p.p50 / syntheticTruth(options, 60 + i) - 1)).toBeLessThan(0.02));
    expect(result.backtest?.mase).toBeLessThan(0.05);
  });

  it("forecasts a pure seasonal series by its pattern", () => {
    const options: SyntheticOptions = { months: 36, start: "2021-01", level: 800, seasonal: PATTERN };
    const result = forecastSeries(syntheticSeries(options), { horizon: 18 });
    expect(result.points).toHaveLength(18);
    result.points.forEach((p, i) => expect(p.p50).toBeCloseTo(syntheticTruth(options, 36 + i), 6));
  });

  it("keeps seasonal naive when it truly is best: the pattern changed and last year is the new one", () => {
    const oldYear = [50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160];
    const newYear = [160, 40, 150, 30, 140, 20, 130, 10, 120, 5, 110, 90];
    const values = [...oldYear, ...oldYear, ...oldYear, ...newYear, ...newYear, ...newYear];
    const result = forecastSeries(fromValues("2018-01", values));
    expect(result.model).toBe("seasonal-naive");
    expect(result.points.map((p) => p.p50)).toEqual(newYear);
    expect(result.notes.join(" ")).toMatch(/Seasonal naive was kept/);
  });

  it("picks seasonal naive for most seasonal random walks, where it is the optimal forecast", () => {
    let picked = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const steps = syntheticSeries({ months: 108, level: 1, noise: 0.08, seed });
      const values: number[] = [];
      steps.forEach((s, t) => values.push(t < 12 ? 1000 * Math.exp(PATTERN[t]) : values[t - 12] * s.value));
      if (forecastSeries(fromValues("2015-01", values)).model === "seasonal-naive") picked++;
    }
    expect(picked).toBeGreaterThanOrEqual(13);
  });
});

describe("forecastSeries intervals", () => {
  it("widens the band with noise", () => {
    const width = (noise: number) => {
      const result = forecastSeries(syntheticSeries({ months: 96, growth: 0.004, seasonal: PATTERN, noise, seed: 3 }));
      return result.points.reduce((s, p) => s + (p.p90 - p.p10) / p.p50, 0) / result.points.length;
    };
    const quiet = width(0.05);
    const loud = width(0.25);
    expect(loud).toBeGreaterThan(2.5 * quiet);
  });

  it("covers roughly 80 % of held-out months on noisy synthetic series", () => {
    let inside = 0;
    let total = 0;
    let backtestCoverage = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const options: SyntheticOptions = { months: 132, growth: 0.005, seasonal: randomSeasonalPattern(seed), noise: 0.15, seed: 100 + seed };
      const all = syntheticSeries(options);
      const result = forecastSeries(all.slice(0, 120));
      result.points.forEach((p, i) => {
        total++;
        if (all[120 + i].value >= p.p10 && all[120 + i].value <= p.p90) inside++;
      });
      backtestCoverage += result.backtest?.coverage ?? 0;
    }
    expect(inside / total).toBeGreaterThan(0.7);
    expect(inside / total).toBeLessThan(0.9);
    expect(backtestCoverage / 30).toBeGreaterThan(0.72);
    expect(backtestCoverage / 30).toBeLessThan(0.88);
  });

  it("orders p10 ≤ p50 ≤ p90 and never forecasts below zero", () => {
    const result = forecastSeries(syntheticSeries({ months: 40, seasonal: PATTERN, noise: 0.6, seed: 9 }));
    for (const p of result.points) {
      expect(p.p10).toBeGreaterThanOrEqual(0);
      expect(p.p10).toBeLessThanOrEqual(p.p50);
      expect(p.p50).toBeLessThanOrEqual(p.p90);
    }
  });
});

describe("forecastSeries edge cases", () => {
  it("forecasts zero for a history of zeros, and says so", () => {
    const result = forecastSeries(fromValues("2020-01", new Array(30).fill(0)));
    expect(result.points.every((p) => p.p10 === 0 && p.p50 === 0 && p.p90 === 0)).toBe(true);
    expect(result.notes.join(" ")).toMatch(/zero/);
    expect(result.backtest?.mase).toBe(0);
  });

  it("handles zero months inside the history", () => {
    const values = syntheticSeries({ months: 48, seasonal: PATTERN, noise: 0.1, seed: 4 }).map((p, t) => ({ ...p, value: t % 7 === 3 ? 0 : p.value }));
    const result = forecastSeries(values);
    expect(result.points.every((p) => Number.isFinite(p.p10) && Number.isFinite(p.p90) && p.p50 >= 0)).toBe(true);
  });

  it("counts months missing inside the span as zero sales and notes them", () => {
    const full = syntheticSeries({ months: 36, seasonal: PATTERN, seed: 5 });
    const gappy = full.filter((_, t) => t !== 10 && t !== 20);
    const result = forecastSeries(gappy);
    expect(result.notes.join(" ")).toMatch(/2 months without a record/);
    expect(result.points[0].month).toBe("2018-01");
    const zeroFilled = forecastSeries(full.map((p, t) => (t === 10 || t === 20 ? { ...p, value: 0 } : p)));
    expect(result.points).toEqual(zeroFilled.points);
    expect(result.model).toBe(zeroFilled.model);
  });

  it("falls back to a simpler model for exactly one year, and says so", () => {
    const result = forecastSeries(fromValues("2023-01", [10, 12, 11, 13, 12, 14, 13, 15, 14, 16, 15, 17]), { horizon: 6 });
    expect(["recent-mean", "annual-mean"]).toContain(result.model);
    expect(result.points).toHaveLength(6);
    expect(result.notes.join(" ")).toMatch(/Only 12 months of history/);
    expect(result.backtest?.origins).toBeGreaterThan(0);
  });

  it("offers seasonal naive between 15 and 23 months", () => {
    const result = forecastSeries(syntheticSeries({ months: 20, seasonal: PATTERN, seed: 6 }));
    expect(result.notes.join(" ")).toMatch(/Only 20 months/);
    expect(result.modelJson).toMatchObject({ backtested: expect.arrayContaining([expect.objectContaining({ model: "seasonal-naive" })]) });
  });

  it("refuses a series too short to forecast, and invalid values", () => {
    expect(() => forecastSeries(fromValues("2024-01", [5, 6]))).toThrow(ForecastInputError);
    expect(() => forecastSeries(fromValues("2024-01", [5, 6]))).toThrow(/Only 2 months of history; at least 6/);
    expect(() => forecastSeries([])).toThrow(/Only 0 months/);
    expect(() => forecastSeries(fromValues("2024-01", [5, 6, -1, 4, 5, 6, 7]))).toThrow(/2024-03 is negative/);
    expect(() => forecastSeries(fromValues("2024-01", [5, 6, Number.NaN, 4, 5, 6, 7]))).toThrow(/not a finite number/);
    expect(() => forecastSeries(fromValues("2024-01", [5, 6, 7, 4, 5, 6, 7]), { horizon: 0 })).toThrow(/horizon/);
  });

  it("is deterministic and reproducible from its JSON", () => {
    const history = syntheticSeries({ months: 72, growth: 0.003, seasonal: PATTERN, noise: 0.2, seed: 8 });
    const a = forecastSeries(history);
    const b = forecastSeries([...history].reverse());
    expect(b).toEqual(a);
    expect(JSON.parse(JSON.stringify(a.modelJson))).toEqual(a.modelJson);
  });
});

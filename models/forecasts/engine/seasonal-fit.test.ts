import { describe, expect, it } from "vitest";
import { fitSeasonalTrend, fitSeasonalTrendWithMlRegression, forecastSeasonalTrend } from "./seasonal-fit.ts";

const pattern = [0.1, -0.2, 0.3, 0, 0.05, -0.1, 0.2, 0.15, -0.05, 0, 0.25, -0.3];
// Starts in April (calendar month 3), so the months do not line up with positions.
const series = (n: number, noise: (t: number) => number) => Array.from({ length: n }, (_, t) => 5 + 0.01 * t + pattern[(3 + t) % 12] + noise(t));

describe("seasonal trend fit", () => {
  it("recovers a known slope and monthly effects exactly without noise", () => {
    const values = series(40, () => 0);
    const fit = fitSeasonalTrend(values, 3, { halfLife: null, damping: 1, carryResidual: false });
    expect(fit.slope).toBeCloseTo(0.01, 10);
    // Level of each month at the last observation (t = 39).
    pattern.forEach((effect, month) => expect(fit.monthLevels[month]).toBeCloseTo(5 + 0.01 * 39 + effect, 10));
    const forecast = forecastSeasonalTrend(fit, 3, 40, 3, 1);
    forecast.forEach((v, i) => expect(v).toBeCloseTo(5 + 0.01 * (40 + i) + pattern[(3 + 40 + i) % 12], 10));
  });

  it("gives the same fit in closed form as through ml-regression, weighted or not", () => {
    const values = series(60, (t) => 0.1 * Math.sin(t * 1.7));
    for (const halfLife of [null, 24]) {
      const options = { halfLife, damping: 0.9, carryResidual: true };
      const closed = fitSeasonalTrend(values, 3, options);
      const { fit, regression } = fitSeasonalTrendWithMlRegression(values, 3, options);
      expect(fit.slope).toBeCloseTo(closed.slope, 9);
      fit.monthLevels.forEach((level, m) => expect(level).toBeCloseTo(closed.monthLevels[m], 9));
      expect(fit.rho).toBeCloseTo(closed.rho, 9);
      expect(regression).toMatchObject({ name: "multivariateLinearRegression", inputs: 13, intercept: false });
    }
  });

  it("damps the trend: a year ahead adds less than 12 months of slope", () => {
    const fit = fitSeasonalTrend(series(36, () => 0), 3, { halfLife: null, damping: 0.9, carryResidual: false });
    const straight = forecastSeasonalTrend(fit, 3, 36, 12, 1);
    const damped = forecastSeasonalTrend(fit, 3, 36, 12, 0.9);
    expect(damped[11]).toBeLessThan(straight[11]);
    expect(straight[11] - damped[11]).toBeCloseTo(0.01 * (12 - (0.9 * (1 - 0.9 ** 12)) / 0.1), 10);
  });

  it("carries a persistent residual forward and lets it decay", () => {
    const values = series(48, (t) => (t >= 44 ? 0.3 : 0));
    const fit = fitSeasonalTrend(values, 3, { halfLife: null, damping: 1, carryResidual: true });
    expect(fit.rho).toBeGreaterThan(0.3);
    expect(fit.lastResidual).toBeGreaterThan(0);
    const plain = forecastSeasonalTrend({ ...fit, rho: 0 }, 3, 48, 12, 1);
    const carried = forecastSeasonalTrend(fit, 3, 48, 12, 1);
    expect(carried[0] - plain[0]).toBeGreaterThan(carried[11] - plain[11]);
  });
});

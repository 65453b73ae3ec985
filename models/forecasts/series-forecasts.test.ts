// The pure steps between sales and stored forecasts: filling months, rounding points into ordered
// whole minor units, JSON-safe backtests, skipping what the engine refuses (and only that), the
// target period's sum and gap, and the heatmap's cells and bands.
import { describe, expect, it } from "vitest";
import { addMonths, ForecastInputError } from "./engine/index.ts";
import { changeBand, heatmapCells, heatmapMonths } from "./heatmap.ts";
import { fillMonths, firstForecastMonth, seriesFrom } from "./sales-history.ts";
import { forecastRegions, toBacktestFigures, toStoredPoint, type Forecaster } from "./series-forecasts.ts";
import { targetGap, targetPeriodForecast } from "./target-gap.ts";
import type { RegionSalesHistory } from "./sales-history.ts";
import type { MonthlyValue } from "./types.ts";

const months = (from: string, n: number): MonthlyValue[] => Array.from({ length: n }, (_, i) => ({ month: addMonths(from, i), value: 1_000 + i }));

describe("sales series", () => {
  it("fill every month of a span, start at the first sale and forecast from asOf's own month", () => {
    expect(fillMonths(new Map([["2024-12", 5]]), "2024-11", "2025-01")).toEqual([{ month: "2024-11", value: 0 }, { month: "2024-12", value: 5 }, { month: "2025-01", value: 0 }]);
    expect(seriesFrom(new Map([["2024-03", 0], ["2024-05", 7]]), "2024-07").map((m) => m.month)).toEqual(["2024-05", "2024-06", "2024-07"]);
    expect(seriesFrom(new Map([["2024-09", 7]]), "2024-07")).toEqual([]);
    expect(firstForecastMonth(new Date("2025-11-30T23:59:59Z"))).toBe("2025-11");
  });
});

describe("stored points and backtests", () => {
  it("round to whole non-negative minor units in p10 ≤ p50 ≤ p90 order", () => {
    expect(toStoredPoint({ month: "2025-01", p10: -3.2, p50: 100.5, p90: 99.6 })).toEqual({ month: "2025-01", p10: 0, p50: 100, p90: 101 });
    expect(toStoredPoint({ month: "2025-01", p10: Number.NaN, p50: 10, p90: 20 })).toEqual({ month: "2025-01", p10: 0, p50: 10, p90: 20 });
  });

  it("store unmeasurable backtest figures as null", () => {
    const figures = toBacktestFigures({ mase: Number.POSITIVE_INFINITY, smape: 12.5, baselineMase: 1, baselineSmape: 14, coverage: 0.8, origins: 4, horizon: 12 });
    expect(figures).toEqual({ mase: null, smape: 12.5, baselineMase: 1, baselineSmape: 14, coverage: 0.8, origins: 4, horizon: 12 });
    expect(JSON.parse(JSON.stringify(figures))).toEqual(figures);
    expect(toBacktestFigures(null)).toBeNull();
  });
});

describe("forecastRegions", () => {
  const history = (overrides: Partial<RegionSalesHistory> = {}): RegionSalesHistory => ({
    regionCode: "DACH", regionName: "DACH", currency: "EUR", otherCurrencyRecords: 2,
    total: months("2022-01", 36), productLines: [{ productLine: "Finance", series: months("2022-01", 36) }, { productLine: "Analytics", series: months("2024-12", 1) }],
    ...overrides,
  });
  const flat: Forecaster = (values, options) => {
    if (values.length < 3) throw new ForecastInputError(`Only ${values.length} month(s) of history.`);
    return { model: "flat", notes: ["a note"], modelJson: { level: 1 }, backtest: null, points: Array.from({ length: options?.horizon ?? 12 }, (_, i) => ({ month: `2025-${String(i + 1).padStart(2, "0")}`, p10: 1, p50: 2.4, p90: 3 })) };
  };

  it("forecasts totals and lines, and skips what the engine refuses with its reason", () => {
    const pipeline = { regionCode: "DACH", months: [{ month: "2025-01", amount: 50, deals: 1 }], unscoredDeals: 3 };
    const { series, skipped } = forecastRegions([history(), history({ regionCode: "APAC", total: [], productLines: [] })], [pipeline], 6, flat);
    expect(series.map((s) => `${s.regionCode}/${s.productLine}`)).toEqual(["DACH/", "DACH/Finance"]);
    expect(series[0]).toMatchObject({ currency: "EUR", model: "flat", meta: { notes: ["a note"], history: { from: "2022-01", to: "2024-12", months: 36 }, otherCurrencyRecords: 2, pipeline: { unscoredDeals: 3 }, fitted: { level: 1 } } });
    expect(series[0].points).toHaveLength(6);
    expect(series[0].points[0]).toEqual({ month: "2025-01", p10: 1, p50: 2, p90: 3 });
    expect(series[1].meta).toMatchObject({ otherCurrencyRecords: 0, pipeline: null });
    expect(skipped).toEqual([
      { regionCode: "DACH", productLine: "Analytics", reason: "Only 1 month(s) of history." },
      { regionCode: "APAC", productLine: "", reason: "No sales in EUR before the forecast's first month." },
    ]);
  });

  it("lets any other engine error fail the run", () => {
    const broken: Forecaster = () => {
      throw new TypeError("engine bug");
    };
    expect(() => forecastRegions([history()], [], 12, broken)).toThrow(/engine bug/);
  });
});

describe("the target gap", () => {
  const points = [{ month: "2025-03", p50: 30 }, { month: "2025-01", p50: 10 }, { month: "2025-02", p50: 20 }, { month: "2025-04", p50: 1_000 }];

  it("sums the first three forecast months", () => {
    expect(targetPeriodForecast(points)).toEqual({ from: "2025-01", to: "2025-03", months: 3, amount: 60 });
    expect(targetPeriodForecast(points.slice(0, 2))).toBeNull();
  });

  it("measures the gap as the boost does: in basis points of the target, never below zero", () => {
    const period = targetPeriodForecast(points);
    const target = { regionCode: "DACH", targetAmount: 80, forecastAmount: null, managerGapBasisPoints: 9_000 };
    expect(targetGap(target, period)?.gapBasisPoints).toBe(2_500);
    expect(targetGap({ ...target, targetAmount: 50 }, period)?.gapBasisPoints).toBe(0);
    expect(targetGap({ ...target, targetAmount: 0 }, period)).toBeNull();
    expect(targetGap(undefined, period)).toBeNull();
  });
});

describe("the heatmap", () => {
  it("bands changes: flat within ±3 %, strong beyond ±15 %", () => {
    expect([-0.2, -0.15, -0.05, -0.03, 0, 0.03, 0.05, 0.15, 0.4, null].map(changeBand)).toEqual([
      "strong-decline", "strong-decline", "decline", "flat", "flat", "flat", "growth", "strong-growth", "strong-growth", "unknown",
    ]);
  });

  it("compares each month's p50 with the same month a year earlier, from the newest run's first month", () => {
    const cols = heatmapMonths(["2025-10", "2025-11"]);
    expect(cols).toHaveLength(12);
    expect([cols[0], cols[11]]).toEqual(["2025-11", "2026-10"]);
    const cells = heatmapCells(cols.slice(0, 3), [{ month: "2025-11", p50: 110 }, { month: "2025-12", p50: 50 }], [{ month: "2024-11", amount: 100 }, { month: "2024-12", amount: 0 }]);
    expect(cells[0]).toMatchObject({ p50: 110, lastYear: 100, band: "growth" });
    expect(cells[0].change).toBeCloseTo(0.1);
    expect(cells[1]).toMatchObject({ p50: 50, lastYear: 0, change: null, band: "unknown" });
    expect(cells[2]).toMatchObject({ p50: null, lastYear: null, change: null });
  });
});

// The channel manager's heatmap (pure): regions × the coming months, each cell the forecast (p50)
// against the same month a year earlier, banded for colour; the figures stay beside the colour.
import { addMonths } from "./engine/index.ts";

export const HEATMAP_MONTHS = 12;

export type ChangeBand = "strong-decline" | "decline" | "flat" | "growth" | "strong-growth" | "unknown";

export type HeatmapCell = {
  month: string;
  /** null where this region's latest run has no forecast for the month. */
  p50: number | null;
  /** Actual sales of the same month a year earlier; null when unknown. */
  lastYear: number | null;
  /** p50 / lastYear − 1; null without both or when last year sold nothing. */
  change: number | null;
  band: ChangeBand;
};

/** Within ±3 % reads as flat; beyond ±15 % as strong. */
export function changeBand(change: number | null): ChangeBand {
  if (change === null || !Number.isFinite(change)) return "unknown";
  if (change <= -0.15) return "strong-decline";
  if (change < -0.03) return "decline";
  if (change <= 0.03) return "flat";
  if (change < 0.15) return "growth";
  return "strong-growth";
}

/** The heatmap's columns: HEATMAP_MONTHS months from the newest run's first forecast month. */
export function heatmapMonths(firstMonths: readonly string[]): string[] {
  if (firstMonths.length === 0) return [];
  const start = [...firstMonths].sort().at(-1)!;
  return Array.from({ length: HEATMAP_MONTHS }, (_, i) => addMonths(start, i));
}

/** One region's row: its p50 per column month against the actual sales of that month a year earlier. */
export function heatmapCells(months: readonly string[], points: readonly { month: string; p50: number }[], actuals: readonly { month: string; amount: number }[]): HeatmapCell[] {
  const forecast = new Map(points.map((p) => [p.month, p.p50]));
  const actual = new Map(actuals.map((a) => [a.month, a.amount]));
  return months.map((month) => {
    const p50 = forecast.get(month) ?? null;
    const lastYear = actual.get(addMonths(month, -12)) ?? null;
    const change = p50 !== null && lastYear !== null && lastYear > 0 ? p50 / lastYear - 1 : null;
    return { month, p50, lastYear, change, band: changeBand(change) };
  });
}

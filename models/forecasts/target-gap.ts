// The gap to target that the regional boost reads (pure): a region's forecast over the target
// period — its first TARGET_PERIOD_MONTHS forecast months, the current month and the two after —
// against the target a manager set on /incentives/targets.
import { regionGapBasisPoints } from "../incentives/deal-programs.ts";
import type { RegionTarget } from "../incentives/types.ts";
import { TARGET_PERIOD_MONTHS } from "./stored.ts";

export type TargetPeriodForecast = { from: string; to: string; months: number; /** Σ p50, minor units. */ amount: number };

export type TargetGap = {
  targetAmount: number;
  forecast: TargetPeriodForecast;
  /** How far the forecast falls below target, in basis points of the target (0 on or above it), as the boost computes it. */
  gapBasisPoints: number;
};

/** The forecast for the target period, or null when the forecast is shorter than the period. */
export function targetPeriodForecast(points: readonly { month: string; p50: number }[], months = TARGET_PERIOD_MONTHS): TargetPeriodForecast | null {
  if (points.length < months) return null;
  const period = [...points].sort((a, b) => a.month.localeCompare(b.month)).slice(0, months);
  return { from: period[0].month, to: period[months - 1].month, months, amount: period.reduce((sum, p) => sum + p.p50, 0) };
}

/** The gap for a region with a positive target; null without a target or a forecast. */
export function targetGap(target: RegionTarget | undefined, forecast: TargetPeriodForecast | null): TargetGap | null {
  if (!target || target.targetAmount <= 0 || forecast === null) return null;
  return {
    targetAmount: target.targetAmount,
    forecast,
    gapBasisPoints: regionGapBasisPoints({ ...target, forecastAmount: forecast.amount }),
  };
}

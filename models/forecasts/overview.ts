// All regions at a glance for channel managers and admins: the heatmap of the coming months
// against last year, and each region's gap to target that feeds the regional boost.
import type { SessionUser } from "../auth/users.ts";
import type { PrismaClient } from "../db/generated/client.ts";
import { type ForecastRegion, visibleForecastRegions } from "./access.ts";
import { type HeatmapCell, heatmapCells, heatmapMonths } from "./heatmap.ts";
import { readRegionForecasts } from "./read.ts";
import { type TargetGap, type TargetPeriodForecast, targetPeriodForecast } from "./target-gap.ts";

export type OverviewRow = {
  region: ForecastRegion;
  cells: HeatmapCell[];
  /** The forecast for the target period (the first months of its run); null when the run is shorter. */
  targetPeriod: TargetPeriodForecast | null;
  target: TargetGap | null;
};

export type ForecastOverview = { months: string[]; rows: OverviewRow[]; /** Visible regions without any forecast yet. */ missing: ForecastRegion[] };

export async function forecastOverview(db: PrismaClient, user: Pick<SessionUser, "role" | "regionCodes">, { now = new Date() }: { now?: Date } = {}): Promise<ForecastOverview> {
  const regions = await visibleForecastRegions(db, user);
  const forecasts = await readRegionForecasts(db, regions, { historyMonths: 12, now });
  const months = heatmapMonths(forecasts.map((f) => f.run.firstMonth));
  const rows = forecasts.map((f) => ({
    region: f.region,
    cells: heatmapCells(months, f.total.points, f.total.history),
    targetPeriod: targetPeriodForecast(f.total.points, f.run.targetPeriodMonths),
    target: f.target,
  }));
  const shown = new Set(rows.map((r) => r.region.code));
  return { months, rows, missing: regions.filter((r) => !shown.has(r.code)) };
}

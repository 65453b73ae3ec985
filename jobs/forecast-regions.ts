// Handler of the nightly `forecast-regions` job: monthly sales forecasts per region and product
// line with p10–p90 bands and backtests, and the target gaps for the regional boost (models/forecasts/run.ts).
import { z } from "zod";
import { forecastRegionSales } from "../models/forecasts/run.ts";
import { MAX_RUN_HORIZON } from "../models/forecasts/stored.ts";
import type { JobHandler } from "./handler.ts";
import { defineHandler } from "./handler.ts";

/** `asOf` (YYYY-MM-DD, UTC): forecast from that day's month on complete months before it; `horizon`: months ahead (12). */
export const forecastRegionsPayload = z.strictObject({
  asOf: z.iso.date().optional(),
  horizon: z.int().min(1).max(MAX_RUN_HORIZON).optional(),
});

export const forecastRegionsHandler: JobHandler = defineHandler(forecastRegionsPayload, async ({ asOf, horizon }, { db, log }) => {
  const summary = await forecastRegionSales(db, { ...(asOf ? { asOf: new Date(`${asOf}T00:00:00Z`) } : {}), ...(horizon ? { horizon } : {}) });
  log(
    `forecast-regions: ${summary.regions.length} regions, ${summary.series} series from ${summary.firstMonth} (${summary.horizon} months), ${summary.skipped} skipped` +
      (summary.targetsChanged.length > 0 ? `; target gaps moved in ${summary.targetsChanged.join(", ")}` : ""),
  );
  return summary;
});

// GET /api/v1/forecasts?region=CODE → the region's latest forecast (API.md): { region, runId,
// points: [{ month, p10, p50, p90 }], backtest: { mase, smape, baselineMase, … } } with history,
// target gap, pipeline and product lines. Without `region`: { items, total } with the latest
// forecast of every region the caller may see. Managers and admins: all regions; regional leads:
// their own (another region answers 404, like an unknown one); partner roles 403.
import { db } from "../../../models/db/client.ts";
import { ForecastAccessError, mayReadForecasts, REGION_CODE, visibleForecastRegion, visibleForecastRegions } from "../../../models/forecasts/access.ts";
import { readRegionForecast, readRegionForecasts } from "../../../models/forecasts/read.ts";
import { apiError, apiRoute, methodNotAllowed } from "../../api.server.ts";
import { requireApiUser } from "../../auth.server.ts";
import { toApiForecast } from "../../components/forecasts/forecast-api.server.ts";
import type { Route } from "./+types/forecasts";

const NO_FORECAST = "Forecasts are computed nightly; none yet for this region — run forecast-regions from the jobs page.";

export function loader({ request, context }: Route.LoaderArgs) {
  return apiRoute(async () => {
    const user = requireApiUser(context);
    if (!mayReadForecasts(user)) return apiError(403, "forbidden", "Your role may not read sales forecasts.");
    const code = new URL(request.url).searchParams.get("region") ?? "";
    if (code === "") {
      const regions = await visibleForecastRegions(db, user);
      const items = (await readRegionForecasts(db, regions, { productLines: true })).map(toApiForecast);
      const shown = new Set(items.map((i) => i.region));
      return Response.json({ items, total: items.length, regionsWithoutForecast: regions.filter((r) => !shown.has(r.code)).map((r) => r.code) });
    }
    if (!REGION_CODE.test(code)) return apiError(422, "validation_failed", "Some fields are invalid.", { region: "must be a region code such as DACH (letters, digits, _ and -)" });
    let region;
    try {
      region = await visibleForecastRegion(db, user, code);
    } catch (error) {
      if (error instanceof ForecastAccessError) return apiError(404, "region_not_found", `No region ${code} among yours.`);
      throw error;
    }
    const forecast = await readRegionForecast(db, region);
    if (!forecast) return apiError(404, "no_forecast", NO_FORECAST);
    return Response.json(toApiForecast(forecast));
  });
}

export function action() {
  return methodNotAllowed("GET");
}

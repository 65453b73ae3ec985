// Test support for the forecast pages: the `.data` request a browser sends on client-side
// navigation, with /forecasts and /forecasts/:regionCode in the build.
import { dataRequester } from "../../test/data-requests.ts";
import * as regionRoute from "./forecasts.region.tsx";
import * as overviewRoute from "./forecasts.tsx";

export const ROUTE_IDS = { overview: "routes/forecasts", region: "routes/forecasts.region" } as const;

/** GET `path` (ending in `.data`) as a user; the HTTP status and route `routeId`'s loader data or error. */
export const pageData = dataRequester([
  { id: ROUTE_IDS.overview, path: "forecasts", module: overviewRoute },
  { id: ROUTE_IDS.region, path: "forecasts/:regionCode", module: regionRoute },
]);

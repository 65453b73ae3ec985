// The forecast pages' access glue: a region the user may not see becomes the page's 403 or 404
// (models/forecasts/access.ts decides which), before anything is read.
import { data } from "react-router";
import type { SessionUser } from "../../../models/auth/users.ts";
import type { PrismaClient } from "../../../models/db/generated/client.ts";
import { type ForecastRegion, ForecastAccessError, mayReadForecasts, visibleForecastRegion } from "../../../models/forecasts/access.ts";

export function requireForecastReader(user: SessionUser): void {
  if (!mayReadForecasts(user)) throw data(null, { status: 403 });
}

export async function requirePageRegion(db: PrismaClient, user: SessionUser, code: string): Promise<ForecastRegion> {
  try {
    return await visibleForecastRegion(db, user, code);
  } catch (error) {
    if (error instanceof ForecastAccessError) throw data(null, { status: error.status });
    throw error;
  }
}

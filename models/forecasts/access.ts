// Who sees which regions' forecasts: channel managers and admins every region, regional leads the
// regions they own (user_region), partner roles none. Pages and the API ask here, never the role.
import { can } from "../auth/permissions.ts";
import type { SessionUser } from "../auth/users.ts";
import type { PrismaClient } from "../db/generated/client.ts";

export type ForecastScope = { kind: "all" } | { kind: "regions"; codes: readonly string[] } | { kind: "none" };

export type ForecastRegion = { code: string; name: string; currency: string };

export class ForecastAccessError extends Error {
  constructor(readonly status: 403 | 404) {
    super(status === 403 ? "Your role may not read sales forecasts" : "No such region among yours");
    this.name = "ForecastAccessError";
  }
}

export function forecastScope(user: Pick<SessionUser, "role" | "regionCodes">): ForecastScope {
  if (can(user, "forecasts:read-all")) return { kind: "all" };
  if (can(user, "forecasts:read-region")) return { kind: "regions", codes: user.regionCodes };
  return { kind: "none" };
}

export function mayReadForecasts(user: Pick<SessionUser, "role" | "regionCodes">): boolean {
  return forecastScope(user).kind !== "none";
}

/** True for the roles that see every region at once (the heatmap and the gaps to target). */
export function seesAllRegions(user: Pick<SessionUser, "role" | "regionCodes">): boolean {
  return forecastScope(user).kind === "all";
}

/** Region codes are short identifiers; anything else is refused before it reaches a query. */
export const REGION_CODE = /^[A-Za-z0-9_-]{1,64}$/;

/** The regions `user` may see, by name; 403 for roles without forecasts. */
export async function visibleForecastRegions(db: PrismaClient, user: Pick<SessionUser, "role" | "regionCodes">): Promise<ForecastRegion[]> {
  const scope = forecastScope(user);
  if (scope.kind === "none") throw new ForecastAccessError(403);
  const regions = await db.region.findMany({
    where: scope.kind === "all" ? {} : { code: { in: [...scope.codes] } },
    select: { code: true, name: true, currency: true },
    orderBy: { name: "asc" },
  });
  return regions.map((r) => ({ code: r.code, name: r.name, currency: r.currency.trim() }));
}

/** One region `user` may see; 403 for roles without forecasts, 404 for a malformed, unknown or foreign code. */
export async function visibleForecastRegion(db: PrismaClient, user: Pick<SessionUser, "role" | "regionCodes">, code: string): Promise<ForecastRegion> {
  const scope = forecastScope(user);
  if (scope.kind === "none") throw new ForecastAccessError(403);
  if (!REGION_CODE.test(code) || (scope.kind === "regions" && !scope.codes.includes(code))) throw new ForecastAccessError(404);
  const region = await db.region.findUnique({ where: { code }, select: { code: true, name: true, currency: true } });
  if (!region) throw new ForecastAccessError(404);
  return { code: region.code, name: region.name, currency: region.currency.trim() };
}

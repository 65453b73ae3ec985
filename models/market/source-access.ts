// Who may see and change market sources: admins all of them; regional leads see the sources
// that cover one of their regions (or no region) and change only those wholly within their own
// regions; channel managers read; partners never reach them.
import type { Prisma } from "../db/generated/client.ts";
import { can } from "../auth/permissions.ts";
import type { SessionUser } from "../auth/users.ts";

type Actor = Pick<SessionUser, "role" | "regionCodes">;

export function canReadSources(user: Pick<SessionUser, "role">): boolean {
  return can(user, "market:read-sources");
}

/** May create sources and test them (fetch once): admins, and leads for their own regions. */
export function canManageSources(user: Pick<SessionUser, "role">): boolean {
  return can(user, "market:manage-sources");
}

/** A Prisma filter on MarketSource limited to what `user` may see (call canReadSources first). */
export function sourceScope(user: Actor): Prisma.MarketSourceWhereInput {
  if (user.role !== "REGIONAL_LEAD") return {};
  return { OR: [{ regionCodes: { hasSome: user.regionCodes } }, { regionCodes: { isEmpty: true } }] };
}

export function canSeeSource(user: Actor, source: { regionCodes: readonly string[] }): boolean {
  if (!canReadSources(user)) return false;
  if (user.role !== "REGIONAL_LEAD") return true;
  return source.regionCodes.length === 0 || source.regionCodes.some((code) => user.regionCodes.includes(code));
}

/** May edit, delete, switch and run the source: admins; leads when it covers only their regions. */
export function canEditSource(user: Actor, source: { regionCodes: readonly string[] }): boolean {
  if (user.role === "ADMIN") return true;
  if (user.role !== "REGIONAL_LEAD") return false;
  return source.regionCodes.length > 0 && source.regionCodes.every((code) => user.regionCodes.includes(code));
}

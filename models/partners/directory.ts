// Finding partner organizations by name for the pages where a manager picks one (statements,
// adjustments): limited to the organizations the user may see, alphabetical, a page at most.
import { partnerOrgScope } from "../auth/permissions.ts";
import type { SessionUser } from "../auth/users.ts";
import type { PrismaClient } from "../db/generated/client.ts";
import { isUuid } from "../validation.ts";

export type PartnerChoice = { id: string; name: string; regionCode: string; country: string };

const select = { id: true, name: true, regionCode: true, country: true } as const;

/** Partners whose name contains `query` (any case), up to `limit`; all visible ones for an empty query. */
export async function searchPartnerOrgs(db: PrismaClient, user: SessionUser, query: string, limit = 20): Promise<PartnerChoice[]> {
  const text = query.trim().slice(0, 100);
  return db.partnerOrg.findMany({
    where: { AND: [partnerOrgScope(user), text ? { name: { contains: text, mode: "insensitive" } } : {}] },
    select,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: limit,
  });
}

/** One partner the user may see, or null (also for an id that is not a UUID). */
export async function findVisiblePartnerOrg(db: PrismaClient, user: SessionUser, id: string): Promise<PartnerChoice | null> {
  if (!isUuid(id)) return null;
  return db.partnerOrg.findFirst({ where: { AND: [partnerOrgScope(user), { id }] }, select });
}

// The partner picker of the statement page: channel managers and admins search partner
// organizations by name; anyone else gets no list at all.
import { can } from "../auth/permissions.ts";
import type { SessionUser } from "../auth/users.ts";
import type { PrismaClient } from "../db/generated/client.ts";
import type { StatementPartner } from "./statement.ts";

export const PARTNER_PICKER_LIMIT = 50;

/** Partner organizations whose name contains `search` (all when empty), by name, at most 50. */
export async function findStatementPartners(db: PrismaClient, user: SessionUser, search: string): Promise<StatementPartner[]> {
  if (!can(user, "incentives:read-all")) return [];
  const term = search.trim().slice(0, 100);
  return db.partnerOrg.findMany({
    where: term === "" ? {} : { name: { contains: term, mode: "insensitive" } },
    select: { id: true, name: true, regionCode: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: PARTNER_PICKER_LIMIT,
  });
}

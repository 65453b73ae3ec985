// Who may see and do what: the one place where tenant and role rules live. Routes and API
// handlers call these; a partner user reaches only their own organization's data.
import type { Prisma } from "../db/generated/client.ts";
import { isPartnerRole, type Role, type SessionUser } from "./users.ts";

export type Capability =
  | "deals:read-own"
  | "deals:read-all"
  | "deals:review"
  | "deals:register"
  | "deals:configure"
  | "incentives:read-own"
  | "incentives:read-all"
  | "incentives:manage"
  | "partners:read"
  | "alerts:read"
  | "forecasts:read-all"
  | "forecasts:read-region"
  | "market:read-sources"
  | "market:manage-sources"
  | "sales:read-region"
  | "admin:jobs"
  | "admin:users";

const capabilities: Record<Role, readonly Capability[]> = {
  PARTNER: ["deals:read-own", "deals:register", "incentives:read-own"],
  PARTNER_ADMIN: ["deals:read-own", "deals:register", "incentives:read-own"],
  CHANNEL_MANAGER: [
    "deals:read-all", "deals:review", "deals:configure", "partners:read", "incentives:read-all", "incentives:manage",
    "forecasts:read-all", "market:read-sources",
  ],
  REGIONAL_LEAD: ["alerts:read", "sales:read-region", "partners:read", "forecasts:read-region", "market:read-sources", "market:manage-sources"],
  ADMIN: [
    "deals:read-all", "deals:review", "deals:configure", "partners:read", "alerts:read", "sales:read-region",
    "incentives:read-all", "incentives:manage", "admin:jobs", "admin:users",
    "forecasts:read-all", "market:read-sources", "market:manage-sources",
  ],
};

export function can(user: Pick<SessionUser, "role">, capability: Capability): boolean {
  return capabilities[user.role].includes(capability);
}

/** True when `user` may open the deal pages: their own organization's deals, or all of them. */
export function canReadDeals(user: Pick<SessionUser, "role">): boolean {
  return can(user, "deals:read-own") || can(user, "deals:read-all");
}

/** True when `user` may open an incentive statement: their own organization's, or any partner's. */
export function canReadIncentives(user: Pick<SessionUser, "role">): boolean {
  return can(user, "incentives:read-own") || can(user, "incentives:read-all");
}

/** A Prisma filter on PartnerOrg limited to what `user` may see. */
export function partnerOrgScope(user: SessionUser): Prisma.PartnerOrgWhereInput {
  if (isPartnerRole(user.role)) return { id: user.partnerOrgId ?? "00000000-0000-0000-0000-000000000000" };
  if (user.role === "REGIONAL_LEAD") return { regionCode: { in: user.regionCodes } };
  return {};
}

/** A Prisma filter on Deal limited to what `user` may see (partners: their own organization's). */
export function dealScope(user: SessionUser): Prisma.DealWhereInput {
  if (can(user, "deals:read-all")) return {};
  if (isPartnerRole(user.role) && user.partnerOrgId) return { partnerOrgId: user.partnerOrgId };
  return { partnerOrg: partnerOrgScope(user) };
}

/** True when `user` may see data that belongs to `partnerOrgId` (with its region, for leads). */
export function canSeePartnerOrg(user: SessionUser, org: { id: string; regionCode: string }): boolean {
  if (isPartnerRole(user.role)) return user.partnerOrgId === org.id;
  if (user.role === "REGIONAL_LEAD") return user.regionCodes.includes(org.regionCode);
  return true;
}

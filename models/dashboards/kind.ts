// Which dashboard each role lands on.
import type { Role } from "../auth/users.ts";

export type DashboardKind = "partner" | "manager" | "lead" | "admin";

const kinds: Record<Role, DashboardKind> = {
  PARTNER: "partner",
  PARTNER_ADMIN: "partner",
  CHANNEL_MANAGER: "manager",
  REGIONAL_LEAD: "lead",
  ADMIN: "admin",
};

export function dashboardKindFor(role: Role): DashboardKind {
  return kinds[role];
}

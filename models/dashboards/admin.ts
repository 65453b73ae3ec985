// The administrator's landing page: who uses the portal (users by role, live sessions), how
// many partner organizations exist, and the health of every background job queue.
import type { PrismaClient } from "../db/generated/client.ts";
import type { PartnerStatus, UserRole } from "../db/generated/enums.ts";
import { listQueueHealth, type QueueCatalogueEntry, type QueueHealth } from "../jobs/admin.ts";

export const USER_ROLES = ["PARTNER", "PARTNER_ADMIN", "CHANNEL_MANAGER", "REGIONAL_LEAD", "ADMIN"] as const satisfies readonly UserRole[];
export const PARTNER_STATUSES = ["PROSPECT", "ACTIVE", "SUSPENDED", "TERMINATED"] as const satisfies readonly PartnerStatus[];

/** A queue's health as JSON (times as ISO strings). */
export type QueueHealthRow = Omit<QueueHealth, "lastRun"> & {
  lastRun: (Omit<NonNullable<QueueHealth["lastRun"]>, "at"> & { at: string }) | null;
};

export type AdminDashboard = {
  /** Enabled users per role; disabled accounts are counted apart. */
  usersByRole: { role: UserRole; count: number }[];
  users: { enabled: number; disabled: number };
  /** Sessions neither revoked nor expired. */
  activeSessions: number;
  partnerOrgs: { total: number; byStatus: { status: PartnerStatus; count: number }[] };
  queues: QueueHealthRow[];
};

export async function listQueueHealthRows(
  db: PrismaClient,
  catalogue: readonly QueueCatalogueEntry[],
): Promise<QueueHealthRow[]> {
  const health = await listQueueHealth(db, catalogue);
  return health.map((q) => ({ ...q, lastRun: q.lastRun ? { ...q.lastRun, at: q.lastRun.at.toISOString() } : null }));
}

export async function adminDashboard(
  db: PrismaClient,
  { catalogue, now = new Date() }: { catalogue: readonly QueueCatalogueEntry[]; now?: Date },
): Promise<AdminDashboard> {
  const [roleRows, disabled, activeSessions, orgRows, queues] = await Promise.all([
    db.user.groupBy({ by: ["role"], where: { disabledAt: null }, _count: { _all: true } }),
    db.user.count({ where: { disabledAt: { not: null } } }),
    db.session.count({ where: { revokedAt: null, expiresAt: { gt: now }, user: { disabledAt: null } } }),
    db.partnerOrg.groupBy({ by: ["status"], _count: { _all: true } }),
    listQueueHealthRows(db, catalogue),
  ]);
  const usersByRole = USER_ROLES.map((role) => ({ role, count: roleRows.find((r) => r.role === role)?._count._all ?? 0 }));
  const byStatus = PARTNER_STATUSES.map((status) => ({ status, count: orgRows.find((r) => r.status === status)?._count._all ?? 0 }));
  return {
    usersByRole,
    users: { enabled: usersByRole.reduce((sum, r) => sum + r.count, 0), disabled },
    activeSessions,
    partnerOrgs: { total: byStatus.reduce((sum, r) => sum + r.count, 0), byStatus },
    queues,
  };
}

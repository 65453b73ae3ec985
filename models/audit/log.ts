// The audit log: every state change made by a person (or an API key acting for one).
import type { Prisma, PrismaClient } from "../db/generated/client.ts";

export type AuditEntry = {
  actorUserId?: string | null;
  actorApiKeyId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  partnerOrgId?: string | null;
  ipAddress?: string | null;
  data?: Prisma.InputJsonValue;
};

type Writer = Pick<PrismaClient, "auditLog">;

export async function recordAudit(db: Writer, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({ data: entry, select: { id: true } });
}

// Database-backed sessions: the cookie carries only a random id; the row holds expiry and
// revocation, so signing out (or an admin) can end a session everywhere at once.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../db/generated/client.ts";
import { type SessionUser, sessionUserSelect, toSessionUser } from "./users.ts";

const TOUCH_AFTER_MS = 5 * 60 * 1000;

export async function createSession(
  db: PrismaClient,
  userId: string,
  options: { ttlHours: number; ipAddress?: string; userAgent?: string | null },
): Promise<{ id: string; expiresAt: Date }> {
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + options.ttlHours * 3600 * 1000);
  await db.session.create({
    data: { id, userId, expiresAt, ipAddress: options.ipAddress, userAgent: options.userAgent?.slice(0, 400) },
    select: { id: true },
  });
  return { id, expiresAt };
}

/** The signed-in user of a session id, or null when it is unknown, expired, revoked or the user is disabled. */
export async function getSessionUser(db: PrismaClient, sessionId: string): Promise<SessionUser | null> {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { expiresAt: true, revokedAt: true, lastSeenAt: true, user: { select: sessionUserSelect } },
  });
  const now = Date.now();
  if (!session || session.revokedAt || session.expiresAt.getTime() <= now || session.user.disabledAt) return null;
  if (now - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(now) }, select: { id: true } });
  }
  return toSessionUser(session.user);
}

export async function revokeSession(db: PrismaClient, sessionId: string): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export async function revokeAllSessions(db: PrismaClient, userId: string): Promise<number> {
  const { count } = await db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count;
}

// A user's own in-app notifications: the list, the unread count for the bell, marking read.
// Every function takes the user's id and touches nothing else: another user's notification
// reads and behaves exactly like one that does not exist.
import { z } from "zod";
import type { Prisma, PrismaClient } from "../db/generated/client.ts";

export type NotificationItem = {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  data: Prisma.JsonValue | null;
  createdAt: string;
  readAt: string | null;
};

export type NotificationQuery = { unreadOnly?: boolean; page?: number; pageSize?: number };

type InboxDb = Pick<PrismaClient, "notification">;

const notificationId = z.guid();

/** One page of the user's notifications, newest first, with the total for paging. */
export async function listNotifications(
  db: InboxDb,
  userId: string,
  { unreadOnly = false, page = 1, pageSize = 20 }: NotificationQuery = {},
): Promise<{ items: NotificationItem[]; total: number }> {
  const where: Prisma.NotificationWhereInput = { userId, ...(unreadOnly ? { readAt: null } : {}) };
  const [total, rows] = await Promise.all([
    db.notification.count({ where }),
    db.notification.findMany({
      where,
      select: { id: true, kind: true, title: true, body: true, link: true, data: true, createdAt: true, readAt: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  return {
    total,
    items: rows.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })),
  };
}

/** How many of the user's notifications are unread (the bell's badge). */
export function unreadCount(db: InboxDb, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/**
 * Marks the user's unread notifications `ids` (or all of them) read; returns how many changed.
 * Ids that are malformed, already read or someone else's are ignored.
 */
export async function markRead(db: InboxDb, userId: string, ids: readonly string[] | "all", now = new Date()): Promise<number> {
  const where: Prisma.NotificationWhereInput = { userId, readAt: null };
  if (ids !== "all") {
    const wellFormed = ids.filter((id) => notificationId.safeParse(id).success);
    if (wellFormed.length === 0) return 0;
    where.id = { in: wellFormed };
  }
  const { count } = await db.notification.updateMany({ where, data: { readAt: now } });
  return count;
}

// Telling users that something happened: an in-app notification per recipient and, when asked,
// a PENDING e-mail in the outbox (sent later by the send-notifications job). Idempotent per
// notice and recipient: the key "<idempotencyKey>:<userId>" is unique in both tables.
import type { Prisma, PrismaClient } from "../db/generated/client.ts";
import { env } from "../env.ts";
import { composeNotificationEmail } from "./email.ts";

/** Who is told: named users, or every active user of a partner organization. */
export type NotificationRecipients =
  | { userIds: readonly string[]; partnerOrgId?: never }
  | { partnerOrgId: string; userIds?: never };

export type Notice = NotificationRecipients & {
  /** A stable machine name such as "deal.approved" or "deal.expiry-warning". */
  kind: string;
  title: string;
  body?: string | null;
  /** A path inside the portal, e.g. "/deals/<id>". */
  link?: string | null;
  data?: Prisma.InputJsonValue;
  /** The same key never reaches the same user twice (a retried job, a second worker). */
  idempotencyKey: string;
  /** Also queue an e-mail to each recipient. */
  email: boolean;
};

/** Rows created by this call; rows that already existed for the key are not counted. */
export type NotifyResult = { recipients: number; notifications: number; emails: number };

/** The client or a transaction: notifying inside the caller's transaction commits with it. */
export type NotifyDb = Pick<PrismaClient, "user" | "notification" | "emailOutbox">;

export type NotifyOptions = {
  /** Base of the links in e-mails; defaults to APP_URL (without it, e-mails carry no link). */
  appUrl?: string | null;
};

const CHUNK = 1000;

/** Notifies the recipients of one notice. */
export function notifyUsers(db: NotifyDb, notice: Notice, options: NotifyOptions = {}): Promise<NotifyResult> {
  return notifyMany(db, [notice], options);
}

/** Notifies the recipients of many notices with a fixed number of queries (one lookup, batched inserts). */
export async function notifyMany(db: NotifyDb, notices: readonly Notice[], options: NotifyOptions = {}): Promise<NotifyResult> {
  const userIds = [...new Set(notices.flatMap((n) => n.userIds ?? []))];
  const orgIds = [...new Set(notices.flatMap((n) => (n.partnerOrgId ? [n.partnerOrgId] : [])))];
  if (userIds.length === 0 && orgIds.length === 0) return { recipients: 0, notifications: 0, emails: 0 };

  const users = await db.user.findMany({
    where: {
      disabledAt: null,
      OR: [...(userIds.length ? [{ id: { in: userIds } }] : []), ...(orgIds.length ? [{ partnerOrgId: { in: orgIds } }] : [])],
    },
    select: { id: true, email: true, partnerOrgId: true },
    orderBy: { id: "asc" },
  });
  const appUrl = options.appUrl === undefined ? env().APP_URL : options.appUrl;

  const notifications: Prisma.NotificationCreateManyInput[] = [];
  const emails: Prisma.EmailOutboxCreateManyInput[] = [];
  for (const notice of notices) {
    const recipients = notice.partnerOrgId
      ? users.filter((u) => u.partnerOrgId === notice.partnerOrgId)
      : users.filter((u) => notice.userIds?.includes(u.id));
    const mail = notice.email ? composeNotificationEmail({ title: notice.title, body: notice.body, link: notice.link, appUrl }) : null;
    for (const user of recipients) {
      const idempotencyKey = `${notice.idempotencyKey}:${user.id}`;
      notifications.push({
        userId: user.id,
        kind: notice.kind,
        title: notice.title,
        body: notice.body ?? null,
        link: notice.link ?? null,
        data: notice.data,
        idempotencyKey,
      });
      if (mail) emails.push({ toAddress: user.email, subject: mail.subject, textBody: mail.text, htmlBody: mail.html, idempotencyKey });
    }
  }

  let createdNotifications = 0;
  let createdEmails = 0;
  for (let i = 0; i < notifications.length; i += CHUNK) {
    createdNotifications += (await db.notification.createMany({ data: notifications.slice(i, i + CHUNK), skipDuplicates: true })).count;
  }
  for (let i = 0; i < emails.length; i += CHUNK) {
    createdEmails += (await db.emailOutbox.createMany({ data: emails.slice(i, i + CHUNK), skipDuplicates: true })).count;
  }
  return { recipients: notifications.length, notifications: createdNotifications, emails: createdEmails };
}

// The daily e-mail digest of each regional lead's unread alerts, through the e-mail outbox (the
// send-notifications job delivers it). Run hourly: a lead gets the digest at the first run after
// DIGEST_LOCAL_HOUR in their own time zone, once per local day (alert_digest's key), covering the
// alerts since their previous digest (at most a week back), so no alert is in two digests and
// none falls between them. A day without unread alerts is recorded but sends nothing.
import type { PrismaClient } from "../db/generated/client.ts";
import { env } from "../env.ts";
import { absoluteLink } from "../notifications/email.ts";
import { parseAlertReasons } from "./alert-inbox.ts";
import { safeHttpUrl } from "./text.ts";
import { composeDigestEmail } from "./digest-email.ts";

export const DIGEST_LOCAL_HOUR = 7;
/** Most alerts listed in one e-mail; the rest are counted ("…and 12 more"). */
export const DIGEST_MAX_ALERTS = 40;
const DAY_MS = 86_400_000;
const MAX_WINDOW_MS = 7 * DAY_MS;

export type DigestOptions = { now?: Date; appUrl?: string | null; localHour?: number };
export type DigestResult = { leads: number; sent: number; empty: number; notYet: number; alreadyDone: number };

/** The calendar day and hour at `now` in `timeZone` (UTC when the zone is unknown). */
export function localDayAndHour(now: Date, timeZone: string): { day: string; hour: number } {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" }).formatToParts(now);
  } catch {
    return localDayAndHour(now, "UTC");
  }
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { day: `${part("year")}-${part("month")}-${part("day")}`, hour: Number(part("hour")) };
}

/** Sends every due digest; safe to run any number of times (each lead and local day once). */
export async function sendAlertDigests(db: PrismaClient, { now = new Date(), appUrl = env().APP_URL ?? null, localHour = DIGEST_LOCAL_HOUR }: DigestOptions = {}): Promise<DigestResult> {
  const leads = await db.user.findMany({
    where: { role: "REGIONAL_LEAD", disabledAt: null },
    select: { id: true, email: true, name: true, timeZone: true },
    orderBy: { id: "asc" },
  });
  const result: DigestResult = { leads: leads.length, sent: 0, empty: 0, notYet: 0, alreadyDone: 0 };
  const inboxUrl = absoluteLink("/alerts", appUrl);

  for (const lead of leads) {
    const { day, hour } = localDayAndHour(now, lead.timeZone);
    if (hour < localHour) {
      result.notYet++;
      continue;
    }
    const digestDate = new Date(`${day}T00:00:00Z`);
    const [done, previous] = await Promise.all([
      db.alertDigest.findUnique({ where: { userId_digestDate: { userId: lead.id, digestDate } }, select: { userId: true } }),
      db.alertDigest.findFirst({ where: { userId: lead.id }, orderBy: { windowEnd: "desc" }, select: { windowEnd: true } }),
    ]);
    if (done) {
      result.alreadyDone++;
      continue;
    }
    const windowStart = previous && now.getTime() - previous.windowEnd.getTime() <= MAX_WINDOW_MS ? previous.windowEnd : new Date(now.getTime() - DAY_MS);
    const where = { userId: lead.id, readAt: null, createdAt: { gte: windowStart, lt: now } };
    const [total, alerts] = await Promise.all([
      db.alert.count({ where }),
      db.alert.findMany({
        where,
        select: { severity: true, reasons: true, item: { select: { title: true, canonicalUrl: true, deadline: true } } },
        orderBy: [{ severity: "desc" }, { relevance: "desc" }, { createdAt: "desc" }],
        take: DIGEST_MAX_ALERTS,
      }),
    ]);

    const outcome = await db.$transaction(async (tx) => {
      // The digest row is the lock: of two workers on the same lead and day, one inserts it.
      const claimed = await tx.alertDigest.createMany({ data: [{ userId: lead.id, digestDate, windowStart, windowEnd: now, alertCount: total }], skipDuplicates: true });
      if (claimed.count === 0) return "alreadyDone" as const;
      if (total === 0) return "empty" as const;
      const mail = composeDigestEmail({
        leadName: lead.name,
        date: day,
        alerts: alerts.map((a) => ({
          title: a.item.title,
          severity: a.severity,
          reasons: parseAlertReasons(a.reasons),
          url: safeHttpUrl(a.item.canonicalUrl, null),
          deadline: a.item.deadline?.toISOString().slice(0, 10) ?? null,
        })),
        more: total - alerts.length,
        inboxUrl,
      });
      await tx.emailOutbox.createMany({
        data: [{ toAddress: lead.email, subject: mail.subject, textBody: mail.text, htmlBody: mail.html, idempotencyKey: `alert-digest:${lead.id}:${day}` }],
        skipDuplicates: true,
      });
      return "sent" as const;
    });
    result[outcome]++;
  }
  return result;
}

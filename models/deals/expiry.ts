// Deal protection running out: lapses approved deals whose protection has ended (status EXPIRED)
// and warns the partner before it does (14 and 3 days ahead). Run hourly by the expire-deals job.
// Set-based and idempotent: one transaction under a lock, warnings keyed on the deal, the
// threshold and the protection end, so a rerun changes nothing and an extension warns again.
import type { PrismaClient } from "../db/generated/client.ts";
import { notifyMany, type Notice, type NotifyOptions } from "../notifications/notify.ts";

/** Days before the protection ends at which the partner is warned, once each. */
export const EXPIRY_WARNING_DAYS: readonly number[] = [14, 3];

export type ExpiryRunResult = {
  /** Deals whose protection lapsed in this run (now EXPIRED). */
  lapsed: number;
  /** Warnings given in this run, per threshold in days ("14", "3"). */
  warned: Record<string, number>;
  notifications: number;
  emails: number;
};

export type ExpiryOptions = NotifyOptions & { now?: Date };

type LapsedDeal = { id: string; partnerOrgId: string; title: string; expiresAt: string };
type WarnedDeal = LapsedDeal & { threshold: number; daysLeft: number };

/** "2026-03-04 05:06 UTC" from an ISO timestamp: mails and notifications are read in any time zone. */
function utcMinute(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function days(n: number): string {
  return n === 1 ? "1 day" : `${n} days`;
}

export async function expireDeals(db: PrismaClient, { now = new Date(), ...notifyOptions }: ExpiryOptions = {}): Promise<ExpiryRunResult> {
  const at = now.toISOString();
  const thresholds = [...EXPIRY_WARNING_DAYS].sort((a, b) => a - b);
  const furthest = thresholds[thresholds.length - 1] ?? 0;

  return db.$transaction(
    async (tx) => {
      // Two runs at once (cron and "run now", two workers) take turns; the second finds nothing to do.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('channelwise.expire_deals'))`;

      const lapsed = await tx.$queryRaw<LapsedDeal[]>`
        WITH lapsed AS (
          -- As the state machine's "expire" (transitions.ts): a waiting extension request is closed.
          UPDATE deal SET status = 'EXPIRED', extension_requested_at = NULL, extension_reason = NULL, updated_at = ${at}::timestamptz
          WHERE status = 'APPROVED' AND protection_expires_at <= ${at}::timestamptz
          RETURNING id, partner_org_id, title,
            to_char(protection_expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS expires_at
        ),
        events AS (
          INSERT INTO deal_event (deal_id, actor_user_id, action, note, data, at)
          SELECT id, NULL, 'EXPIRED', 'protection lapsed',
            jsonb_build_object('from', 'APPROVED', 'to', 'EXPIRED', 'protectionExpiresAt', expires_at), ${at}::timestamptz
          FROM lapsed
        ),
        audit AS (
          INSERT INTO audit_log (at, actor_user_id, action, entity_type, entity_id, partner_org_id, data)
          SELECT ${at}::timestamptz, NULL, 'deal.expire', 'Deal', id::text, partner_org_id,
            jsonb_build_object('reason', 'protection lapsed', 'protectionExpiresAt', expires_at)
          FROM lapsed
        )
        SELECT id::text AS id, partner_org_id::text AS "partnerOrgId", title, expires_at AS "expiresAt"
        FROM lapsed ORDER BY id`;

      // A deal is warned at the nearest threshold it has reached, unless a warning at that
      // threshold or a nearer one was already given for the same protection end.
      const warned = await tx.$queryRaw<WarnedDeal[]>`
        WITH due AS (
          SELECT d.id, d.partner_org_id, d.title,
            to_char(d.protection_expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS expires_at,
            (SELECT min(t) FROM unnest(${thresholds}::int[]) AS t
              WHERE d.protection_expires_at <= ${at}::timestamptz + make_interval(days => t)) AS threshold,
            ceil(extract(epoch FROM d.protection_expires_at - ${at}::timestamptz) / 86400)::int AS days_left
          FROM deal d
          WHERE d.status = 'APPROVED'
            AND d.protection_expires_at > ${at}::timestamptz
            AND d.protection_expires_at <= ${at}::timestamptz + make_interval(days => ${furthest}::int)
        ),
        fresh AS (
          SELECT due.* FROM due
          WHERE NOT EXISTS (
            SELECT 1 FROM deal_event e
            WHERE e.deal_id = due.id AND e.action = 'EXPIRY_WARNED'
              AND e.data->>'protectionExpiresAt' = due.expires_at
              AND e.data->'threshold' <= to_jsonb(due.threshold)
          )
        ),
        events AS (
          INSERT INTO deal_event (deal_id, actor_user_id, action, note, data, at)
          SELECT id, NULL, 'EXPIRY_WARNED',
            CASE WHEN days_left = 1 THEN 'protection ends in 1 day' ELSE format('protection ends in %s days', days_left) END,
            jsonb_build_object('daysLeft', days_left, 'threshold', threshold, 'protectionExpiresAt', expires_at), ${at}::timestamptz
          FROM fresh
        )
        SELECT id::text AS id, partner_org_id::text AS "partnerOrgId", title, expires_at AS "expiresAt",
          threshold, days_left AS "daysLeft"
        FROM fresh ORDER BY id`;

      const notices: Notice[] = [
        ...lapsed.map((deal): Notice => ({
          partnerOrgId: deal.partnerOrgId,
          kind: "deal.protection-lapsed",
          title: `Protection lapsed: ${deal.title}`,
          body: `The protection of this deal registration ended on ${utcMinute(deal.expiresAt)}, so the deal is now expired. Register it again if you are still working on it.`,
          link: `/deals/${deal.id}`,
          data: { dealId: deal.id, protectionExpiresAt: deal.expiresAt },
          idempotencyKey: `deal-expired:${deal.id}:${deal.expiresAt}`,
          email: true,
        })),
        ...warned.map((deal): Notice => ({
          partnerOrgId: deal.partnerOrgId,
          kind: "deal.expiry-warning",
          title: `Protection ends in ${days(deal.daysLeft)}: ${deal.title}`,
          body: `The protection of this deal registration ends on ${utcMinute(deal.expiresAt)}. Close the deal or ask your channel manager for an extension before then.`,
          link: `/deals/${deal.id}`,
          data: { dealId: deal.id, daysLeft: deal.daysLeft, threshold: deal.threshold, protectionExpiresAt: deal.expiresAt },
          idempotencyKey: `deal-expiry-warning:${deal.id}:${deal.threshold}:${deal.expiresAt}`,
          email: true,
        })),
      ];
      const notified = await notifyMany(tx, notices, notifyOptions);

      const warnedByThreshold = Object.fromEntries(thresholds.map((t) => [String(t), warned.filter((d) => d.threshold === t).length]));
      return { lapsed: lapsed.length, warned: warnedByThreshold, notifications: notified.notifications, emails: notified.emails };
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
}

// Delivering the e-mail outbox over SMTP. Each mail is claimed with FOR UPDATE SKIP LOCKED and a
// lease (next_attempt_at), so two workers never send the same mail at once. A rejected mail is
// retried with back-off and given up (FAILED) on a permanent rejection or after MAX_EMAIL_ATTEMPTS;
// when the server cannot be reached the run stops and the mails wait. Without SMTP nothing is
// sent: the mails stay PENDING (the outbox is the record) and go out once SMTP_URL is set.
import type { PrismaClient } from "../db/generated/client.ts";
import { env } from "../env.ts";
import type { MailTransport } from "./mailer.ts";

export const MAX_EMAIL_ATTEMPTS = 5;
/** Longer than one send can take with the transport's timeouts, so a lease never runs out mid-send. */
const LEASE_MS = 10 * 60_000;
const MINUTE_MS = 60_000;

export type DeliveryOptions = {
  /** null when SMTP is not configured. */
  transport: MailTransport | null;
  /** The sender; defaults to MAIL_FROM. */
  from?: string;
  /** Most mails sent in this run. */
  batchSize?: number;
  now?: Date;
  maxAttempts?: number;
};

export type DeliveryResult = {
  smtpConfigured: boolean;
  sent: number;
  /** Rejected for now; tried again after a back-off. */
  retrying: number;
  /** Given up in this run. */
  failed: number;
  /** Still PENDING after the run (due later, or not sent because SMTP is missing or down). */
  pending: number;
  /** Why the run stopped before the batch was done (the SMTP server could not be reached). */
  stoppedBy?: string;
};

type ClaimedMail = { id: string; toAddress: string; subject: string; textBody: string; htmlBody: string | null; attempts: number };

type SmtpError = Error & { code?: string; responseCode?: number; permanent?: boolean };

/** Back-off after the n-th failed attempt: 1, 2, 4, 8… minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60 * MINUTE_MS, MINUTE_MS * 2 ** Math.max(0, attempts - 1));
}

/** True when the server answered about this message (rather than the connection failing). */
function isMessageRejection(error: SmtpError): boolean {
  return error.code === "EENVELOPE" || error.code === "EMESSAGE";
}

/** The domain of the sender address, for Message-IDs that stay the same when a mail is resent. */
function senderDomain(from: string): string {
  return /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? "channelwise.local";
}

async function claimNext(db: PrismaClient, now: Date): Promise<ClaimedMail | undefined> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const [mail] = await db.$queryRaw<ClaimedMail[]>`
    UPDATE email_outbox SET attempts = attempts + 1, next_attempt_at = ${leaseUntil}
    WHERE id = (
      SELECT id FROM email_outbox
      WHERE status = 'PENDING' AND (next_attempt_at IS NULL OR next_attempt_at <= ${now})
      ORDER BY created_at, id
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, to_address AS "toAddress", subject, text_body AS "textBody", html_body AS "htmlBody", attempts`;
  return mail;
}

export async function deliverOutbox(db: PrismaClient, options: DeliveryOptions): Promise<DeliveryResult> {
  const { transport, from = env().MAIL_FROM, batchSize = 50, now = new Date(), maxAttempts = MAX_EMAIL_ATTEMPTS } = options;
  const result: DeliveryResult = { smtpConfigured: transport !== null, sent: 0, retrying: 0, failed: 0, pending: 0 };
  const domain = senderDomain(from);

  while (transport && result.sent + result.retrying + result.failed < batchSize) {
    const mail = await claimNext(db, now);
    if (!mail) break;
    try {
      await transport.sendMail({
        from,
        to: mail.toAddress,
        subject: mail.subject,
        text: mail.textBody,
        ...(mail.htmlBody ? { html: mail.htmlBody } : {}),
        messageId: `<${mail.id}@${domain}>`,
      });
      await db.emailOutbox.update({
        where: { id: mail.id },
        data: { status: "SENT", sentAt: now, lastError: null, nextAttemptAt: null },
        select: { id: true },
      });
      result.sent++;
    } catch (thrown) {
      const error: SmtpError = thrown instanceof Error ? thrown : new Error(String(thrown));
      const rejected = isMessageRejection(error);
      // An unreachable server is not the mail's fault: it waits, however often that happens.
      const giveUp = rejected && (error.permanent === true || mail.attempts >= maxAttempts);
      await db.emailOutbox.update({
        where: { id: mail.id },
        data: giveUp
          ? { status: "FAILED", lastError: error.message, nextAttemptAt: null }
          : { lastError: error.message, nextAttemptAt: new Date(now.getTime() + retryDelayMs(mail.attempts)) },
        select: { id: true },
      });
      if (giveUp) result.failed++;
      else result.retrying++;
      if (!rejected) {
        result.stoppedBy = `SMTP server unavailable: ${error.message}`;
        break;
      }
    }
  }

  result.pending = await db.emailOutbox.count({ where: { status: "PENDING" } });
  return result;
}

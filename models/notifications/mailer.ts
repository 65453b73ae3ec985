// The SMTP connection for the outbox: a nodemailer transport built from SMTP_URL (smtp:// or
// smtps://, credentials in the URL), with timeouts short enough to fit inside a send lease.
import { createTransport } from "nodemailer";

export type OutgoingMail = { from: string; to: string; subject: string; text: string; html?: string; messageId?: string };

/** What the outbox needs from a transport (nodemailer's fits; so does a test double). */
export type MailTransport = { sendMail(mail: OutgoingMail): Promise<unknown>; close?(): void };

/** One pooled connection per run of the outbox; call `close()` when the run is over. */
export function createSmtpTransport(smtpUrl: string): MailTransport {
  return createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 1,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

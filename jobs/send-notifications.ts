// Handler of the `send-notifications` job (every minute): sends the e-mail outbox over SMTP_URL.
// Without SMTP_URL the mails stay in the outbox, which is their record, and the output says so.
import { z } from "zod";
import { env } from "../models/env.ts";
import { createSmtpTransport } from "../models/notifications/mailer.ts";
import { deliverOutbox } from "../models/notifications/outbox.ts";
import type { JobHandler } from "./handler.ts";
import { defineHandler } from "./handler.ts";

export const sendNotificationsPayload = z.strictObject({ batchSize: z.number().int().min(1).max(500).optional() });

let toldNoSmtp = false;

export const sendNotificationsHandler: JobHandler = defineHandler(sendNotificationsPayload, async ({ batchSize }, { db, log }) => {
  const { SMTP_URL, MAIL_FROM } = env();
  const transport = SMTP_URL ? createSmtpTransport(SMTP_URL) : null;
  try {
    const result = await deliverOutbox(db, { transport, from: MAIL_FROM, batchSize });
    if (result.stoppedBy) log(`send-notifications: ${result.stoppedBy}; ${result.pending} e-mails wait in the outbox`, "warn");
    if (!transport && !toldNoSmtp) {
      toldNoSmtp = true;
      log(`send-notifications: SMTP_URL is not set, so e-mails stay in the outbox (${result.pending} pending)`, "info");
    }
    return result;
  } finally {
    transport?.close?.();
  }
});

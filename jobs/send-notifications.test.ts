// The send-notifications handler end to end: SMTP_URL from the environment, the outbox sent to
// a real SMTP server in this process; an invalid payload is refused before anything is sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../models/db/client.ts";
import { notifyUsers } from "../models/notifications/notify.ts";
import { startTestSmtpServer, type TestSmtpServer } from "../models/notifications/smtp-test-server.ts";
import type { JobsLog } from "./handler.ts";
import { sendNotificationsHandler } from "./send-notifications.ts";

let smtp: TestSmtpServer;
const lines: string[] = [];
const log: JobsLog = (message) => void lines.push(message);

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  // Read by env() on the handler's first run (the environment is parsed once per process).
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Channelwise <no-reply@prm.example.com>";
});

afterAll(async () => {
  await smtp?.close();
});

describe("send-notifications", () => {
  it("sends the pending e-mails over SMTP_URL, once", async () => {
    const partner = await db.user.findUniqueOrThrow({ where: { email: "partner2@example.com" }, select: { id: true } });
    await notifyUsers(db, { userIds: [partner.id], kind: "test", title: "Job mail", body: "Sent by the job.", idempotencyKey: "job-mail", email: true });
    const context = { db, log, jobId: "test" };
    expect(await sendNotificationsHandler.run(null, context)).toEqual({ smtpConfigured: true, sent: 1, retrying: 0, failed: 0, pending: 0 });
    expect(await sendNotificationsHandler.run({ batchSize: 10 }, context)).toMatchObject({ sent: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual([["partner2@example.com"]]);
    expect(smtp.received[0].from).toBe("no-reply@prm.example.com");
  });

  it("refuses an invalid payload before sending anything", async () => {
    const before = smtp.received.length;
    await expect(async () => sendNotificationsHandler.run({ batchSize: 0 }, { db, log, jobId: "test" })).rejects.toThrow(/batchSize/);
    expect(smtp.received).toHaveLength(before);
  });
});

// Delivering the outbox to a real SMTP server in this process: mails arrive once with their
// recipients, subject and body; rejections and an unreachable server are recorded, never thrown;
// two deliveries at once never send the same mail; without SMTP the mails wait in the outbox.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { createSmtpTransport, type MailTransport } from "./mailer.ts";
import { notifyUsers } from "./notify.ts";
import { deliverOutbox, MAX_EMAIL_ATTEMPTS } from "./outbox.ts";
import { decodeQuotedPrintable, startTestSmtpServer, type TestSmtpServer } from "./smtp-test-server.ts";

const FROM = "Channelwise <no-reply@prm.example.com>";
const now = new Date("2026-05-01T10:00:00.000Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

let smtp: TestSmtpServer;
let transport: MailTransport;

async function queueMails(addresses: string[]) {
  await db.emailOutbox.createMany({
    data: addresses.map((to, i) => ({ toAddress: to, subject: `Mail ${i}`, textBody: `Body ${i}`, idempotencyKey: `test-mail-${to}-${i}`, createdAt: minutes(-60 + i) })),
  });
}

const outboxRow = (toAddress: string) =>
  db.emailOutbox.findFirstOrThrow({ where: { toAddress }, select: { status: true, attempts: true, lastError: true, sentAt: true, nextAttemptAt: true } });

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  transport = createSmtpTransport(smtp.url);
});

afterAll(async () => {
  transport?.close?.();
  await smtp?.close();
});

beforeEach(async () => {
  await db.emailOutbox.deleteMany();
  smtp.received.length = 0;
  for (const key of Object.keys(smtp.rejections)) delete smtp.rejections[key];
});

describe("deliverOutbox", () => {
  it("sends a notification's e-mail over SMTP once, with its recipient, subject and body", async () => {
    const partner = await db.user.findUniqueOrThrow({ where: { email: "partner@example.com" }, select: { id: true } });
    await notifyUsers(
      db,
      { userIds: [partner.id], kind: "deal.approved", title: "Deal approved: Acme ERP", body: "Your registration was approved.", link: "/deals/1", idempotencyKey: "test-approved", email: true },
      { appUrl: "https://prm.example.com" },
    );

    const result = await deliverOutbox(db, { transport, from: FROM, now });
    expect(result).toEqual({ smtpConfigured: true, sent: 1, retrying: 0, failed: 0, pending: 0 });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.from).toBe("no-reply@prm.example.com");
    expect(mail.to).toEqual(["partner@example.com"]);
    expect(mail.raw).toMatch(/^Subject: Deal approved: Acme ERP\r?$/m);
    const text = decodeQuotedPrintable(mail.raw);
    expect(text).toContain("Your registration was approved.");
    expect(text).toContain("https://prm.example.com/deals/1");
    expect(await outboxRow("partner@example.com")).toEqual({ status: "SENT", attempts: 1, lastError: null, sentAt: now, nextAttemptAt: null });

    expect(await deliverOutbox(db, { transport, from: FROM, now: minutes(5) })).toMatchObject({ sent: 0, pending: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it("leaves the mails in the outbox without SMTP, and says so", async () => {
    await queueMails(["a@example.com", "b@example.com"]);
    expect(await deliverOutbox(db, { transport: null, from: FROM, now })).toEqual({ smtpConfigured: false, sent: 0, retrying: 0, failed: 0, pending: 2 });
    expect(await outboxRow("a@example.com")).toMatchObject({ status: "PENDING", attempts: 0 });
  });

  it("sends at most a batch, oldest first", async () => {
    await queueMails(["1@example.com", "2@example.com", "3@example.com"]);
    expect(await deliverOutbox(db, { transport, from: FROM, now, batchSize: 2 })).toMatchObject({ sent: 2, pending: 1 });
    expect(smtp.received.map((m) => m.to[0])).toEqual(["1@example.com", "2@example.com"]);
  });

  it("retries a temporarily refused mail with back-off and gives up after the last attempt", async () => {
    smtp.rejections["busy"] = 451;
    await queueMails(["busy@example.com", "fine@example.com"]);
    expect(await deliverOutbox(db, { transport, from: FROM, now })).toMatchObject({ sent: 1, retrying: 1, failed: 0, pending: 1 });
    const first = await outboxRow("busy@example.com");
    expect(first).toMatchObject({ status: "PENDING", attempts: 1, sentAt: null, nextAttemptAt: minutes(1) });
    expect(first.lastError).toMatch(/451|not available/);

    // Not due again before the back-off is over.
    expect(await deliverOutbox(db, { transport, from: FROM, now: minutes(0.5) })).toMatchObject({ sent: 0, retrying: 0 });
    let at = 1;
    for (let attempt = 2; attempt <= MAX_EMAIL_ATTEMPTS; attempt++) {
      const result = await deliverOutbox(db, { transport, from: FROM, now: minutes(at) });
      expect(result, `attempt ${attempt}`).toMatchObject(attempt < MAX_EMAIL_ATTEMPTS ? { retrying: 1 } : { failed: 1, pending: 0 });
      at += 2 ** (attempt - 1);
    }
    expect(await outboxRow("busy@example.com")).toMatchObject({ status: "FAILED", attempts: MAX_EMAIL_ATTEMPTS, nextAttemptAt: null });
    expect(await deliverOutbox(db, { transport, from: FROM, now: minutes(24 * 60) })).toMatchObject({ sent: 0, failed: 0, retrying: 0 });
  });

  it("gives up at once on a permanent rejection", async () => {
    smtp.rejections["nobody"] = 550;
    await queueMails(["nobody@example.com"]);
    expect(await deliverOutbox(db, { transport, from: FROM, now })).toMatchObject({ sent: 0, failed: 1, pending: 0 });
    expect(await outboxRow("nobody@example.com")).toMatchObject({ status: "FAILED", attempts: 1, lastError: expect.stringMatching(/550|not available/) });
  });

  it("records the attempt and stops, without throwing, when the server cannot be reached", async () => {
    const closed = await startTestSmtpServer();
    await closed.close();
    const unreachable = createSmtpTransport(closed.url);
    await queueMails(["x@example.com", "y@example.com"]);
    try {
      const result = await deliverOutbox(db, { transport: unreachable, from: FROM, now });
      expect(result).toMatchObject({ sent: 0, retrying: 1, failed: 0, pending: 2, stoppedBy: expect.stringMatching(/SMTP server unavailable/) });
    } finally {
      unreachable.close?.();
    }
    expect(await outboxRow("x@example.com")).toMatchObject({ status: "PENDING", attempts: 1, nextAttemptAt: minutes(1), lastError: expect.any(String) });
    expect(await outboxRow("y@example.com")).toMatchObject({ status: "PENDING", attempts: 0, lastError: null });

    // Once the server is back, both go out.
    expect(await deliverOutbox(db, { transport, from: FROM, now: minutes(1) })).toMatchObject({ sent: 2, pending: 0 });
  });

  it("never sends the same mail twice when two deliveries run at once", async () => {
    const addresses = Array.from({ length: 12 }, (_, i) => `c${i}@example.com`);
    await queueMails(addresses);
    const other = createSmtpTransport(smtp.url);
    try {
      const [a, b] = await Promise.all([
        deliverOutbox(db, { transport, from: FROM, now }),
        deliverOutbox(db, { transport: other, from: FROM, now }),
      ]);
      expect(a.sent + b.sent).toBe(12);
    } finally {
      other.close?.();
    }
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual([...addresses].sort());
    expect(await db.emailOutbox.count({ where: { status: "SENT", attempts: 1 } })).toBe(12);
  });
});

// The daily digest: one outbox e-mail per lead and local day after 07:00 their time, listing the
// unread alerts since the previous digest; read alerts and other leads' alerts stay out; idempotent.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { createItem, createSource } from "./alert-fixtures.ts";
import { composeDigestEmail } from "./digest-email.ts";
import { localDayAndHour, sendAlertDigests } from "./digest.ts";

// lead@example.com is in Europe/Berlin, marco.bianchi@example.com in Europe/Rome (both UTC+1 in March).
const morning = new Date("2026-03-02T06:30:00Z"); // 07:30 in Berlin and Rome
let lead: { id: string; email: string };
let leadSouth: { id: string; email: string };

async function alertFor(userId: string, title: string, over: { createdAt: Date; readAt?: Date; severity?: "LOW" | "MEDIUM" | "HIGH"; url?: string }) {
  const sourceId = await createSource(db);
  const itemId = await createItem(db, sourceId, { title, url: over.url, deadline: new Date("2026-03-10T00:00:00Z") });
  await db.alert.create({
    data: { itemId, userId, regionCode: "DACH", relevance: 0.5, severity: over.severity ?? "MEDIUM", reasons: [`Reason for ${title}`], createdAt: over.createdAt, readAt: over.readAt ?? null },
    select: { id: true },
  });
}

const digestMails = (email: string) => db.emailOutbox.findMany({ where: { toAddress: email, idempotencyKey: { startsWith: "alert-digest:" } }, select: { subject: true, textBody: true, htmlBody: true }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  [lead, leadSouth] = await Promise.all(["lead@example.com", "marco.bianchi@example.com"].map((email) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true } })));
  await alertFor(lead.id, "Tender in Munich", { createdAt: new Date("2026-03-01T10:00:00Z"), severity: "HIGH", url: "https://tenders.example.com/m-1" });
  await alertFor(lead.id, "Odoo news", { createdAt: new Date("2026-03-01T20:00:00Z") });
  await alertFor(lead.id, "Already read", { createdAt: new Date("2026-03-01T11:00:00Z"), readAt: new Date("2026-03-01T12:00:00Z") });
  await alertFor(lead.id, "Too old", { createdAt: new Date("2026-02-20T11:00:00Z") });
  await alertFor(lead.id, "Bad link", { createdAt: new Date("2026-03-01T21:00:00Z"), url: "javascript:alert(1)" });
});

describe("sendAlertDigests", () => {
  it("waits for 07:00 in each lead's time zone", async () => {
    const result = await sendAlertDigests(db, { now: new Date("2026-03-02T05:30:00Z"), appUrl: "https://cw.example.com" });
    expect(result).toMatchObject({ sent: 0, notYet: result.leads });
    expect(await digestMails(lead.email)).toEqual([]);
  });

  it("mails each lead the unread alerts of the last day, once", async () => {
    const result = await sendAlertDigests(db, { now: morning, appUrl: "https://cw.example.com" });
    expect(result).toMatchObject({ sent: 1, empty: 1 });
    const [mail, ...more] = await digestMails(lead.email);
    expect(more).toEqual([]);
    expect(mail.subject).toBe("Channelwise: 3 new market alerts (1 high) — 2026-03-02");
    expect(mail.textBody.indexOf("[HIGH] Tender in Munich")).toBeGreaterThan(-1);
    expect(mail.textBody.indexOf("[HIGH] Tender in Munich")).toBeLessThan(mail.textBody.indexOf("[MEDIUM] Odoo news"));
    expect(mail.textBody).toContain("  - Reason for Tender in Munich");
    expect(mail.textBody).toContain("https://tenders.example.com/m-1");
    expect(mail.textBody).toContain("Open your alerts: https://cw.example.com/alerts");
    expect(mail.textBody).not.toContain("Already read");
    expect(mail.textBody).not.toContain("Too old");
    expect(mail.textBody).not.toContain("javascript:");
    expect(mail.htmlBody).not.toContain("javascript:");
    expect(await digestMails(leadSouth.email)).toEqual([]);

    const again = await sendAlertDigests(db, { now: new Date(morning.getTime() + 3 * 3_600_000), appUrl: "https://cw.example.com" });
    expect(again).toMatchObject({ sent: 0, alreadyDone: again.leads });
    expect(await digestMails(lead.email)).toHaveLength(1);
  });

  it("starts the next day's digest where the last one ended", async () => {
    await alertFor(lead.id, "Overnight tender", { createdAt: new Date("2026-03-02T22:00:00Z") });
    const result = await sendAlertDigests(db, { now: new Date("2026-03-03T06:05:00Z"), appUrl: null });
    expect(result.sent).toBe(1);
    const mails = await digestMails(lead.email);
    expect(mails).toHaveLength(2);
    expect(mails[1].subject).toBe("Channelwise: 1 new market alert — 2026-03-03");
    expect(mails[1].textBody).toContain("Overnight tender");
    expect(mails[1].textBody).not.toContain("Tender in Munich");
    expect(mails[1].textBody).not.toContain("Open your alerts");
  });
});

describe("digest helpers", () => {
  it("reads the local day and hour, falling back to UTC for an unknown zone", () => {
    expect(localDayAndHour(new Date("2026-03-01T23:30:00Z"), "Asia/Tokyo")).toEqual({ day: "2026-03-02", hour: 8 });
    expect(localDayAndHour(new Date("2026-03-01T23:30:00Z"), "Mars/Olympus")).toEqual({ day: "2026-03-01", hour: 23 });
  });

  it("escapes titles in the HTML and counts what it leaves out", () => {
    const mail = composeDigestEmail({ leadName: "L", date: "2026-03-02", alerts: [{ title: "<b>x</b>", severity: "LOW", reasons: [], url: null, deadline: null }], more: 2, inboxUrl: null });
    expect(mail.subject).toBe("Channelwise: 3 new market alerts — 2026-03-02");
    expect(mail.html).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(mail.text).toContain("…and 2 more in the portal.");
  });
});

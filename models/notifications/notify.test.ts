// notifyUsers against the demo database: one notification (and e-mail) per active recipient,
// nothing twice for the same key, and an organization's notice reaches only its own users.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { notifyMany, notifyUsers } from "./notify.ts";

let partner: { id: string; email: string; partnerOrgId: string };
let partner2: { id: string; partnerOrgId: string };
let disabledColleague: { id: string };

const keyed = (key: string) => ({ idempotencyKey: { startsWith: `${key}:` } });

beforeAll(async () => {
  const p = await db.user.findUniqueOrThrow({ where: { email: "partner@example.com" }, select: { id: true, email: true, partnerOrgId: true } });
  const p2 = await db.user.findUniqueOrThrow({ where: { email: "partner2@example.com" }, select: { id: true, partnerOrgId: true } });
  partner = { ...p, partnerOrgId: p.partnerOrgId! };
  partner2 = { ...p2, partnerOrgId: p2.partnerOrgId! };
  disabledColleague = await db.user.create({
    data: { email: "gone@example.com", name: "Gone", role: "PARTNER", partnerOrgId: partner.partnerOrgId, passwordHash: "x", disabledAt: new Date() },
    select: { id: true },
  });
});

describe("notifyUsers", () => {
  it("creates one notification and one pending e-mail per user, and nothing more for the same key", async () => {
    const notice = {
      userIds: [partner.id, partner2.id],
      kind: "test.hello",
      title: "Hello",
      body: "Something happened.",
      link: "/deals",
      data: { n: 1 },
      idempotencyKey: "test-hello",
      email: true,
    };
    expect(await notifyUsers(db, notice, { appUrl: "https://prm.example.com" })).toEqual({ recipients: 2, notifications: 2, emails: 2 });
    expect(await notifyUsers(db, notice, { appUrl: "https://prm.example.com" })).toEqual({ recipients: 2, notifications: 0, emails: 0 });

    const rows = await db.notification.findMany({ where: keyed("test-hello"), select: { userId: true, kind: true, title: true, body: true, link: true, data: true, readAt: true } });
    expect(rows.map((r) => r.userId).sort()).toEqual([partner.id, partner2.id].sort());
    expect(rows[0]).toMatchObject({ kind: "test.hello", title: "Hello", body: "Something happened.", link: "/deals", data: { n: 1 }, readAt: null });
    const mail = await db.emailOutbox.findUniqueOrThrow({ where: { idempotencyKey: `test-hello:${partner.id}` }, select: { toAddress: true, subject: true, textBody: true, status: true } });
    expect(mail).toMatchObject({ toAddress: partner.email, subject: "Hello", status: "PENDING" });
    expect(mail.textBody).toContain("https://prm.example.com/deals");
    expect(await db.emailOutbox.count({ where: keyed("test-hello") })).toBe(2);
  });

  it("reaches every active user of an organization and no one else", async () => {
    const result = await notifyUsers(db, { partnerOrgId: partner.partnerOrgId, kind: "test.org", title: "For the org", idempotencyKey: "test-org", email: false });
    const active = await db.user.findMany({ where: { partnerOrgId: partner.partnerOrgId, disabledAt: null }, select: { id: true } });
    expect(result).toEqual({ recipients: active.length, notifications: active.length, emails: 0 });
    const recipients = (await db.notification.findMany({ where: keyed("test-org"), select: { userId: true } })).map((r) => r.userId).sort();
    expect(recipients).toEqual(active.map((u) => u.id).sort());
    expect(recipients).not.toContain(disabledColleague.id);
    expect(recipients).not.toContain(partner2.id);
    expect(await db.emailOutbox.count({ where: keyed("test-org") })).toBe(0);
  });

  it("skips disabled users named directly, and does nothing without recipients", async () => {
    expect(await notifyUsers(db, { userIds: [disabledColleague.id], kind: "k", title: "t", idempotencyKey: "test-disabled", email: true })).toEqual({ recipients: 0, notifications: 0, emails: 0 });
    expect(await notifyUsers(db, { userIds: [], kind: "k", title: "t", idempotencyKey: "test-none", email: true })).toEqual({ recipients: 0, notifications: 0, emails: 0 });
  });

  it("notifies many notices at once, each with its own key", async () => {
    const result = await notifyMany(db, [
      { userIds: [partner.id], kind: "k", title: "One", idempotencyKey: "test-many-1", email: true },
      { userIds: [partner.id], kind: "k", title: "Two", idempotencyKey: "test-many-2", email: false },
      { partnerOrgId: partner2.partnerOrgId, kind: "k", title: "Three", idempotencyKey: "test-many-3", email: false },
    ]);
    const org2Users = await db.user.count({ where: { partnerOrgId: partner2.partnerOrgId, disabledAt: null } });
    expect(result).toEqual({ recipients: 2 + org2Users, notifications: 2 + org2Users, emails: 1 });
  });
});

// expireDeals with a controlled clock (in the year 2000, away from the demo's own deals): lapses
// exactly the due approved deals, warns once at 14 and once at 3 days, changes nothing on a
// rerun or a concurrent run, warns again after an extension, and tells the partner's users.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import type { DealStatus } from "../db/generated/enums.ts";
import { expireDeals } from "./expiry.ts";

const T0 = new Date("2000-03-01T12:00:00.000Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(T0.getTime() + ms);

let orgId: string;
let otherOrgId: string;
let customerId: string;
let activeUserIds: string[];

async function deal(title: string, status: DealStatus, protectionExpiresAt: Date | null): Promise<string> {
  const created = await db.deal.create({
    data: { partnerOrgId: orgId, customerId, title, amount: 1_000_000n, currency: "EUR", expectedCloseDate: at(60 * DAY), status, protectionExpiresAt, submittedAt: at(-100 * DAY) },
    select: { id: true },
  });
  return created.id;
}

const eventsOf = (dealId: string, action: string) =>
  db.dealEvent.findMany({ where: { dealId, action }, select: { actorUserId: true, note: true, data: true, at: true }, orderBy: { id: "asc" } });

const statusOf = async (id: string) => (await db.deal.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

/** Everything expireDeals writes, to compare before and after a rerun. */
async function snapshot() {
  const [deals, events, audit, notifications, emails] = await Promise.all([
    db.deal.findMany({ where: { partnerOrgId: orgId }, select: { id: true, status: true, updatedAt: true }, orderBy: { id: "asc" } }),
    db.dealEvent.count(),
    db.auditLog.count(),
    db.notification.count(),
    db.emailOutbox.count(),
  ]);
  return { deals, events, audit, notifications, emails };
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  const partner = await db.user.findUniqueOrThrow({ where: { email: "partner@example.com" }, select: { partnerOrgId: true } });
  const partner2 = await db.user.findUniqueOrThrow({ where: { email: "partner2@example.com" }, select: { partnerOrgId: true } });
  orgId = partner.partnerOrgId!;
  otherOrgId = partner2.partnerOrgId!;
  await db.user.create({ data: { email: "left.the.company@example.com", name: "Left", role: "PARTNER", partnerOrgId: orgId, passwordHash: "x", disabledAt: T0 } });
  activeUserIds = (await db.user.findMany({ where: { partnerOrgId: orgId, disabledAt: null }, select: { id: true } })).map((u) => u.id);
  customerId = (await db.customer.create({ data: { name: "Expiry Test AG", normalizedName: "expiry test", country: "DE" }, select: { id: true } })).id;

  ids.lapsedAnHourAgo = await deal("Lapsed an hour ago", "APPROVED", at(-HOUR));
  ids.lapsesExactlyNow = await deal("Lapses exactly now", "APPROVED", T0);
  ids.endsInAnHour = await deal("Ends in an hour", "APPROVED", at(HOUR));
  ids.endsInTenDays = await deal("Ends in ten days", "APPROVED", at(10 * DAY));
  ids.endsInTwentyDays = await deal("Ends in twenty days", "APPROVED", at(20 * DAY));
  ids.submitted = await deal("Still submitted", "SUBMITTED", at(-DAY));
  ids.won = await deal("Already won", "WON", at(-DAY));
});

describe("expireDeals", () => {
  it("lapses exactly the approved deals whose protection has ended, and warns the ones about to", async () => {
    const result = await expireDeals(db, { now: T0, appUrl: "https://prm.example.com" });
    const users = activeUserIds.length;
    expect(result).toEqual({ lapsed: 2, warned: { "3": 1, "14": 1 }, notifications: 4 * users, emails: 4 * users });

    expect(await statusOf(ids.lapsedAnHourAgo)).toBe("EXPIRED");
    expect(await statusOf(ids.lapsesExactlyNow)).toBe("EXPIRED");
    for (const key of ["endsInAnHour", "endsInTenDays", "endsInTwentyDays"]) expect(await statusOf(ids[key]), key).toBe("APPROVED");
    expect(await statusOf(ids.submitted)).toBe("SUBMITTED");
    expect(await statusOf(ids.won)).toBe("WON");

    expect(await eventsOf(ids.lapsedAnHourAgo, "EXPIRED")).toEqual([
      { actorUserId: null, note: "protection lapsed", data: { from: "APPROVED", to: "EXPIRED", protectionExpiresAt: at(-HOUR).toISOString() }, at: T0 },
    ]);
    const audit = await db.auditLog.findMany({ where: { action: "deal.expire", entityId: { in: [ids.lapsedAnHourAgo, ids.lapsesExactlyNow] } }, select: { actorUserId: true, entityType: true, partnerOrgId: true, at: true } });
    expect(audit).toEqual([0, 1].map(() => ({ actorUserId: null, entityType: "Deal", partnerOrgId: orgId, at: T0 })));

    // First seen an hour before it ends: only the nearest (3-day) warning, not the 14-day one too.
    expect(await eventsOf(ids.endsInAnHour, "EXPIRY_WARNED")).toEqual([
      { actorUserId: null, note: "protection ends in 1 day", data: { daysLeft: 1, threshold: 3, protectionExpiresAt: at(HOUR).toISOString() }, at: T0 },
    ]);
    expect((await eventsOf(ids.endsInTenDays, "EXPIRY_WARNED")).map((e) => e.data)).toEqual([{ daysLeft: 10, threshold: 14, protectionExpiresAt: at(10 * DAY).toISOString() }]);
    expect(await eventsOf(ids.endsInTwentyDays, "EXPIRY_WARNED")).toEqual([]);
  });

  it("tells every active user of the partner, in the app and by e-mail, and no other partner", async () => {
    const titles = await db.notification.findMany({ where: { data: { path: ["dealId"], equals: ids.lapsedAnHourAgo } }, select: { userId: true, kind: true, title: true, link: true } });
    expect(titles.map((n) => n.userId).sort()).toEqual([...activeUserIds].sort());
    expect(titles[0]).toMatchObject({ kind: "deal.protection-lapsed", title: "Protection lapsed: Lapsed an hour ago", link: `/deals/${ids.lapsedAnHourAgo}` });
    const warning = await db.notification.findFirstOrThrow({ where: { data: { path: ["dealId"], equals: ids.endsInTenDays } }, select: { kind: true, title: true } });
    expect(warning).toEqual({ kind: "deal.expiry-warning", title: "Protection ends in 10 days: Ends in ten days" });
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { subject: "Protection lapsed: Lapsed an hour ago" }, select: { textBody: true, status: true } });
    expect(mail.status).toBe("PENDING");
    expect(mail.textBody).toContain(`https://prm.example.com/deals/${ids.lapsedAnHourAgo}`);
    const otherOrgUsers = await db.user.findMany({ where: { partnerOrgId: otherOrgId }, select: { id: true } });
    expect(await db.notification.count({ where: { userId: { in: otherOrgUsers.map((u) => u.id) } } })).toBe(0);
  });

  it("changes nothing when run again", async () => {
    const before = await snapshot();
    expect(await expireDeals(db, { now: T0 })).toEqual({ lapsed: 0, warned: { "3": 0, "14": 0 }, notifications: 0, emails: 0 });
    expect(await expireDeals(db, { now: at(30 * 60_000) })).toEqual({ lapsed: 0, warned: { "3": 0, "14": 0 }, notifications: 0, emails: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it("warns once at 14 days and once at 3 days as time passes, then lapses", async () => {
    const id = ids.endsInTwentyDays;
    const runAt = async (ms: number) => expireDeals(db, { now: at(ms) });
    expect((await runAt(6 * DAY - HOUR)).warned).toEqual({ "3": 0, "14": 0 });
    expect((await runAt(6 * DAY + HOUR)).warned).toEqual({ "3": 0, "14": 1 });
    expect((await runAt(6 * DAY + 2 * HOUR)).warned).toEqual({ "3": 0, "14": 0 });
    expect((await runAt(17 * DAY + HOUR)).warned).toEqual({ "3": 1, "14": 0 });
    expect((await runAt(17 * DAY + 2 * HOUR)).warned).toEqual({ "3": 0, "14": 0 });
    const warnings = await eventsOf(id, "EXPIRY_WARNED");
    expect(warnings.map((e) => e.data)).toEqual([
      { daysLeft: 14, threshold: 14, protectionExpiresAt: at(20 * DAY).toISOString() },
      { daysLeft: 3, threshold: 3, protectionExpiresAt: at(20 * DAY).toISOString() },
    ]);
    expect(await db.notification.count({ where: { data: { path: ["dealId"], equals: id } } })).toBe(2 * activeUserIds.length);
    expect((await runAt(20 * DAY)).lapsed).toBeGreaterThanOrEqual(1);
    expect(await statusOf(id)).toBe("EXPIRED");
  });

  it("warns again once an extended protection comes close to its new end", async () => {
    const id = await deal("Extended", "APPROVED", at(40 * DAY));
    expect((await expireDeals(db, { now: at(30 * DAY) })).warned).toEqual({ "3": 0, "14": 1 });
    await db.deal.update({ where: { id }, data: { protectionExpiresAt: at(70 * DAY) }, select: { id: true } });
    expect((await expireDeals(db, { now: at(31 * DAY) })).warned).toEqual({ "3": 0, "14": 0 });
    expect((await expireDeals(db, { now: at(56 * DAY + HOUR) })).warned).toEqual({ "3": 0, "14": 1 });
    expect((await eventsOf(id, "EXPIRY_WARNED")).map((e) => (e.data as { protectionExpiresAt: string }).protectionExpiresAt)).toEqual([
      at(40 * DAY).toISOString(),
      at(70 * DAY).toISOString(),
    ]);
  });

  it("closes a waiting extension request when the protection lapses", async () => {
    const id = await deal("Asked for more time", "APPROVED", at(80 * DAY));
    await db.deal.update({ where: { id }, data: { extensionRequestedAt: at(79 * DAY), extensionReason: "Customer board meets next month" }, select: { id: true } });
    await expireDeals(db, { now: at(81 * DAY) });
    expect(await db.deal.findUniqueOrThrow({ where: { id }, select: { status: true, extensionRequestedAt: true, extensionReason: true } })).toEqual({
      status: "EXPIRED",
      extensionRequestedAt: null,
      extensionReason: null,
    });
  });

  it("lapses a deal once when two runs overlap", async () => {
    await expireDeals(db, { now: at(99 * DAY) });
    const id = await deal("Raced", "APPROVED", at(100 * DAY));
    const [a, b] = await Promise.all([expireDeals(db, { now: at(101 * DAY) }), expireDeals(db, { now: at(101 * DAY) })]);
    expect(a.lapsed + b.lapsed).toBe(1);
    expect(await eventsOf(id, "EXPIRED")).toHaveLength(1);
    expect(await db.notification.count({ where: { data: { path: ["dealId"], equals: id } } })).toBe(activeUserIds.length);
  });
});

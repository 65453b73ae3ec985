// Deal notifications: a registration tells the organization's channel manager, a decision tells
// the partner organization's users, and replaying the same event notifies nobody twice.
import { beforeAll, describe, expect, it } from "vitest";
import { demoUser } from "../../test/routes.ts";
import type { SessionUser } from "../auth/users.ts";
import { db } from "../db/client.ts";
import { dealEventNotice, notifyDealEvent } from "./deal-notifications.ts";
import type { DealEventRecord } from "./deal-record.ts";
import { registerDeal } from "./registration.ts";
import { approveDeal } from "./review.ts";

let partner: SessionUser;
let manager: SessionUser;
let sku: string;

beforeAll(async () => {
  partner = await demoUser("partner@example.com");
  manager = await demoUser("manager@example.com");
  sku = (await db.product.findFirstOrThrow({ where: { active: true }, select: { sku: true }, orderBy: { sku: "asc" } })).sku;
});

const registration = (name: string) => ({
  customer: { name, country: "DE" },
  title: `Deal at ${name}`,
  value: { amount: 900_000, currency: "EUR" },
  productSkus: [sku],
  expectedCloseDate: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
});

describe("notifyDealEvent", () => {
  it("tells the channel manager about a registration and the partner organization about the approval", async () => {
    const events: DealEventRecord[] = [];
    const options = { onEvent: async (tx: Parameters<typeof notifyDealEvent>[0], e: DealEventRecord) => { events.push(e); await notifyDealEvent(tx, e); } };
    const { dealId } = await registerDeal(db, partner, registration("Merkelbach Hydraulik"), options);
    const org = await db.partnerOrg.findUniqueOrThrow({ where: { id: partner.partnerOrgId! }, select: { channelManagerId: true } });
    const submitted = await db.notification.findMany({ where: { kind: "deal.submitted", link: `/deals/${dealId}` }, select: { userId: true, title: true } });
    const expectedManagers = org.channelManagerId
      ? [org.channelManagerId]
      : (await db.user.findMany({ where: { role: "CHANNEL_MANAGER", disabledAt: null }, select: { id: true } })).map((u) => u.id);
    expect(submitted.map((n) => n.userId).sort()).toEqual(expectedManagers.sort());
    expect(submitted[0]!.title).toContain("Merkelbach Hydraulik");

    await approveDeal(db, manager, dealId, { note: "Welcome" }, options);
    const approved = await db.notification.findMany({ where: { kind: "deal.approved", link: `/deals/${dealId}` }, select: { userId: true, body: true } });
    const orgUsers = await db.user.findMany({ where: { partnerOrgId: partner.partnerOrgId!, disabledAt: null }, select: { id: true } });
    expect(approved.map((n) => n.userId).sort()).toEqual(orgUsers.map((u) => u.id).sort());
    expect(approved[0]!.body).toBe("Welcome");

    // A retried hook (same event id) adds nothing.
    const before = await db.notification.count();
    await db.$transaction(async (tx) => {
      for (const e of events) await notifyDealEvent(tx, e);
    });
    expect(await db.notification.count()).toBe(before);
  });

  it("tells nobody about a warning-only event", async () => {
    const event: DealEventRecord = { eventId: "1", dealId: "00000000-0000-4000-8000-000000000000", partnerOrgId: partner.partnerOrgId!, action: "EXPIRED", from: "APPROVED", to: "EXPIRED", actorUserId: null, note: null, at: new Date() };
    expect(await db.$transaction((tx) => dealEventNotice(tx, event))).toBeNull();
  });
});

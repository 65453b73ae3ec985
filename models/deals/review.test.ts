// Decisions on the demo database: approve, reject (reason required), bulk approve, close,
// extension requests and decisions, each with its DealEvent and audit entry; a refused
// transition (409) changes nothing; tenants and roles; the review queue by SLA.
import { beforeAll, describe, expect, it } from "vitest";
import { demoUser } from "../../test/routes.ts";
import type { SessionUser } from "../auth/users.ts";
import { db } from "../db/client.ts";
import { registerDeal } from "./registration.ts";
import { approveDeal, bulkApproveDeals, closeDeal, decideExtension, pendingExtensionRequests, rejectDeal, requestExtension, reviewQueue } from "./review.ts";
import { updateDealSettings } from "./settings.ts";
import { DealForbiddenError, DealNotFoundError, DealTransitionError, DealValidationError } from "./transitions.ts";

let partner: SessionUser;
let partner2: SessionUser;
let manager: SessionUser;
let lead: SessionUser;
let sku: string;
let counter = 0;

const DAY = 86_400_000;
const inAMonth = () => new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10);
const LETTERS = "bcdfghjklmnpqrstvwz";

/** A submitted deal of `user`'s organization for a customer nobody else registers. */
async function submitted(user: SessionUser = partner, now?: Date): Promise<string> {
  counter++;
  const name = `Rev${LETTERS[counter % 19]}${LETTERS[Math.floor(counter / 19) % 19]}ox Quarz${LETTERS[(counter * 7) % 19]}in AG`;
  const result = await registerDeal(db, user, {
    customer: { name, country: "CH" },
    title: "Review test",
    value: { amount: 1_000_000, currency: "CHF" },
    productSkus: [sku],
    expectedCloseDate: inAMonth(),
  }, { now });
  return result.dealId;
}

async function approved(user: SessionUser = partner): Promise<string> {
  const id = await submitted(user);
  await approveDeal(db, manager, id);
  return id;
}

/** Everything a refused transition must leave alone. */
async function snapshot(id: string) {
  return {
    deal: await db.deal.findUniqueOrThrow({ where: { id } }),
    events: await db.dealEvent.count({ where: { dealId: id } }),
    audit: await db.auditLog.count({ where: { entityId: id } }),
  };
}

async function expectRefused(id: string, attempt: () => Promise<unknown>, error: new (...args: never[]) => Error = DealTransitionError) {
  const before = await snapshot(id);
  await expect(attempt()).rejects.toBeInstanceOf(error);
  expect(await snapshot(id)).toEqual(before);
}

beforeAll(async () => {
  partner = await demoUser("partner@example.com");
  partner2 = await demoUser("partner2@example.com");
  manager = await demoUser("manager@example.com");
  lead = await demoUser("lead@example.com");
  sku = (await db.product.findFirstOrThrow({ where: { active: true }, select: { sku: true }, orderBy: { sku: "desc" } })).sku;
  await updateDealSettings(db, manager, { protectionDays: 90, extensionDays: 30, reviewSlaHours: 48 });
});

describe("approveDeal and rejectDeal", () => {
  it("approves a submitted deal with protection, an event and an audit entry", async () => {
    const id = await submitted();
    const now = new Date("2030-01-01T12:00:00.000Z");
    const { deal, events } = await approveDeal(db, manager, id, { note: "Looks good" }, { now });
    expect(deal).toMatchObject({ status: "APPROVED", decidedById: manager.id, decidedAt: now.toISOString(), protectionExpiresAt: new Date(now.getTime() + 90 * DAY).toISOString() });
    expect(events.map((e) => [e.action, e.from, e.to, e.note])).toEqual([["APPROVED", "SUBMITTED", "APPROVED", "Looks good"]]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: id, action: "deal.approve" }, select: { actorUserId: true } });
    expect(audit.actorUserId).toBe(manager.id);
  });

  it("rejects with a required reason", async () => {
    const id = await submitted();
    await expectRefused(id, () => rejectDeal(db, manager, id, { reason: " " }), DealValidationError);
    await expectRefused(id, () => rejectDeal(db, manager, id, {} as { reason: string }), DealValidationError);
    const { deal, events } = await rejectDeal(db, manager, id, { reason: "Outside your territory" });
    expect(deal).toMatchObject({ status: "REJECTED", rejectionReason: "Outside your territory", protectionExpiresAt: null });
    expect(events[0]).toMatchObject({ action: "REJECTED", note: "Outside your territory" });
  });

  it("refuses to decide twice (409) and changes nothing", async () => {
    const id = await approved();
    await expectRefused(id, () => approveDeal(db, manager, id));
    await expectRefused(id, () => rejectDeal(db, manager, id, { reason: "Changed my mind" }));
    const rejected = await submitted();
    await rejectDeal(db, manager, rejected, { reason: "No budget" });
    await expectRefused(rejected, () => approveDeal(db, manager, rejected));
  });

  it("lets only managers and admins decide; a missing deal is 404", async () => {
    const id = await submitted();
    await expectRefused(id, () => approveDeal(db, partner, id), DealForbiddenError);
    await expectRefused(id, () => rejectDeal(db, lead, id, { reason: "nope" }), DealForbiddenError);
    await expect(approveDeal(db, manager, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(DealNotFoundError);
    await expect(approveDeal(db, manager, "not-a-uuid")).rejects.toMatchObject({ status: 404 });
    const admin = await demoUser("admin@example.com");
    expect((await approveDeal(db, admin, id)).deal.status).toBe("APPROVED");
  });
});

describe("bulkApproveDeals", () => {
  it("approves submitted deals without conflicts and reports the others", async () => {
    const clean = await submitted();
    const alsoClean = await submitted(partner2);
    const done = await approved();
    const first = await submitted();
    const customer = await db.deal.findUniqueOrThrow({ where: { id: first }, select: { customer: { select: { name: true } } } });
    const conflicting = (await registerDeal(db, partner2, {
      customer: { name: customer.customer.name, country: "CH" }, title: "Same", value: { amount: 1, currency: "CHF" }, productSkus: [sku], expectedCloseDate: inAMonth(),
    })).dealId;
    const missing = "00000000-0000-4000-8000-000000000001";

    const result = await bulkApproveDeals(db, manager, [clean, alsoClean, done, conflicting, missing, clean]);
    expect(result.approved.map((d) => d.id).sort()).toEqual([clean, alsoClean].sort());
    expect(result.approved.every((d) => d.status === "APPROVED")).toBe(true);
    expect(result.skipped).toEqual([
      { dealId: done, reason: "not_submitted" },
      { dealId: conflicting, reason: "has_conflicts" },
      { dealId: missing, reason: "not_found" },
    ]);
    expect(result.events.map((e) => e.action)).toEqual(["APPROVED", "APPROVED"]);
    expect((await db.deal.findUniqueOrThrow({ where: { id: conflicting }, select: { status: true } })).status).toBe("SUBMITTED");
    await expect(bulkApproveDeals(db, partner, [clean])).rejects.toBeInstanceOf(DealForbiddenError);
  });
});

describe("closeDeal", () => {
  it("closes an approved deal as won with its final value, or lost", async () => {
    const won = await approved();
    const result = await closeDeal(db, partner, won, { outcome: "WON", value: { amount: 1_250_000, currency: "CHF" } });
    expect(result.deal).toMatchObject({ status: "WON", stage: "CLOSED", closedValue: { amount: 1_250_000, currency: "CHF" } });
    expect(result.events[0]).toMatchObject({ action: "WON", from: "APPROVED", to: "WON" });
    const lost = await approved();
    expect((await closeDeal(db, manager, lost, { outcome: "LOST" })).deal).toMatchObject({ status: "LOST", closedValue: null });
    const wonAtRegisteredValue = await approved();
    expect((await closeDeal(db, partner, wonAtRegisteredValue, { outcome: "WON" })).deal.closedValue).toEqual({ amount: 1_000_000, currency: "CHF" });
  });

  it("refuses closing what is not approved, in another currency, or with a bad outcome", async () => {
    const open = await submitted();
    await expectRefused(open, () => closeDeal(db, partner, open, { outcome: "WON" }));
    const id = await approved();
    await expectRefused(id, () => closeDeal(db, partner, id, { outcome: "WON", value: { amount: 5, currency: "EUR" } }), DealValidationError);
    await expectRefused(id, () => closeDeal(db, partner, id, { outcome: "DRAW" as "WON" }), DealValidationError);
    await closeDeal(db, partner, id, { outcome: "LOST" });
    await expectRefused(id, () => closeDeal(db, partner, id, { outcome: "WON" }));
  });

  it("treats another organization's deal as not found", async () => {
    const id = await approved();
    await expectRefused(id, () => closeDeal(db, partner2, id, { outcome: "WON" }), DealNotFoundError);
    await expectRefused(id, () => requestExtension(db, partner2, id, { reason: "Need more time" }), DealNotFoundError);
    await expectRefused(id, () => closeDeal(db, lead, id, { outcome: "WON" }), DealForbiddenError);
  });
});

describe("extension requests", () => {
  it("the partner asks once; the manager approves and the protection grows", async () => {
    const id = await approved();
    const before = (await db.deal.findUniqueOrThrow({ where: { id }, select: { protectionExpiresAt: true } })).protectionExpiresAt!;
    const asked = await requestExtension(db, partner, id, { reason: "Board meets next quarter" });
    expect(asked.deal.extensionRequest).toEqual({ requestedAt: expect.any(String), reason: "Board meets next quarter" });
    expect(asked.events[0]).toMatchObject({ action: "EXTENSION_REQUESTED", note: "Board meets next quarter", actorUserId: partner.id });
    await expectRefused(id, () => requestExtension(db, partner, id, { reason: "Again" }));
    expect((await pendingExtensionRequests(db, manager)).map((r) => r.dealId)).toContain(id);

    const decided = await decideExtension(db, manager, id, { approve: true, note: "OK", days: 45 });
    expect(decided.deal.extensionRequest).toBeNull();
    expect(decided.deal.protectionExpiresAt).toBe(new Date(before.getTime() + 45 * DAY).toISOString());
    expect(decided.events[0]).toMatchObject({ action: "EXTENSION_APPROVED", note: "OK" });
    await expectRefused(id, () => decideExtension(db, manager, id, { approve: true }));
    expect((await pendingExtensionRequests(db, manager)).map((r) => r.dealId)).not.toContain(id);
  });

  it("the manager refuses; the protection stays; the default length comes from the settings", async () => {
    const id = await approved();
    const before = await db.deal.findUniqueOrThrow({ where: { id }, select: { protectionExpiresAt: true } });
    await requestExtension(db, partner, id, { reason: "Slipped" });
    const refused = await decideExtension(db, manager, id, { approve: false, note: "Protection is long enough" });
    expect(refused.deal.protectionExpiresAt).toBe(before.protectionExpiresAt!.toISOString());
    expect(refused.events[0].action).toBe("EXTENSION_REFUSED");
    await requestExtension(db, partner, id, { reason: "Slipped again" });
    const approvedExtension = await decideExtension(db, manager, id, { approve: true });
    expect(approvedExtension.deal.protectionExpiresAt).toBe(new Date(before.protectionExpiresAt!.getTime() + 30 * DAY).toISOString());
  });

  it("refuses requests on deals that are not approved, without a reason, or from a manager", async () => {
    const open = await submitted();
    await expectRefused(open, () => requestExtension(db, partner, open, { reason: "Too early" }));
    const id = await approved();
    await expectRefused(id, () => requestExtension(db, partner, id, { reason: "" }), DealValidationError);
    await expectRefused(id, () => requestExtension(db, manager, id, { reason: "For them" }), DealForbiddenError);
    await expectRefused(id, () => decideExtension(db, partner, id, { approve: true }), DealForbiddenError);
  });

  it("closing a deal drops its waiting request", async () => {
    const id = await approved();
    await requestExtension(db, partner, id, { reason: "Waiting on legal" });
    expect((await closeDeal(db, partner, id, { outcome: "WON" })).deal.extensionRequest).toBeNull();
  });
});

describe("reviewQueue", () => {
  it("lists submitted deals by SLA due time with the overdue flag and conflicts", async () => {
    const now = new Date();
    const old = await submitted(partner, new Date(now.getTime() - 3 * DAY));
    const fresh = await submitted(partner2, now);
    const queue = await reviewQueue(db, manager, { now, pageSize: 200 });
    expect(queue.slaHours).toBe(48);
    expect(queue.total).toBe(await db.deal.count({ where: { status: "SUBMITTED" } }));
    const due = queue.items.map((i) => i.dueAt);
    expect([...due].sort()).toEqual(due);
    const all = [];
    for (let page = 1; page <= Math.ceil(queue.total / 200); page++) all.push(...(await reviewQueue(db, manager, { now, page, pageSize: 200 })).items);
    const o = all.find((i) => i.id === old)!;
    const f = all.find((i) => i.id === fresh)!;
    expect(o).toMatchObject({ overdue: true, hoursLeft: -24, hasConflicts: false, conflicts: [] });
    expect(f).toMatchObject({ overdue: false, hoursLeft: 48, partnerOrg: { id: partner2.partnerOrgId } });
    expect(all.findIndex((i) => i.id === old)).toBeLessThan(all.findIndex((i) => i.id === fresh));
  });

  it("follows the configured SLA and filters to deals with conflicts", async () => {
    await updateDealSettings(db, manager, { reviewSlaHours: 8 });
    const queue = await reviewQueue(db, manager, { pageSize: 5, conflictsOnly: true });
    expect(queue.slaHours).toBe(8);
    expect(queue.items.every((i) => i.hasConflicts)).toBe(true);
    await updateDealSettings(db, manager, { reviewSlaHours: 48 });
    await expect(reviewQueue(db, partner)).rejects.toBeInstanceOf(DealForbiddenError);
  });
});

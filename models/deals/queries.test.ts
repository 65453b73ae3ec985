// Deal listing and detail for the portal: tenant scope (a partner sees only their own
// organization's deals, and another's reads as missing), paging, filters and bad ids.
import { beforeAll, describe, expect, it } from "vitest";
import { demoUser } from "../../test/routes.ts";
import type { SessionUser } from "../auth/users.ts";
import { db } from "../db/client.ts";
import { canSeeDeal, countDealsByStatus, exportDeals, getDealForUser, listDeals } from "./queries.ts";

let partner: SessionUser;
let manager: SessionUser;
let otherOrgDealId: string;
let ownDealId: string;

beforeAll(async () => {
  partner = await demoUser("partner@example.com");
  manager = await demoUser("manager@example.com");
  const partner2 = await demoUser("partner2@example.com");
  otherOrgDealId = (await db.deal.findFirstOrThrow({ where: { partnerOrgId: partner2.partnerOrgId! }, select: { id: true } })).id;
  ownDealId = (await db.deal.findFirstOrThrow({ where: { partnerOrgId: partner.partnerOrgId!, status: "WON" }, select: { id: true } })).id;
});

describe("listDeals", () => {
  it("gives a partner only their organization's deals, with the total for paging", async () => {
    const page = await listDeals(db, partner, { page: 1, pageSize: 10 });
    expect(page.total).toBe(await db.deal.count({ where: { partnerOrgId: partner.partnerOrgId! } }));
    expect(page.items).toHaveLength(10);
    expect(page.items.every((d) => d.partnerOrg.id === partner.partnerOrgId)).toBe(true);
    const submitted = page.items.map((d) => d.submittedAt);
    expect([...submitted].sort().reverse()).toEqual(submitted);
  });

  it("filters by status and pages without overlap", async () => {
    const first = await listDeals(db, manager, { status: "APPROVED", page: 1, pageSize: 20 });
    const second = await listDeals(db, manager, { status: "APPROVED", page: 2, pageSize: 20 });
    expect(first.total).toBe(await db.deal.count({ where: { status: "APPROVED" } }));
    expect([...first.items, ...second.items].every((d) => d.status === "APPROVED")).toBe(true);
    const ids = new Set([...first.items, ...second.items].map((d) => d.id));
    expect(ids.size).toBe(first.items.length + second.items.length);
  });

  it("counts per status within the user's scope", async () => {
    const counts = await countDealsByStatus(db, partner);
    expect(counts.WON).toBe(await db.deal.count({ where: { partnerOrgId: partner.partnerOrgId!, status: "WON" } }));
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe((await listDeals(db, partner, { page: 1, pageSize: 1 })).total);
  });
});

describe("getDealForUser", () => {
  it("returns the partner's own deal with customer, products and timeline", async () => {
    const deal = await getDealForUser(db, partner, ownDealId);
    expect(deal).not.toBeNull();
    expect(deal!.partnerOrg.id).toBe(partner.partnerOrgId);
    expect(deal!.customer.name).toEqual(expect.any(String));
    expect(deal!.products.length).toBeGreaterThan(0);
    expect(deal!.products[0]).toEqual({ sku: expect.any(String), name: expect.any(String) });
    expect(deal!.events.map((e) => e.action)).toContain("WON");
    expect(deal!.events[0]).toEqual({ id: expect.any(String), at: expect.any(String), actor: expect.any(String), action: "SUBMITTED", note: null });
    const times = deal!.events.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
  });

  it("answers null for another organization's deal, which a channel manager does see", async () => {
    expect(await getDealForUser(db, partner, otherOrgDealId)).toBeNull();
    expect((await getDealForUser(db, manager, otherOrgDealId))?.id).toBe(otherOrgDealId);
  });

  it("answers null, not an error, for an unknown or malformed id", async () => {
    expect(await getDealForUser(db, manager, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await getDealForUser(db, manager, "not-a-uuid")).toBeNull();
    expect(await getDealForUser(db, manager, "'; DROP TABLE deal; --")).toBeNull();
  });

  it("gives a regional lead only deals of partners in their regions", async () => {
    const lead = await demoUser("lead@example.com");
    const outside = await db.deal.findFirstOrThrow({ where: { partnerOrg: { regionCode: { notIn: lead.regionCodes } } }, select: { id: true } });
    expect(await getDealForUser(db, lead, outside.id)).toBeNull();
  });
});

describe("deal registration views", () => {
  it("filters to approved deals whose protection ends soon", async () => {
    const now = new Date();
    const page = await listDeals(db, manager, { expiringWithinDays: 30, page: 1, pageSize: 200, now });
    const limit = now.getTime() + 30 * 86_400_000;
    expect(page.items.every((d) => d.status === "APPROVED" && d.protectionExpiresAt !== null && Date.parse(d.protectionExpiresAt) > now.getTime() && Date.parse(d.protectionExpiresAt) <= limit)).toBe(true);
    expect(page.total).toBe(await db.deal.count({ where: { status: "APPROVED", protectionExpiresAt: { gt: now, lte: new Date(limit) } } }));
  });

  it("exports every deal in scope exactly once, and checks visibility like the detail does", async () => {
    const ids: string[] = [];
    for await (const batch of exportDeals(db, partner)) ids.push(...batch.map((d) => d.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(await db.deal.count({ where: { partnerOrgId: partner.partnerOrgId! } }));
    expect(await canSeeDeal(db, partner, otherOrgDealId)).toBe(false);
    expect(await canSeeDeal(db, partner, ownDealId)).toBe(true);
    expect(await canSeeDeal(db, partner, "not-an-id")).toBe(false);
    const detail = await getDealForUser(db, partner, ownDealId);
    expect(detail).toMatchObject({ productSkus: expect.any(Array), conflicts: expect.any(Array), extensionRequest: null });
  });
});

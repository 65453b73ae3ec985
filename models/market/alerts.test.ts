// routeNewItems on the demo database: alerts only for the leads of the item's regions, reasons and
// recommendations stored, a HIGH alert rings the bell once, and a retry adds nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { createItem, createSource } from "./alert-fixtures.ts";
import { parseRecommendedPartners } from "./alert-inbox.ts";
import { itemsSeenSince, routeNewItems } from "./alerts.ts";

const now = new Date("2026-03-01T08:00:00Z");
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);
let lead: { id: string };
let leadSouth: { id: string };
let sourceId: string;

beforeAll(async () => {
  [lead, leadSouth] = await Promise.all(
    ["lead@example.com", "marco.bianchi@example.com"].map((email) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })),
  );
  sourceId = await createSource(db);
});

const alertsOf = (itemId: string) =>
  db.alert.findMany({ where: { itemId }, select: { userId: true, regionCode: true, severity: true, relevance: true, reasons: true, recommendedPartners: true, id: true } });

describe("routeNewItems", () => {
  it("alerts only the leads who own the item's region, with reasons and recommended partners", async () => {
    const itemId = await createItem(db, sourceId, { title: "ERP and MES for a manufacturer in Bavaria", deadline: inDays(5), location: "Munich" });
    const result = await routeNewItems(db, [itemId], { now });
    expect(result).toMatchObject({ items: 1, alerts: 1, unrouted: 0 });
    const alerts = await alertsOf(itemId);
    expect(alerts.map((a) => a.userId)).toEqual([lead.id]);
    const [alert] = alerts;
    expect(alert).toMatchObject({ regionCode: "DACH", severity: "HIGH" });
    expect(alert.reasons).toEqual(expect.arrayContaining(["Keyword: ERP", "Keyword: MES", "Deadline in 5 days (2026-03-06)"]));
    expect((alert.reasons as string[])[0]).toMatch(/^Tender in Bavaria \(DACH\)/);
    const partners = parseRecommendedPartners(alert.recommendedPartners);
    expect(partners).toHaveLength(5);
    const orgs = await db.partnerOrg.findMany({ where: { id: { in: partners.map((p) => p.partnerOrgId) } }, select: { regionCode: true, status: true } });
    expect(orgs.every((o) => o.regionCode === "DACH" && o.status === "ACTIVE")).toBe(true);
    expect(partners[0].reasons.length).toBeGreaterThan(1);
  });

  it("rings the lead's bell for a HIGH alert, once, and a retry adds nothing", async () => {
    const itemId = await createItem(db, sourceId, { title: "Odoo cuts prices for Italian resellers", contentType: "COMPETITOR" });
    const first = await routeNewItems(db, [itemId], { now });
    expect(first).toMatchObject({ alerts: 1, notifications: 1 });
    const [alert] = await alertsOf(itemId);
    expect(alert).toMatchObject({ userId: leadSouth.id, regionCode: "SOUTHERN_EUROPE", severity: "HIGH", recommendedPartners: [] });
    const bell = await db.notification.findMany({ where: { userId: leadSouth.id, kind: "market.alert" }, select: { title: true, link: true } });
    expect(bell).toEqual([{ title: "High-priority market alert: Odoo cuts prices for Italian resellers", link: `/alerts/${alert.id}` }]);

    const again = await routeNewItems(db, [itemId, itemId], { now });
    expect(again).toMatchObject({ items: 1, alerts: 0, notifications: 0 });
    expect(await db.alert.count({ where: { itemId } })).toBe(1);
    expect(await db.notification.count({ where: { userId: leadSouth.id, kind: "market.alert" } })).toBe(1);
  });

  it("sends an item without a place to every lead of the source's regions, with no bell below HIGH", async () => {
    const itemId = await createItem(db, sourceId, { title: "Payroll system replacement", deadline: inDays(40) });
    const before = await db.notification.count({ where: { kind: "market.alert" } });
    await routeNewItems(db, [itemId], { now });
    const alerts = await alertsOf(itemId);
    // The source covers DACH, Nordics, Western and Southern Europe: both demo leads own some of them.
    expect(alerts.map((a) => a.userId).sort()).toEqual([lead.id, leadSouth.id].sort());
    expect(alerts.every((a) => a.severity === "MEDIUM")).toBe(true);
    expect(alerts.find((a) => a.userId === leadSouth.id)?.regionCode).toBe("SOUTHERN_EUROPE");
    expect(await db.notification.count({ where: { kind: "market.alert" } })).toBe(before);
  });

  it("alerts nobody for an item whose regions no lead owns, and ignores malformed ids", async () => {
    const nowhere = await createSource(db, { regionCodes: ["ATLANTIS"] });
    const itemId = await createItem(db, nowhere, { title: "ERP tender" });
    expect(await routeNewItems(db, [itemId, "not-an-id"], { now })).toMatchObject({ items: 1, alerts: 0, unrouted: 1 });
    expect(await db.alert.count({ where: { itemId } })).toBe(0);
    expect(await routeNewItems(db, ["nope"], { now })).toEqual({ items: 0, alerts: 0, notifications: 0, unrouted: 0 });
  });

  it("skips disabled leads", async () => {
    const disabled = await db.user.create({
      data: { email: "old.lead@example.com", name: "Old Lead", role: "REGIONAL_LEAD", passwordHash: "x", disabledAt: now, regions: { create: [{ regionCode: "NORDICS" }] } },
      select: { id: true },
    });
    const itemId = await createItem(db, sourceId, { title: "ERP tender in Oslo" });
    await routeNewItems(db, [itemId], { now });
    expect((await alertsOf(itemId)).map((a) => a.userId)).toEqual([lead.id]);
    expect(await db.alert.count({ where: { userId: disabled.id } })).toBe(0);
  });

  it("finds the items first seen since a moment, for a catch-up run", async () => {
    const old = await createItem(db, sourceId, { title: "Old tender", firstSeenAt: new Date("2020-01-01T00:00:00Z") });
    const fresh = await createItem(db, sourceId, { title: "Fresh tender" });
    const ids = await itemsSeenSince(db, new Date(Date.now() - 3_600_000));
    expect(ids).toContain(fresh);
    expect(ids).not.toContain(old);
  });
});

// The lead's inbox and forwarding, on the demo database: filters and the unread count, marking
// read, another lead's alert behaving as missing, and a forward notifying only that partner's users.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/users.ts";
import { db } from "../db/client.ts";
import { demoUser } from "../../test/routes.ts";
import { createItem, createSource } from "./alert-fixtures.ts";
import { getAlert, listAlerts, markAlertRead, markAllRead, unreadAlertCount } from "./alert-inbox.ts";
import { routeNewItems } from "./alerts.ts";
import { AlertForwardError, forwardAlertToPartner } from "./forward.ts";

let lead: SessionUser;
let leadSouth: SessionUser;
let tenderAlert: string;
let newsAlert: string;
let southAlert: string;

beforeAll(async () => {
  [lead, leadSouth] = await Promise.all(["lead@example.com", "marco.bianchi@example.com"].map(demoUser));
  const tenders = await createSource(db);
  const news = await createSource(db, { name: "News", contentType: "COMPETITOR", regionCodes: [] });
  const ids = await Promise.all([
    createItem(db, tenders, { title: "ERP tender for a hospital in Hamburg", deadline: new Date(Date.now() + 3 * 86_400_000), url: "https://tenders.example.com/hh-1" }),
    createItem(db, news, { title: "Sage X3 opens an office in Stockholm", contentType: "COMPETITOR" }),
    createItem(db, tenders, { title: "Payroll tender in Seville" }),
  ]);
  await routeNewItems(db, ids);
  const own = (itemId: string, userId: string) => db.alert.findFirstOrThrow({ where: { itemId, userId }, select: { id: true } }).then((a) => a.id);
  [tenderAlert, newsAlert, southAlert] = await Promise.all([own(ids[0], lead.id), own(ids[1], lead.id), own(ids[2], leadSouth.id)]);
});

describe("the inbox", () => {
  it("lists the lead's own alerts with filters and the unread count", async () => {
    const all = await listAlerts(db, lead, {});
    expect(all.items.map((a) => a.id).sort()).toEqual([tenderAlert, newsAlert].sort());
    expect(all.unreadCount).toBe(2);
    const tender = all.items.find((a) => a.id === tenderAlert);
    expect(tender).toMatchObject({ severity: "HIGH", regionCode: "DACH", regionName: "DACH", item: { contentType: "TENDER", url: "https://tenders.example.com/hh-1", sourceName: "Test tenders" } });
    expect(tender?.recommendedPartners.length).toBeGreaterThan(0);
    expect((await listAlerts(db, lead, { severity: "HIGH" })).items.map((a) => a.id)).toEqual([tenderAlert]);
    expect((await listAlerts(db, lead, { contentType: "COMPETITOR" })).items.map((a) => a.id)).toEqual([newsAlert]);
    expect((await listAlerts(db, lead, { region: "NORDICS" })).items.map((a) => a.id)).toEqual([newsAlert]);
    expect((await listAlerts(db, lead, { region: "SOUTHERN_EUROPE" })).total).toBe(0);
    expect((await listAlerts(db, lead, { page: 2, pageSize: 1 })).items).toHaveLength(1);
  });

  it("treats another lead's alert and a malformed id as missing", async () => {
    expect(await getAlert(db, lead, southAlert)).toBeNull();
    expect(await getAlert(db, lead, "nope")).toBeNull();
    expect(await markAlertRead(db, lead, southAlert)).toBe(false);
    expect(await db.alert.findUniqueOrThrow({ where: { id: southAlert }, select: { readAt: true } })).toEqual({ readAt: null });
    expect((await getAlert(db, leadSouth, southAlert))?.id).toBe(southAlert);
  });

  it("marks one read (twice is fine), then all matching a filter", async () => {
    expect(await markAlertRead(db, lead, newsAlert)).toBe(true);
    expect(await markAlertRead(db, lead, newsAlert)).toBe(true);
    expect(await unreadAlertCount(db, lead)).toBe(1);
    expect((await listAlerts(db, lead, { unreadOnly: true })).items.map((a) => a.id)).toEqual([tenderAlert]);
    expect(await markAllRead(db, lead, { contentType: "COMPETITOR" })).toBe(0);
    expect(await markAllRead(db, lead)).toBe(1);
    expect(await unreadAlertCount(db, lead)).toBe(0);
    expect(await unreadAlertCount(db, leadSouth)).toBe(1);
  });
});

describe("forwardAlertToPartner", () => {
  it("notifies every active user of that partner only, with the tender's title, address and the note; audited; once", async () => {
    const alert = await getAlert(db, lead, tenderAlert);
    const partnerOrgId = alert!.recommendedPartners[0].partnerOrgId;
    const partnerUsers = await db.user.findMany({ where: { partnerOrgId, disabledAt: null }, select: { id: true } });
    expect(partnerUsers.length).toBeGreaterThan(0);
    const before = await db.notification.count({ where: { kind: "market.lead" } });

    const result = await forwardAlertToPartner(db, lead, tenderAlert, { partnerOrgId, note: "  Call the CIO before Friday.  " }, { ipAddress: "10.0.0.1" });
    expect(result).toMatchObject({ partnerOrgId, recipients: partnerUsers.length });
    const sent = await db.notification.findMany({ where: { kind: "market.lead" }, select: { userId: true, title: true, body: true, link: true, data: true } });
    expect(sent).toHaveLength(before + partnerUsers.length);
    expect(sent.map((n) => n.userId).sort()).toEqual(partnerUsers.map((u) => u.id).sort());
    expect(sent[0]).toMatchObject({ title: `New lead from ${lead.name}: ERP tender for a hospital in Hamburg`, link: "https://tenders.example.com/hh-1" });
    expect(sent[0].body).toContain("Call the CIO before Friday.");
    expect(JSON.stringify(sent[0])).not.toContain("Keyword");
    expect(await db.emailOutbox.count({ where: { idempotencyKey: { startsWith: `market.lead:${result.forwardId}` } } })).toBe(partnerUsers.length);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "alert.forwarded", entityId: tenderAlert }, select: { actorUserId: true, partnerOrgId: true, ipAddress: true } });
    expect(audit).toEqual({ actorUserId: lead.id, partnerOrgId, ipAddress: "10.0.0.1" });
    expect((await getAlert(db, lead, tenderAlert))?.forwards).toEqual([expect.objectContaining({ partnerOrgId, note: "Call the CIO before Friday." })]);

    await expect(forwardAlertToPartner(db, lead, tenderAlert, { partnerOrgId })).rejects.toMatchObject({ code: "already_forwarded" });
    expect(await db.notification.count({ where: { kind: "market.lead" } })).toBe(before + partnerUsers.length);
  });

  it("refuses another lead's alert, news, partners outside the lead's regions or inactive, and bad input — changing nothing", async () => {
    const alert = await getAlert(db, lead, tenderAlert);
    const partnerOrgId = alert!.recommendedPartners[1].partnerOrgId;
    const outside = await db.partnerOrg.findFirstOrThrow({ where: { regionCode: "APAC", status: "ACTIVE" }, select: { id: true } });
    const inactive = await db.partnerOrg.findFirstOrThrow({ where: { regionCode: "DACH", status: { not: "ACTIVE" } }, select: { id: true } });
    const before = await db.notification.count();
    const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof AlertForwardError ? { code: error.code, fields: error.fields } : error));

    expect(await refusal(forwardAlertToPartner(db, lead, southAlert, { partnerOrgId }))).toMatchObject({ code: "not_found" });
    expect(await refusal(forwardAlertToPartner(db, leadSouth, tenderAlert, { partnerOrgId }))).toMatchObject({ code: "not_found" });
    expect(await refusal(forwardAlertToPartner(db, lead, newsAlert, { partnerOrgId }))).toMatchObject({ code: "not_a_tender" });
    expect(await refusal(forwardAlertToPartner(db, lead, tenderAlert, { partnerOrgId: outside.id }))).toMatchObject({ code: "validation_failed", fields: { partnerOrgId: expect.any(String) } });
    expect(await refusal(forwardAlertToPartner(db, lead, tenderAlert, { partnerOrgId: inactive.id }))).toMatchObject({ code: "validation_failed" });
    expect(await refusal(forwardAlertToPartner(db, lead, tenderAlert, { partnerOrgId: "x" }))).toMatchObject({ fields: { partnerOrgId: "Choose a partner" } });
    expect(await refusal(forwardAlertToPartner(db, lead, tenderAlert, { partnerOrgId, note: "x".repeat(1001) }))).toMatchObject({ fields: { note: expect.any(String) } });
    expect(await db.notification.count()).toBe(before);
    expect(await db.alertForward.count({ where: { partnerOrgId } })).toBe(0);
  });
});

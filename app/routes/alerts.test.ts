// The alert pages for every role: a lead sees, filters, reads and forwards only their own alerts
// (another lead's is a 404, also through the `.data` request); partners and channel managers get
// 403; the navigation shows the unread count; a refused forward keeps what was typed.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../models/auth/users.ts";
import { db } from "../../models/db/client.ts";
import type { AlertView } from "../../models/market/alert-inbox.ts";
import { demoUser, invoke, routeContext } from "../../test/routes.ts";
import { action as detailAction, loader as detailLoader } from "./alert.tsx";
import { type DemoAlerts, pageData, ROUTE_IDS, routeDemoAlerts } from "./alerts.test-support.ts";
import { action as listAction, loader as listLoader } from "./alerts.tsx";
import { loader as portalLoader } from "./portal.tsx";

let lead: SessionUser;
let leadSouth: SessionUser;
let partner: SessionUser;
let manager: SessionUser;
let alerts: DemoAlerts;

const args = (user: SessionUser, path: string, params: Record<string, string> = {}, init?: RequestInit) => ({
  request: new Request(`http://localhost${path}`, init),
  context: routeContext(user),
  params,
});
const list = (user: SessionUser, query = "") => listLoader(args(user, `/alerts${query}`) as never);
const post = async (user: SessionUser, fields: Record<string, string>, alertId?: string) => {
  const path = alertId ? `/alerts/${alertId}` : "/alerts";
  const init = { method: "POST", body: new URLSearchParams(fields) };
  const response = await invoke((alertId ? detailAction : listAction) as never, args(user, path, alertId ? { alertId } : {}, init));
  return { status: response.status, data: await response.json() };
};
const navOf = async (user: SessionUser) => portalLoader(args(user, "/dashboard") as never);

beforeAll(async () => {
  [lead, leadSouth, partner, manager] = await Promise.all(["lead@example.com", "marco.bianchi@example.com", "partner@example.com", "manager@example.com"].map(demoUser));
  alerts = await routeDemoAlerts();
});

describe("the inbox page", () => {
  it("lists the lead's own alerts with the unread count, filters and the nav badge", async () => {
    const data = await list(lead);
    expect(data.items.map((a: AlertView) => a.id).sort()).toEqual([alerts.tender, alerts.news].sort());
    expect(data.unreadCount).toBe(2);
    expect(data.options.regions.map((r: { code: string }) => r.code).sort()).toEqual([...lead.regionCodes].sort());
    expect((await list(lead, "?severity=HIGH")).items.map((a: AlertView) => a.id)).toEqual([alerts.tender]);
    expect((await list(lead, "?contentType=COMPETITOR&region=NORDICS")).items.map((a: AlertView) => a.id)).toEqual([alerts.news]);
    expect((await list(lead, "?severity=SEVERE&page=-3")).items).toHaveLength(2);
    expect(await navOf(lead)).toMatchObject({ nav: { alerts: true }, unreadAlerts: 2 });
    expect(await navOf(partner)).toMatchObject({ nav: { alerts: false }, unreadAlerts: 0 });
  });

  it("refuses partners and channel managers the page and its actions (403), also as a `.data` request", async () => {
    for (const user of [partner, manager]) {
      expect((await invoke(listLoader as never, args(user, "/alerts"))).status).toBe(403);
      expect((await invoke(detailLoader as never, args(user, `/alerts/${alerts.tender}`, { alertId: alerts.tender }))).status).toBe(403);
      expect((await post(user, { intent: "read-all" })).status).toBe(403);
      const viaData = await pageData(user, "/alerts.data", ROUTE_IDS.list);
      expect(viaData.status).toBe(403);
      expect(viaData.body).not.toContain("Hamburg");
      expect((await pageData(user, `/alerts/${alerts.tender}.data`, ROUTE_IDS.detail)).status).toBe(403);
    }
    expect(await db.alert.count({ where: { id: alerts.tender, readAt: { not: null } } })).toBe(0);
  });

  it("answers 404 for another lead's alert or a malformed id, on the page and through `.data`", async () => {
    expect((await invoke(detailLoader as never, args(leadSouth, `/alerts/${alerts.tender}`, { alertId: alerts.tender }))).status).toBe(404);
    expect((await invoke(detailLoader as never, args(lead, "/alerts/nope", { alertId: "nope" }))).status).toBe(404);
    const foreign = await pageData(leadSouth, `/alerts/${alerts.tender}.data`, ROUTE_IDS.detail);
    expect(foreign.status).toBe(404);
    expect(foreign.body).not.toContain("Hamburg");
    const own = await pageData(lead, `/alerts/${alerts.tender}.data`, ROUTE_IDS.detail);
    expect(own.status).toBe(200);
    expect((own.loaderData as { alert: AlertView }).alert.item.title).toBe("ERP tender for a hospital in Hamburg");
    expect((await post(leadSouth, { intent: "read", alertId: alerts.tender }, alerts.tender)).status).toBe(404);
    expect(await post(leadSouth, { intent: "read", alertId: alerts.tender })).toEqual({ status: 404, data: { intent: "read", alertId: alerts.tender, ok: false } });
  });

  it("keeps a source address that is not http(s) from becoming a link", async () => {
    const data = await list(lead, "?contentType=COMPETITOR");
    expect(data.items[0].item.url).toBeNull();
  });
});

describe("forwarding from the page", () => {
  it("refuses a forward without a partner, keeping the note typed, and sends nothing", async () => {
    const before = await db.notification.count();
    const result = await post(lead, { intent: "forward", alertId: alerts.tender, partnerOrgId: "", note: "Worth a call" }, alerts.tender);
    expect(result).toMatchObject({ status: 422, data: { intent: "forward", ok: false, errors: { partnerOrgId: expect.any(String) }, values: { partnerOrgId: "", note: "Worth a call" } } });
    expect(await db.notification.count()).toBe(before);
  });

  it("forwards a recommended partner, notifying only that partner's users", async () => {
    const detail = (await detailLoader(args(lead, `/alerts/${alerts.tender}`, { alertId: alerts.tender }) as never)) as { alert: AlertView };
    const target = detail.alert.recommendedPartners[0];
    const users = await db.user.findMany({ where: { partnerOrgId: target.partnerOrgId, disabledAt: null }, select: { id: true } });
    const result = await post(lead, { intent: "forward", alertId: alerts.tender, partnerOrgId: target.partnerOrgId, note: "Worth a call" }, alerts.tender);
    expect(result).toMatchObject({ status: 200, data: { ok: true, partnerName: target.name, recipients: users.length } });
    const notified = await db.notification.findMany({ where: { kind: "market.lead" }, select: { userId: true } });
    expect(notified.map((n) => n.userId).sort()).toEqual(users.map((u) => u.id).sort());
    expect((await post(lead, { intent: "forward", alertId: alerts.tender, partnerOrgId: target.partnerOrgId }, alerts.tender)).data).toMatchObject({ ok: false, code: "already_forwarded" });
    expect((await post(lead, { intent: "forward", alertId: alerts.news, partnerOrgId: target.partnerOrgId })).status).toBe(409);
  });

  it("marks one read, then all, and refuses an unknown intent", async () => {
    expect(await post(lead, { intent: "read", alertId: alerts.news })).toEqual({ status: 200, data: { intent: "read", alertId: alerts.news, ok: true } });
    expect((await list(lead, "?unread=1")).items.map((a: AlertView) => a.id)).toEqual([alerts.tender]);
    expect(await post(lead, { intent: "read-all" })).toEqual({ status: 200, data: { intent: "read-all", ok: true, updated: 1 } });
    expect((await navOf(lead)).unreadAlerts).toBe(0);
    expect((await navOf(leadSouth)).unreadAlerts).toBe(1);
    expect(await post(lead, { intent: "explode" })).toEqual({ status: 400, data: { intent: "invalid", ok: false } });
  });
});

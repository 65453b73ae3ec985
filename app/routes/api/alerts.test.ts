// GET /api/v1/alerts, /alerts/:id, POST /alerts/:id/read and /alerts/:id/forward for every role:
// a lead's own alerts only (another lead's → 404), partners and managers 403, bad input 4xx.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../../models/auth/users.ts";
import { db } from "../../../models/db/client.ts";
import { demoUser, invoke, jsonRequest, routeContext } from "../../../test/routes.ts";
import { type DemoAlerts, routeDemoAlerts } from "../alerts.test-support.ts";
import { action as alertAction } from "./alerts.alert-action.ts";
import { loader as alertLoader } from "./alerts.alert.ts";
import { loader as listLoader } from "./alerts.ts";

let lead: SessionUser;
let leadSouth: SessionUser;
let partner: SessionUser;
let manager: SessionUser;
let alerts: DemoAlerts;

const get = (user: SessionUser | null, path: string, params: Record<string, string> = {}) => ({ request: new Request(`http://localhost/api/v1${path}`), context: routeContext(user), params });
const list = (user: SessionUser | null, query = "") => invoke(listLoader, get(user, `/alerts${query}`));
const one = (user: SessionUser | null, alertId: string) => invoke(alertLoader, get(user, `/alerts/${alertId}`, { alertId }));
const act = (user: SessionUser | null, alertId: string, name: string, body: unknown = {}) =>
  invoke(alertAction, { request: jsonRequest(`/api/v1/alerts/${alertId}/${name}`, body), context: routeContext(user), params: { alertId, action: name } });
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; fields?: Record<string, string> } }).error;

beforeAll(async () => {
  [lead, leadSouth, partner, manager] = await Promise.all(["lead@example.com", "marco.bianchi@example.com", "partner@example.com", "manager@example.com"].map(demoUser));
  alerts = await routeDemoAlerts();
});

describe("GET /api/v1/alerts", () => {
  it("lists the lead's own alerts, filtered and paged, with the unread count", async () => {
    const response = await list(lead);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ total: 2, unreadCount: 2 });
    expect(body.items.map((a: { id: string }) => a.id).sort()).toEqual([alerts.tender, alerts.news].sort());
    const tender = body.items.find((a: { id: string }) => a.id === alerts.tender);
    expect(tender).toMatchObject({ severity: "HIGH", regionCode: "DACH", item: { contentType: "tender", url: "https://tenders.example.com/hh-42" } });
    expect(tender.reasons).toContain("Keyword: payroll");
    expect(tender.recommendedPartners[0]).toEqual({ partnerOrgId: expect.any(String), name: expect.any(String), score: expect.any(Number), reasons: expect.any(Array) });
    expect((await (await list(lead, "?contentType=competitor&severity=medium")).json()).items.map((a: { id: string }) => a.id)).toEqual([alerts.news]);
    expect((await (await list(lead, "?unread=true&page=2&pageSize=1")).json()).items).toHaveLength(1);
    expect((await (await list(leadSouth)).json()).items.map((a: { id: string }) => a.id)).toEqual([alerts.southTender]);
  });

  it("refuses partners and managers (403), the signed-out (401) and bad filters (400)", async () => {
    for (const user of [partner, manager]) {
      const response = await list(user);
      expect(response.status).toBe(403);
      expect(await errorOf(response)).toMatchObject({ code: "forbidden" });
    }
    expect((await list(null)).status).toBe(401);
    const bad = await list(lead, "?severity=SEVERE&contentType=rumour&region=a%20b");
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).fields).toMatchObject({ severity: expect.any(String), contentType: expect.any(String), region: expect.any(String) });
    expect((await list(lead, "?pageSize=1000")).status).toBe(400);
    for (const page of ["0", "-1", "1.5", "abc", "1e400", "99999999999999999999"]) expect((await list(lead, `?page=${page}`)).status, page).toBeLessThan(500);
  });
});

describe("GET /api/v1/alerts/:id", () => {
  it("answers the owner, 404 to another lead or a malformed id, 403 to partners", async () => {
    expect((await (await one(lead, alerts.tender)).json()).alert.id).toBe(alerts.tender);
    expect((await one(leadSouth, alerts.tender)).status).toBe(404);
    expect((await one(lead, "not-a-uuid")).status).toBe(404);
    expect((await one(partner, alerts.tender)).status).toBe(403);
  });
});

describe("POST /api/v1/alerts/:id/read and /forward", () => {
  it("marks the owner's alert read; another lead's is a 404 and stays unread", async () => {
    expect((await act(leadSouth, alerts.news, "read")).status).toBe(404);
    expect((await act(partner, alerts.news, "read")).status).toBe(403);
    expect(await db.alert.findUniqueOrThrow({ where: { id: alerts.news }, select: { readAt: true } })).toEqual({ readAt: null });
    const response = await act(lead, alerts.news, "read");
    expect(response.status).toBe(200);
    expect((await response.json()).alert).toEqual({ id: alerts.news, readAt: expect.any(String) });
    expect((await act(lead, alerts.news, "archive")).status).toBe(404);
  });

  it("answers the time it was first read, again and again; a malformed id is a 404", async () => {
    const first = (await (await act(lead, alerts.tender, "read")).json()).alert;
    const stored = await db.alert.findUniqueOrThrow({ where: { id: alerts.tender }, select: { readAt: true } });
    expect(first).toEqual({ id: alerts.tender, readAt: stored.readAt?.toISOString() });
    expect((await (await act(lead, alerts.tender, "read")).json()).alert).toEqual(first);
    expect((await act(lead, "not-a-uuid", "read")).status).toBe(404);
    expect((await act(lead, "not-a-uuid", "forward", { partnerOrgId: "x" })).status).toBe(404);
  });

  it("forwards a tender to a partner of the lead's regions: 201, then 409 for the same partner", async () => {
    const { alert } = await (await one(lead, alerts.tender)).json();
    const partnerOrgId = alert.recommendedPartners[0].partnerOrgId;
    const users = await db.user.count({ where: { partnerOrgId, disabledAt: null } });
    const response = await act(lead, alerts.tender, "forward", { partnerOrgId, note: "Deadline is close" });
    expect(response.status).toBe(201);
    expect((await response.json()).forward).toMatchObject({ partnerOrgId, recipients: users });
    expect(await db.notification.count({ where: { kind: "market.lead", user: { partnerOrgId } } })).toBe(users);
    expect(await db.notification.count({ where: { kind: "market.lead", user: { NOT: { partnerOrgId } } } })).toBe(0);
    const again = await act(lead, alerts.tender, "forward", { partnerOrgId });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe("already_forwarded");
  });

  it("refuses bad input, news, another lead's alert and partner roles, sending nothing", async () => {
    const before = await db.notification.count();
    const outside = await db.partnerOrg.findFirstOrThrow({ where: { regionCode: "APAC", status: "ACTIVE" }, select: { id: true } });
    const { alert } = await (await one(lead, alerts.tender)).json();
    const partnerOrgId = alert.recommendedPartners[1].partnerOrgId;
    const cases: [SessionUser, string, unknown, number, string][] = [
      [lead, alerts.tender, { partnerOrgId: outside.id }, 422, "validation_failed"],
      [lead, alerts.tender, { note: "no partner" }, 422, "validation_failed"],
      [lead, alerts.tender, { partnerOrgId, note: 42 }, 422, "validation_failed"],
      [lead, alerts.tender, { partnerOrgId, note: "x".repeat(1001) }, 422, "validation_failed"],
      [lead, alerts.tender, "{not json", 400, "malformed_json"],
      [lead, alerts.news, { partnerOrgId }, 409, "not_a_tender"],
      [leadSouth, alerts.tender, { partnerOrgId }, 404, "not_found"],
      [partner, alerts.tender, { partnerOrgId }, 403, "forbidden"],
    ];
    for (const [user, alertId, body, status, code] of cases) {
      const response = await act(user, alertId, "forward", body);
      expect({ body, status: response.status, code: (await errorOf(response)).code }).toEqual({ body, status, code });
    }
    expect(await db.notification.count()).toBe(before);
  });
});

// The deals API against the seeded database: tenant isolation on every route (another
// organization's deal is a 404 that reveals nothing), registration with 201 / 422 fields /
// idempotent replay, redacted conflicts, transitions with 409 when refused, and notifications.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../../models/auth/users.ts";
import { db } from "../../../models/db/client.ts";
import { demoUser, invoke, jsonRequest, routeContext } from "../../../test/routes.ts";
import * as conflicts from "./deals.conflicts.ts";
import * as dealRoute from "./deals.deal.ts";
import * as deals from "./deals.ts";
import * as transition from "./deals.transition.ts";

let partner: SessionUser;
let partner2: SessionUser;
let manager: SessionUser;
let skus: string[];

const get = (url: string) => new Request(`http://localhost${url}`);
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

function registration(name: string, overrides: Record<string, unknown> = {}) {
  return {
    customer: { name, domain: `${name.toLowerCase().replace(/[^a-z]/g, "")}.de`, country: "DE", industry: "Retail" },
    title: `Rollout at ${name}`,
    value: { amount: 4_200_000, currency: "EUR" },
    productSkus: [skus[0]],
    expectedCloseDate: inAMonth(),
    ...overrides,
  };
}

async function register(user: SessionUser, body: unknown) {
  return invoke(deals.action, { request: jsonRequest("/api/v1/deals", body), context: routeContext(user), params: {} });
}

async function post(user: SessionUser, dealId: string, name: string, body: unknown) {
  return invoke(transition.action, { request: jsonRequest(`/api/v1/deals/${dealId}/${name}`, body), context: routeContext(user), params: { dealId, transition: name } });
}

beforeAll(async () => {
  partner = await demoUser("partner@example.com");
  partner2 = await demoUser("partner2@example.com");
  manager = await demoUser("manager@example.com");
  skus = (await db.product.findMany({ where: { active: true }, select: { sku: true }, orderBy: { sku: "asc" }, take: 2 })).map((p) => p.sku);
});

describe("POST /api/v1/deals", () => {
  it("registers a deal with 201 and the contract's shape, and replays a repeated clientRequestId without a second deal", async () => {
    const body = registration("Quellwerk Apparatebau", { clientRequestId: "api-test-1" });
    const first = await register(partner, body);
    expect(first.status).toBe(201);
    const { deal } = await first.json();
    expect(deal).toMatchObject({
      partnerOrgId: partner.partnerOrgId,
      status: "SUBMITTED",
      customer: { name: "Quellwerk Apparatebau", country: "DE", domain: "quellwerkapparatebau.de" },
      value: { amount: 4_200_000, currency: "EUR" },
      productSkus: [skus[0]],
      expectedCloseDate: body.expectedCloseDate,
      protectionExpiresAt: null,
      conflicts: [],
      winProbability: null,
    });
    expect(deal.events).toEqual([{ at: expect.any(String), actor: partner.name, action: "SUBMITTED", note: null }]);

    const again = await register(partner, body);
    expect(again.status).toBe(200);
    expect((await again.json()).deal.id).toBe(deal.id);
    expect(await db.deal.count({ where: { clientRequestId: "api-test-1" } })).toBe(1);
  });

  it("answers 422 with the invalid fields and creates nothing", async () => {
    const before = await db.deal.count();
    const res = await register(partner, { customer: { name: "X", country: "ZZ" }, title: "", value: { amount: 1.5, currency: "EUR" }, productSkus: [], expectedCloseDate: "2001-01-01" });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe("invalid_deal");
    expect(Object.keys(error.fields)).toEqual(expect.arrayContaining(["customer.name", "customer.country", "title", "value.amount", "productSkus", "expectedCloseDate"]));
    const unknownSku = await register(partner, registration("Lindqvist Optik", { productSkus: ["NO-SUCH-SKU"] }));
    expect(unknownSku.status).toBe(422);
    expect((await unknownSku.json()).error.fields).toHaveProperty("productSkus");
    expect(await db.deal.count()).toBe(before);
  });

  it("refuses a channel manager (403) and malformed JSON (400)", async () => {
    expect((await register(manager, registration("Managerwerk"))).status).toBe(403);
    expect((await register(partner, "{nope")).status).toBe(400);
  });
});

describe("GET /api/v1/deals and /api/v1/deals/:id", () => {
  it("lists only the partner's own deals, paged, filtered by status", async () => {
    const res = await invoke(deals.loader, { request: get("/api/v1/deals?status=WON&pageSize=5"), context: routeContext(partner), params: {} });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(await db.deal.count({ where: { partnerOrgId: partner.partnerOrgId!, status: "WON" } }));
    expect(body.items.length).toBeLessThanOrEqual(5);
    expect(body.items.every((d: { partnerOrgId: string; status: string }) => d.partnerOrgId === partner.partnerOrgId && d.status === "WON")).toBe(true);
    expect((await invoke(deals.loader, { request: get("/api/v1/deals?status=NOPE"), context: routeContext(partner), params: {} })).status).toBe(400);
  });

  it("answers 404 to a partner of another organization, exactly as for a missing deal", async () => {
    const own = await db.deal.findFirstOrThrow({ where: { partnerOrgId: partner.partnerOrgId! }, select: { id: true } });
    const foreign = await invoke(dealRoute.loader, { request: get(`/api/v1/deals/${own.id}`), context: routeContext(partner2), params: { dealId: own.id } });
    const missing = await invoke(dealRoute.loader, { request: get("/api/v1/deals/00000000-0000-4000-8000-000000000000"), context: routeContext(partner2), params: { dealId: "00000000-0000-4000-8000-000000000000" } });
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual(await missing.json());
    const mine = await invoke(dealRoute.loader, { request: get(`/api/v1/deals/${own.id}`), context: routeContext(partner), params: { dealId: own.id } });
    expect(mine.status).toBe(200);
    expect((await mine.json()).deal.id).toBe(own.id);
  });
});

describe("GET /api/v1/deals/conflicts", () => {
  it("tells another partner that a conflict exists and why, never which deal; a manager sees the deal", async () => {
    const created = await (await register(partner, registration("Sonnenfeld Logistik"))).json();
    const url = `/api/v1/deals/conflicts?customerName=Sonnenfeld%20Logistik&domain=sonnenfeldlogistik.de&country=DE&products=${skus[0]}`;
    const asPartner2 = await (await invoke(conflicts.loader, { request: get(url), context: routeContext(partner2), params: {} })).json();
    expect(asPartner2.items).toHaveLength(1);
    expect(asPartner2.items[0]).toMatchObject({ dealId: null, kind: "conflict", customerName: null, ownOrganization: false });
    expect(asPartner2.items[0].similarity).toBeGreaterThanOrEqual(0.9);
    expect(asPartner2.items[0].reasons.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(["same_domain", "same_name", "shared_products"]));
    expect(JSON.stringify(asPartner2)).not.toContain(created.deal.id);

    const asManager = await (await invoke(conflicts.loader, { request: get(url), context: routeContext(manager), params: {} })).json();
    expect(asManager.items[0].dealId).toBe(created.deal.id);

    const bad = await invoke(conflicts.loader, { request: get("/api/v1/deals/conflicts?customerName=S&country=XX"), context: routeContext(partner2), params: {} });
    expect(bad.status).toBe(422);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(["country", "customerName"]);
  });
});

describe("POST /api/v1/deals/:id/{approve,reject,close,extend,extension}", () => {
  it("answers 404 to another organization's partner on every transition and changes nothing", async () => {
    const { deal } = await (await register(partner, registration("Tannhauser Mechanik"))).json();
    for (const [name, body] of [["approve", {}], ["reject", { reason: "not yours" }], ["close", { outcome: "WON" }], ["extend", { reason: "need time" }], ["extension", { approve: true }]] as const) {
      const res = await post(partner2, deal.id, name, body);
      expect(res.status, name).toBe(404);
      expect((await res.json()).error.code).toBe("deal_not_found");
    }
    expect((await db.deal.findUniqueOrThrow({ where: { id: deal.id }, select: { status: true } })).status).toBe("SUBMITTED");
    expect((await post(partner, deal.id, "approve", {})).status).toBe(403);
    expect((await post(manager, deal.id, "nonsense", {})).status).toBe(404);
  });

  it("approves (notifying the partner organization once), refuses a second approval with 409, and runs close / extend / extension", async () => {
    const { deal } = await (await register(partner, registration("Wellenbrink Elektro"))).json();
    const rejected = await post(manager, deal.id, "reject", { reason: "" });
    expect(rejected.status).toBe(422);
    expect((await rejected.json()).error.fields).toHaveProperty("reason");

    const approved = await post(manager, deal.id, "approve", { note: "Go ahead" });
    expect(approved.status).toBe(200);
    const body = await approved.json();
    expect(body.deal.status).toBe("APPROVED");
    expect(body.deal.protectionExpiresAt).toEqual(expect.any(String));
    expect(body.deal.events.map((e: { action: string }) => e.action)).toEqual(["SUBMITTED", "APPROVED"]);
    const orgUsers = await db.user.count({ where: { partnerOrgId: partner.partnerOrgId!, disabledAt: null } });
    expect(await db.notification.count({ where: { kind: "deal.approved", link: `/deals/${deal.id}` } })).toBe(orgUsers);

    const again = await post(manager, deal.id, "approve", {});
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("invalid_transition");

    expect((await post(partner, deal.id, "extend", { reason: "Customer board meets next quarter" })).status).toBe(200);
    expect((await post(partner, deal.id, "extend", { reason: "again" })).status).toBe(409);
    const decided = await post(manager, deal.id, "extension", { approve: true, days: 10 });
    expect(decided.status).toBe(200);
    expect((await decided.json()).deal.extensionRequest).toBeNull();

    const closed = await post(partner, deal.id, "close", { outcome: "WON", value: { amount: 4_000_000, currency: "EUR" } });
    expect(closed.status).toBe(200);
    expect((await closed.json()).deal).toMatchObject({ status: "WON", closedValue: { amount: 4_000_000, currency: "EUR" } });
    expect((await post(partner, deal.id, "close", { outcome: "LOST" })).status).toBe(409);
  });
});

// /incentives/adjustments and /api/v1/incentives/adjustments: only managers write; the form keeps
// what was typed on a refusal and writes nothing; a double submission writes once; partners read
// only their own organization's manual entries through the API.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../models/auth/users.ts";
import { db } from "../../models/db/client.ts";
import { demoUser, invoke, jsonRequest, routeContext } from "../../test/routes.ts";
import * as api from "./api/incentives.adjustments.ts";
import * as page from "./incentives.adjustments.tsx";

let manager: SessionUser;
let partner: SessionUser;
let partnerOrgId: string;
let otherOrgId: string;

const formRequest = (fields: Record<string, string>) => new Request("http://localhost/incentives/adjustments", { method: "POST", body: new URLSearchParams(fields) });
const pageLoad = (user: SessionUser, query = "") => invoke(page.loader, { request: new Request(`http://localhost/incentives/adjustments${query}`), context: routeContext(user), params: {} });
const apiGet = (user: SessionUser, query = "") => invoke(api.loader, { request: new Request(`http://localhost/api/v1/incentives/adjustments${query}`), context: routeContext(user), params: {} });
const apiPost = (user: SessionUser, body: unknown) => invoke(api.action, { request: jsonRequest("/api/v1/incentives/adjustments", body), context: routeContext(user), params: {} });

beforeAll(async () => {
  [manager, partner] = await Promise.all([demoUser("manager@example.com"), demoUser("partner@example.com")]);
  partnerOrgId = partner.partnerOrgId ?? "";
  otherOrgId = (await db.partnerOrg.findFirstOrThrow({ where: { id: { not: partnerOrgId } }, select: { id: true } })).id;
});

describe("/incentives/adjustments page", () => {
  it("is refused to partners and regional leads, and writes nothing for them", async () => {
    const count = await db.incentiveLedgerEntry.count();
    for (const email of ["partner@example.com", "partner2@example.com", "lead@example.com"]) {
      const user = await demoUser(email);
      expect((await pageLoad(user)).status, email).toBe(403);
      const post = await invoke(page.action, { request: formRequest({ intent: "ADJUSTMENT", partnerOrgId, direction: "CREDIT", amount: "100", currency: "EUR", reason: "Please pay me more" }), context: routeContext(user), params: {} });
      expect(post.status, email).toBe(403);
    }
    expect(await db.incentiveLedgerEntry.count()).toBe(count);
  });

  it("finds partners by name and shows the chosen partner's balance", async () => {
    const org = await db.partnerOrg.findUniqueOrThrow({ where: { id: partnerOrgId }, select: { name: true } });
    const search = await (await pageLoad(manager, `?q=${encodeURIComponent(org.name.slice(0, 6).toLowerCase())}`)).json();
    expect(search.choices.map((c: { id: string }) => c.id)).toContain(partnerOrgId);
    const chosen = await (await pageLoad(manager, `?partnerOrgId=${partnerOrgId}`)).json();
    expect(chosen.partner.name).toBe(org.name);
    expect(chosen.balances.length).toBeGreaterThan(0);
    expect((await pageLoad(manager, "?partnerOrgId=not-a-uuid")).status).toBe(404);
  });

  it("keeps what was typed on a refusal and writes nothing", async () => {
    const count = await db.incentiveLedgerEntry.count();
    const res = await invoke(page.action, {
      request: formRequest({ intent: "ADJUSTMENT", partnerOrgId, direction: "DEBIT", amount: "12.5", currency: "EUR", reason: "short", clientRequestId: crypto.randomUUID() }),
      context: routeContext(manager),
      params: {},
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.values).toMatchObject({ amount: "12.5", reason: "short", direction: "DEBIT" });
    expect(body.errors.reason).toMatch(/at least 10 characters/);
    const badAmount = await (await invoke(page.action, { request: formRequest({ intent: "PAYOUT", partnerOrgId, amount: "twelve", currency: "EUR", reference: "PAY-1" }), context: routeContext(manager), params: {} })).json();
    expect(badAmount.errors.amount).toBe("amount");
    expect(await db.incentiveLedgerEntry.count()).toBe(count);
  });

  it("records an adjustment once when the form is sent twice", async () => {
    const clientRequestId = crypto.randomUUID();
    const fields = { intent: "ADJUSTMENT", partnerOrgId, direction: "CREDIT", amount: "250.00", currency: "EUR", reason: "Marketing fund for the October webinar", clientRequestId };
    for (let i = 0; i < 2; i++) {
      const res = await invoke(page.action, { request: formRequest(fields), context: routeContext(manager), params: {} });
      expect(res.status).toBe(200);
      expect((await res.json()).entry.amount).toEqual({ amount: 25_000, currency: "EUR" });
    }
    expect(await db.incentiveLedgerEntry.count({ where: { idempotencyKey: `adjustment:${clientRequestId}` } })).toBe(1);
  });
});

describe("/api/v1/incentives/adjustments", () => {
  it("lets a manager pay out, answering 201, and refuses an overdraft with 409", async () => {
    const res = await apiPost(manager, { kind: "PAYOUT", partnerOrgId, amount: { amount: 100, currency: "EUR" }, reference: "PAY-API-1" });
    expect(res.status).toBe(201);
    expect((await res.json()).entry).toMatchObject({ kind: "PAYOUT", amount: { amount: -100, currency: "EUR" }, reference: "PAY-API-1" });
    const over = await apiPost(manager, { kind: "PAYOUT", partnerOrgId, amount: { amount: Number.MAX_SAFE_INTEGER, currency: "EUR" }, reference: "PAY-API-2" });
    expect(over.status).toBe(409);
    expect((await over.json()).error.code).toBe("exceeds_balance");
  });

  it("answers 422 with fields for bad input, 400 for malformed JSON, 403 for partners", async () => {
    const bad = await apiPost(manager, { kind: "ADJUSTMENT", partnerOrgId, direction: "SIDEWAYS", amount: { amount: -5, currency: "EUR" } });
    expect(bad.status).toBe(422);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(["amount.amount", "direction", "reason"]);
    expect((await apiPost(manager, "{not json")).status).toBe(400);
    expect((await apiPost(partner, { kind: "ADJUSTMENT", partnerOrgId, direction: "CREDIT", amount: { amount: 5, currency: "EUR" }, reason: "A generous gift to myself" })).status).toBe(403);
  });

  it("shows a partner only their own organization's entries: another org's id is a 404", async () => {
    const own = await apiGet(partner);
    expect(own.status).toBe(200);
    const body = await own.json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.every((e: { partnerOrgId: string }) => e.partnerOrgId === partnerOrgId)).toBe(true);
    expect((await apiGet(partner, `?partnerOrgId=${otherOrgId}`)).status).toBe(404);
    expect((await apiGet(await demoUser("lead@example.com"), `?partnerOrgId=${partnerOrgId}`)).status).toBe(403);
    expect((await apiGet(manager)).status).toBe(400);
  });
});

// POST /api/v1/deals/:id/refund and /reopen: managers only (partners 403 on their own deal, 404
// on another organization's), 422 with fields for a bad refund, 409 from a status that does not allow it.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../../models/auth/users.ts";
import { db } from "../../../models/db/client.ts";
import { demoUser, invoke, jsonRequest, routeContext } from "../../../test/routes.ts";
import * as transition from "./deals.transition.ts";

let manager: SessionUser;
let partner: SessionUser;

const post = (user: SessionUser, dealId: string, name: string, body: unknown) =>
  invoke(transition.action, { request: jsonRequest(`/api/v1/deals/${dealId}/${name}`, body), context: routeContext(user), params: { dealId, transition: name } });

beforeAll(async () => {
  [manager, partner] = await Promise.all([demoUser("manager@example.com"), demoUser("partner@example.com")]);
});

describe("deal corrections over the API", () => {
  it("lets a manager refund part of a won deal and reopen it", async () => {
    const deal = await db.deal.findFirstOrThrow({ where: { partnerOrgId: partner.partnerOrgId ?? "", status: "WON" }, select: { id: true, closedAmount: true, currency: true } });
    const refunded = await post(manager, deal.id, "refund", { refund: { amount: 100, currency: deal.currency.trim() }, reason: "Credit note CN-77" });
    expect(refunded.status).toBe(200);
    expect((await refunded.json()).deal.status).toBe("WON");
    expect((await db.deal.findUniqueOrThrow({ where: { id: deal.id }, select: { closedAmount: true } })).closedAmount).toBe((deal.closedAmount ?? 0n) - 100n);

    const reopened = await post(manager, deal.id, "reopen", { reason: "Order cancelled before delivery" });
    expect(reopened.status).toBe(200);
    const body = await reopened.json();
    expect(body.deal.status).toBe("APPROVED");
    expect(body.deal.events.at(-1)).toMatchObject({ action: "REOPENED", note: "Order cancelled before delivery" });
    expect((await post(manager, deal.id, "reopen", { reason: "Again" })).status).toBe(409);
  });

  it("refuses partners, bad refunds and other organizations' deals", async () => {
    const own = await db.deal.findFirstOrThrow({ where: { partnerOrgId: partner.partnerOrgId ?? "", status: "WON" }, select: { id: true, closedAmount: true } });
    expect((await post(partner, own.id, "reopen", { reason: "I want it open" })).status).toBe(403);
    const tooMuch = await post(manager, own.id, "refund", { refund: { amount: Number(own.closedAmount) + 1, currency: "EUR" }, reason: "Too much" });
    expect(tooMuch.status).toBe(422);
    expect(Object.keys((await tooMuch.json()).error.fields)).toEqual(["refund.amount"]);
    const other = await db.deal.findFirstOrThrow({ where: { partnerOrgId: { not: partner.partnerOrgId ?? "" }, status: "WON" }, select: { id: true } });
    expect((await post(partner, other.id, "refund", { refund: { amount: 1, currency: "EUR" }, reason: "Not mine" })).status).toBe(404);
    expect((await db.deal.findUniqueOrThrow({ where: { id: own.id }, select: { closedAmount: true } })).closedAmount).toBe(own.closedAmount);
  });
});

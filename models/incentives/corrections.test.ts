// A manager's corrections of a closed deal, end to end through the ledger: a refund claws back
// the commission on the refunded part, a reopen claws back the rest, each entry explained, and
// the partner's total for the deal returns to what it was before the win.
import { beforeAll, describe, expect, it } from "vitest";
import { demoUser } from "../../test/routes.ts";
import type { SessionUser } from "../auth/users.ts";
import { db } from "../db/client.ts";
import { closeDeal, refundDeal, reopenDeal } from "../deals/review.ts";
import { DealTransitionError, DealValidationError } from "../deals/transitions.ts";
import { accrueIncentives } from "./accrue.ts";

let manager: SessionUser;
let partner: SessionUser;

/** The deal's entries, optionally of one programme kind (the demo's SPIFF may pay a fixed bonus on it too). */
async function dealLedger(dealId: string, kind?: "COMMISSION") {
  return db.incentiveLedgerEntry.findMany({ where: { dealId, ...(kind ? { program: { kind } } : {}) }, select: { kind: true, amount: true, explanation: true }, orderBy: { id: "asc" } });
}

beforeAll(async () => {
  [manager, partner] = await Promise.all([demoUser("manager@example.com"), demoUser("partner@example.com")]);
});

describe("refunds and reopened deals", () => {
  it("claws back the refunded part, then the rest on reopening, back to the total before the win", async () => {
    const deal = await db.deal.findFirstOrThrow({ where: { partnerOrgId: partner.partnerOrgId ?? "", status: "APPROVED", currency: "EUR" }, select: { id: true }, orderBy: { id: "asc" } });
    await closeDeal(db, partner, deal.id, { outcome: "WON", value: { amount: 8_000_000, currency: "EUR" } });
    await accrueIncentives(db, { partnerOrgIds: [partner.partnerOrgId ?? ""] });
    const won = await dealLedger(deal.id, "COMMISSION");
    expect(won.length).toBeGreaterThan(0);
    const earned = won.reduce((sum, e) => sum + e.amount, 0n);
    expect(earned).toBeGreaterThan(0n);

    await refundDeal(db, manager, deal.id, { refund: { amount: 2_000_000, currency: "EUR" }, reason: "Customer returned a quarter of the licences" });
    await accrueIncentives(db, { partnerOrgIds: [partner.partnerOrgId ?? ""] });
    const refunded = await dealLedger(deal.id, "COMMISSION");
    const clawbacks = refunded.slice(won.length);
    expect(clawbacks.length).toBeGreaterThan(0);
    expect(clawbacks.every((e) => e.kind === "CLAWBACK" && e.amount < 0n)).toBe(true);
    const afterRefund = refunded.reduce((sum, e) => sum + e.amount, 0n);
    // Commission is linear in the value: three quarters remain (to the cent, rounding half up once).
    expect(Number(afterRefund)).toBeCloseTo((Number(earned) * 3) / 4, -1);

    await reopenDeal(db, manager, deal.id, { reason: "Marked won by mistake: the order is not signed yet" });
    await accrueIncentives(db, { partnerOrgIds: [partner.partnerOrgId ?? ""] });
    const reopened = await dealLedger(deal.id);
    expect(reopened.reduce((sum, e) => sum + e.amount, 0n)).toBe(0n);
    expect(reopened.at(-1)?.explanation).toMatch(/./);
    const row = await db.deal.findUniqueOrThrow({ where: { id: deal.id }, select: { status: true, closedAt: true, closedAmount: true, protectionExpiresAt: true } });
    expect(row).toMatchObject({ status: "APPROVED", closedAt: null, closedAmount: null });
    expect(row.protectionExpiresAt!.getTime()).toBeGreaterThan(Date.now());
  }, 60_000);

  it("refuses a refund above the closed value, in another currency, by a partner, or on an open deal", async () => {
    const won = await db.deal.findFirstOrThrow({ where: { partnerOrgId: partner.partnerOrgId ?? "", status: "WON", currency: "EUR" }, select: { id: true, closedAmount: true } });
    const closed = Number(won.closedAmount);
    await expect(refundDeal(db, manager, won.id, { refund: { amount: closed + 1, currency: "EUR" }, reason: "Too much" })).rejects.toBeInstanceOf(DealValidationError);
    await expect(refundDeal(db, manager, won.id, { refund: { amount: 1, currency: "USD" }, reason: "Wrong currency" })).rejects.toBeInstanceOf(DealValidationError);
    await expect(refundDeal(db, partner, won.id, { refund: { amount: 1, currency: "EUR" }, reason: "Partner tries" })).rejects.toMatchObject({ status: 403 });
    await expect(refundDeal(db, manager, won.id, { refund: { amount: 1, currency: "EUR" }, reason: "" })).rejects.toBeInstanceOf(DealValidationError);
    expect((await db.deal.findUniqueOrThrow({ where: { id: won.id }, select: { closedAmount: true } })).closedAmount).toBe(won.closedAmount);
    const open = await db.deal.findFirstOrThrow({ where: { status: "APPROVED" }, select: { id: true } });
    await expect(reopenDeal(db, manager, open.id, { reason: "Not closed at all" })).rejects.toBeInstanceOf(DealTransitionError);
  });
});

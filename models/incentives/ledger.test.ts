// Reconciling the append-only ledger with what programmes owe now: first accruals, a refund's
// partial clawback, a reopened deal's full clawback, sequenced keys, and entries left alone.
import { describe, expect, it } from "vitest";
import { computeAccruals } from "./engine.ts";
import { aProgram, aWonDeal, anInput } from "./fixtures.ts";
import { ledgerTotal, reconcile, subjectKeyOf } from "./ledger.ts";
import { parseProgramRules } from "./rules.ts";
import type { LedgerEntryInput } from "./types.ts";

const commission = aProgram(parseProgramRules("COMMISSION", { rateBasisPoints: 500 }));
const asOf = new Date("2026-12-01T09:00:00Z");
const owed = (...deals: ReturnType<typeof aWonDeal>[]) => computeAccruals(anInput({ programs: [commission], wonDeals: deals }));

describe("reconcile", () => {
  const deal = aWonDeal({ id: "d1", title: "Acme ERP" });

  it("appends each draft once on an empty ledger, keeping its date and key", () => {
    const appended = reconcile([], owed(deal), asOf);
    expect(appended).toEqual(owed(deal).map((draft) => ({ ...draft, explanationData: { ...draft.explanationData, previousTotal: 0, targetTotal: 600_000 } })));
    expect(reconcile(appended, owed(deal), asOf)).toEqual([]);
  });

  it("claws back the difference when a won deal is partly refunded, under the next sequenced key", () => {
    const ledger = reconcile([], owed(deal), asOf);
    const [clawback] = reconcile(ledger, owed({ ...deal, closedAmount: 10_000_000 }), asOf);
    expect(clawback).toMatchObject({
      idempotencyKey: "commission:v1:commission:deal:d1#2",
      kind: "CLAWBACK",
      amount: -100_000,
      occurredAt: asOf,
      explanationData: { previousTotal: 600_000, targetTotal: 500_000 },
    });
    expect(clawback.explanation).toMatch(/^Clawback of €1,000.00 \(now €5,000.00, was €6,000.00\): 5 % of €100,000.00/);
    expect(subjectKeyOf(clawback.idempotencyKey)).toBe("commission:v1:commission:deal:d1");
  });

  it("claws back everything when the deal is reopened, and accrues again when it is won again", () => {
    const ledger: LedgerEntryInput[] = reconcile([], owed(deal), asOf);
    const reopened = reconcile(ledger, owed(), asOf);
    expect(reopened).toHaveLength(1);
    expect(reopened[0]).toMatchObject({ kind: "CLAWBACK", amount: -600_000, dealId: "d1", programId: commission.id, programVersion: 1 });
    expect(reopened[0].explanation).toContain('reverses "5 % of €120,000.00');
    ledger.push(...reopened);
    expect(ledgerTotal(ledger)).toBe(0);
    expect(reconcile(ledger, owed(), asOf)).toEqual([]);
    const wonAgain = reconcile(ledger, owed(deal), asOf);
    expect(wonAgain).toMatchObject([{ idempotencyKey: "commission:v1:commission:deal:d1#3", kind: "ACCRUAL", amount: 600_000 }]);
  });

  it("leaves seed accruals, adjustments and payouts alone", () => {
    const other = (kind: LedgerEntryInput["kind"], idempotencyKey: string): LedgerEntryInput => ({
      ...owed(deal)[0],
      kind,
      idempotencyKey,
      amount: kind === "PAYOUT" ? -600_000 : 600_000,
    });
    const ledger = [other("ACCRUAL", "seed:commission:d1"), other("ADJUSTMENT", "adjustment:42"), other("PAYOUT", "payout:2026-11:partner-a")];
    expect(reconcile(ledger, [], asOf)).toEqual([]);
  });

  it("continues after the highest sequence already used", () => {
    const [first] = reconcile([], owed(deal), asOf);
    const later = { ...first, idempotencyKey: `${first.idempotencyKey}#5`, amount: -first.amount, kind: "CLAWBACK" as const };
    expect(reconcile([first, later], owed(deal), asOf)[0].idempotencyKey).toBe(`${first.idempotencyKey}#6`);
  });
});

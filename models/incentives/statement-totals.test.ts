// Statement totals without a database: for any entries, every split (kind, month, programme)
// adds up to the balance, earned − paid is the balance, and opening + balance is the closing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Money } from "../money.ts";
import { generatedEntry } from "./statement-fixtures.ts";
import { statementTotals, type TotalledEntry } from "./statement-totals.ts";

const period = { from: "2024-01-01", to: "2026-12-31" };
const program = { id: "p1", key: "commission", name: "Commission", version: 1 };

const sumOf = (list: readonly Money[], currency: string) => list.filter((m) => m.currency === currency).reduce((s, m) => s + m.amount, 0);

describe("statementTotals", () => {
  it("adds up the same way however the entries are split", () => {
    fc.assert(
      fc.property(fc.array(generatedEntry, { maxLength: 40 }), fc.integer({ min: -1_000_000, max: 1_000_000 }), (generated, openingEur) => {
        const entries: TotalledEntry[] = generated.map((e) => ({
          occurredAt: e.occurredAt.toISOString(),
          kind: e.kind,
          amount: { amount: e.amount, currency: e.currency },
          program: e.kind === "ACCRUAL" || e.kind === "CLAWBACK" ? program : null,
        }));
        const totals = statementTotals(entries, period, [{ currency: "EUR", amount: openingEur }]);
        for (const currency of ["EUR", "USD"]) {
          const own = generated.filter((e) => e.currency === currency);
          const balance = own.reduce((s, e) => s + e.amount, 0);
          expect(sumOf(totals.balance, currency)).toBe(balance);
          expect(sumOf(totals.earned, currency)).toBe(own.filter((e) => e.kind !== "PAYOUT").reduce((s, e) => s + e.amount, 0));
          expect(sumOf(totals.earned, currency) - sumOf(totals.paid, currency)).toBe(balance);
          expect(sumOf(totals.byKind.map((k) => k.amount), currency)).toBe(balance);
          expect(sumOf(totals.byProgram.map((p) => p.amount), currency)).toBe(balance);
          expect(totals.byMonth.filter((m) => m.currency === currency).reduce((s, m) => s + m.balance, 0)).toBe(balance);
          expect(sumOf(totals.closingBalance, currency)).toBe(sumOf(totals.openingBalance, currency) + balance);
        }
      }),
    );
  });
});

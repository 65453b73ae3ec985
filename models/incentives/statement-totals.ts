// The totals of an incentive statement, computed from its entries alone, per currency (amounts
// in different currencies are never added): earned (accruals, clawbacks, adjustments), paid
// (payouts, shown as a positive amount), the balance, and the same split by kind, month and programme.
import type { LedgerKind } from "../db/generated/enums.ts";
import type { Money } from "../money.ts";
import { monthsOf, type StatementPeriod } from "./statement-period.ts";

export const LEDGER_KINDS = ["ACCRUAL", "CLAWBACK", "ADJUSTMENT", "PAYOUT"] as const satisfies readonly LedgerKind[];

/** What totals need of an entry. Payouts are negative: money that left the balance. */
export type TotalledEntry = {
  occurredAt: string;
  kind: LedgerKind;
  amount: Money;
  program: { id: string; key: string; name: string; version: number } | null;
};

export type MonthTotal = { month: string; currency: string; earned: number; paid: number; balance: number };

/** One programme version's total, or (programme null) the manual adjustments or the payouts. */
export type ProgramTotal = {
  source: "PROGRAM" | "ADJUSTMENT" | "PAYOUT";
  program: { id: string; key: string; name: string; version: number } | null;
  amount: Money;
};

export type StatementTotals = {
  earned: Money[];
  /** Payouts in the period, as a positive amount. */
  paid: Money[];
  /** earned − paid: the sum of every entry in the period. */
  balance: Money[];
  /** The sum of every entry before the period. */
  openingBalance: Money[];
  /** openingBalance + balance. */
  closingBalance: Money[];
  byKind: { kind: LedgerKind; amount: Money }[];
  /** Every month of the period for every currency the statement has, oldest first. */
  byMonth: MonthTotal[];
  byProgram: ProgramTotal[];
};

/** Adds amounts per currency; the result is sorted by currency. */
class CurrencySums {
  private readonly sums = new Map<string, number>();
  add(money: Money): this {
    this.sums.set(money.currency, (this.sums.get(money.currency) ?? 0) + money.amount);
    return this;
  }
  ensure(currency: string): this {
    if (!this.sums.has(currency)) this.sums.set(currency, 0);
    return this;
  }
  get(currency: string): number {
    return this.sums.get(currency) ?? 0;
  }
  list(): Money[] {
    return [...this.sums].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ currency, amount }));
  }
}

export function statementTotals(entries: readonly TotalledEntry[], period: StatementPeriod, opening: readonly Money[]): StatementTotals {
  const currencies = [...new Set([...entries.map((e) => e.amount.currency), ...opening.map((m) => m.currency)])].sort();
  const earned = new CurrencySums();
  const paid = new CurrencySums();
  const balance = new CurrencySums();
  const openingSums = new CurrencySums();
  for (const currency of currencies) [earned, paid, balance, openingSums].forEach((sums) => sums.ensure(currency));
  opening.forEach((money) => openingSums.add(money));

  const byKind = new Map<string, { kind: LedgerKind; amount: Money }>();
  const byProgram = new Map<string, ProgramTotal>();
  const byMonth = new Map<string, MonthTotal>();
  const months = monthsOf(period);
  for (const currency of currencies) {
    for (const month of months) byMonth.set(`${month}|${currency}`, { month, currency, earned: 0, paid: 0, balance: 0 });
  }

  for (const entry of entries) {
    const { amount, kind } = entry;
    const isPayout = kind === "PAYOUT";
    balance.add(amount);
    if (isPayout) paid.add({ ...amount, amount: -amount.amount });
    else earned.add(amount);

    const kindKey = `${kind}|${amount.currency}`;
    const kindTotal = byKind.get(kindKey) ?? { kind, amount: { currency: amount.currency, amount: 0 } };
    kindTotal.amount.amount += amount.amount;
    byKind.set(kindKey, kindTotal);

    const source = entry.program !== null ? "PROGRAM" : isPayout ? "PAYOUT" : "ADJUSTMENT";
    const programKey = `${entry.program?.id ?? source}|${amount.currency}`;
    const programTotal = byProgram.get(programKey) ?? { source, program: entry.program, amount: { currency: amount.currency, amount: 0 } };
    programTotal.amount.amount += amount.amount;
    byProgram.set(programKey, programTotal);

    const month = byMonth.get(`${entry.occurredAt.slice(0, 7)}|${amount.currency}`);
    if (month !== undefined) {
      month.balance += amount.amount;
      if (isPayout) month.paid -= amount.amount;
      else month.earned += amount.amount;
    }
  }

  const closing = new CurrencySums();
  for (const currency of currencies) closing.add({ currency, amount: openingSums.get(currency) + balance.get(currency) });
  return {
    earned: earned.list(),
    paid: paid.list(),
    balance: balance.list(),
    openingBalance: openingSums.list(),
    closingBalance: closing.list(),
    byKind: [...byKind.values()].sort((a, b) => LEDGER_KINDS.indexOf(a.kind) - LEDGER_KINDS.indexOf(b.kind) || a.amount.currency.localeCompare(b.amount.currency)),
    byMonth: [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency)),
    byProgram: [...byProgram.values()].sort((a, b) => b.amount.amount - a.amount.amount || a.amount.currency.localeCompare(b.amount.currency)),
  };
}

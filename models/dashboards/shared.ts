// Building blocks the role dashboards share: money lists per currency, and the UTC
// calendar periods ("this month", "this quarter") every dashboard counts in.

import { type Money, toSafeNumber } from "../money.ts";

/** Rows of `{ currency, amount }` (one per currency) as Money, largest first, zeros left out. */
export function moneyList(rows: readonly { currency: string; amount: bigint | number | null }[]): Money[] {
  return rows
    .map((row) => ({ amount: toSafeNumber(row.amount), currency: row.currency.trim() }))
    .filter((money) => money.amount !== 0)
    .sort((a, b) => b.amount - a.amount || a.currency.localeCompare(b.currency));
}

export function startOfUtcMonth(d: Date, offsetMonths = 0): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offsetMonths, 1));
}

export function startOfUtcQuarter(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1));
}

export function startOfUtcYear(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
}

/** `YYYY-MM` of the UTC month. */
export function monthKey(d: Date): string {
  return d.toISOString().slice(0, 7);
}

export function isoOrNull(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}

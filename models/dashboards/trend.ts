// Pure helpers for monthly sales series: the calendar of months to chart and the change of the
// trailing twelve months against the twelve before (year over year).

/** `count` consecutive `YYYY-MM` months ending with the month before `before`'s month (UTC). */
export function monthsBefore(before: Date, count: number): string[] {
  const months: string[] = [];
  for (let i = count; i >= 1; i--) {
    months.push(new Date(Date.UTC(before.getUTCFullYear(), before.getUTCMonth() - i, 1)).toISOString().slice(0, 7));
  }
  return months;
}

export type YearOverYear = { last12: number; prev12: number; change: number | null };

/** Sums the last 12 and the 12 before of a monthly series (oldest first); change is null without a base. */
export function yearOverYear(amounts: readonly number[]): YearOverYear {
  const sum = (values: readonly number[]) => values.reduce((total, v) => total + v, 0);
  const last12 = sum(amounts.slice(-12));
  const prev12 = sum(amounts.slice(-24, -12));
  return { last12, prev12, change: amounts.length >= 24 && prev12 > 0 ? (last12 - prev12) / prev12 : null };
}

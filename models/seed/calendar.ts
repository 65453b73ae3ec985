// UTC calendar arithmetic for the demo seed: every generated date is an offset from `now`,
// computed in UTC so the data is the same whatever the machine's time zone.

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export function startOfUtcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export function startOfUtcMonth(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}

/** The first day of the month `months` after the month of `d` (negative goes back). */
export function addUtcMonths(d: Date, months: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
}

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

/** `YYYY-MM-DD` of the UTC calendar day. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Whole months from the month of `from` to the month of `to` (0 when the same month). */
export function monthsBetween(from: Date, to: Date): number {
  return (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
}

/** Drops the milliseconds, so generated timestamps read as whole seconds. */
export function toWholeSecond(ms: number): Date {
  return new Date(Math.floor(ms / 1000) * 1000);
}

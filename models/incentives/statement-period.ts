// The period of an incentive statement: two UTC calendar days, both inclusive, validated with
// clear messages (ISO dates, from ≤ to, at most five years), the presets the page offers, and
// the calendar arithmetic (quarters, months) the statement groups by.
import { z } from "zod";

/** The longest period a statement covers: `to` must come before the same day five years after `from`. */
export const MAX_PERIOD_YEARS = 5;

const DAY_MS = 86_400_000;

export type StatementPeriod = {
  /** First day, `YYYY-MM-DD` (UTC). */
  from: string;
  /** Last day, `YYYY-MM-DD` (UTC), inclusive. */
  to: string;
};

export type PeriodPreset = "this-quarter" | "last-quarter" | "this-year";

const isoDay = z.iso.date({ error: "must be a date like 2026-01-31" });

export type PeriodResult = { ok: true; period: StatementPeriod } | { ok: false; fields: Record<string, string> };

/**
 * The period asked for; a missing `from` or `to` falls back to the default (1 January of the
 * current year to today, UTC). Empty strings count as missing, as a cleared form field does.
 */
export function parseStatementPeriod(input: { from?: string | null; to?: string | null }, now: Date): PeriodResult {
  const fallback = defaultPeriod(now);
  const from = isoDay.safeParse(input.from || fallback.from);
  const to = isoDay.safeParse(input.to || fallback.to);
  if (!from.success || !to.success) {
    const fields: Record<string, string> = {};
    if (!from.success) fields.from = from.error.issues[0].message;
    if (!to.success) fields.to = to.error.issues[0].message;
    return { ok: false, fields };
  }
  if (from.data > to.data) return { ok: false, fields: { to: "must be on or after from" } };
  const limit = `${Number(from.data.slice(0, 4)) + MAX_PERIOD_YEARS}${from.data.slice(4)}`;
  if (to.data >= limit) return { ok: false, fields: { to: `the period may span at most ${MAX_PERIOD_YEARS} years` } };
  return { ok: true, period: { from: from.data, to: to.data } };
}

/** The current calendar year up to today (UTC). */
export function defaultPeriod(now: Date): StatementPeriod {
  return { from: `${now.getUTCFullYear()}-01-01`, to: utcDay(now) };
}

export function presetPeriod(preset: PeriodPreset, now: Date): StatementPeriod {
  const quarterStart = startOfQuarter(now);
  switch (preset) {
    case "this-quarter":
      return { from: utcDay(quarterStart), to: utcDay(now) };
    case "last-quarter": {
      const previous = addUtcMonths(quarterStart, -3);
      return { from: utcDay(previous), to: utcDay(new Date(quarterStart.getTime() - DAY_MS)) };
    }
    case "this-year":
      return defaultPeriod(now);
  }
}

/** The preset a period equals, or null for a custom one. */
export function presetOf(period: StatementPeriod, now: Date): PeriodPreset | null {
  const presets: PeriodPreset[] = ["this-quarter", "last-quarter", "this-year"];
  return presets.find((preset) => samePeriod(presetPeriod(preset, now), period)) ?? null;
}

function samePeriod(a: StatementPeriod, b: StatementPeriod): boolean {
  return a.from === b.from && a.to === b.to;
}

/** The half-open moment range [start, end) the period's days cover. */
export function periodRange(period: StatementPeriod): { start: Date; end: Date } {
  return { start: dayStart(period.from), end: new Date(dayStart(period.to).getTime() + DAY_MS) };
}

/** Every month (`YYYY-MM`) the period touches, oldest first. */
export function monthsOf(period: StatementPeriod): string[] {
  const months: string[] = [];
  for (let month = dayStart(`${period.from.slice(0, 7)}-01`); utcDay(month) <= period.to; month = addUtcMonths(month, 1)) {
    months.push(utcDay(month).slice(0, 7));
  }
  return months;
}

export function startOfQuarter(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), Math.floor(at.getUTCMonth() / 3) * 3, 1));
}

export function addUtcMonths(at: Date, months: number): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, 1));
}

/** Whole days from `from` to `to` (`YYYY-MM-DD`): 0 on the same day, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayStart(to).getTime() - dayStart(from).getTime()) / DAY_MS);
}

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

// Calendar-month arithmetic on "YYYY-MM" strings, and turning sparse monthly observations into a
// dense series (missing months inside the span are zero sales), validated.
import type { MonthlyValue } from "../types.ts";
import { ForecastInputError } from "./errors.ts";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Months since year 0 for "YYYY-MM"; null when malformed. */
export function monthIndex(month: string): number | null {
  const match = MONTH.exec(month);
  if (!match) return null;
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

/** "YYYY-MM" for a month index from monthIndex. */
export function monthLabel(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

/** "YYYY-MM" n months after (or before, when negative) the given month. */
export function addMonths(month: string, n: number): string {
  const index = monthIndex(month);
  if (index === null) throw new ForecastInputError(`"${month}" is not a month (YYYY-MM).`);
  return monthLabel(index + n);
}

export type DenseSeries = { start: number; values: number[] };

/**
 * Sorts, validates and fills a monthly series: every month from the first to the last observed
 * one, zeros where nothing was recorded. Refuses malformed or repeated months and values that are
 * negative or not finite, naming the offending month.
 */
export function densify(history: readonly MonthlyValue[]): DenseSeries {
  const seen = new Map<number, number>();
  for (const point of history) {
    const index = monthIndex(point.month);
    if (index === null) throw new ForecastInputError(`"${point.month}" is not a month (expected YYYY-MM).`);
    if (typeof point.value !== "number" || !Number.isFinite(point.value)) {
      throw new ForecastInputError(`The value for ${point.month} is not a finite number.`);
    }
    if (point.value < 0) throw new ForecastInputError(`The value for ${point.month} is negative (${point.value}); sales must be 0 or more.`);
    if (seen.has(index)) throw new ForecastInputError(`${point.month} appears more than once.`);
    seen.set(index, point.value);
  }
  if (seen.size === 0) return { start: 0, values: [] };
  const indexes = [...seen.keys()];
  const start = Math.min(...indexes);
  const end = Math.max(...indexes);
  const values: number[] = [];
  for (let i = start; i <= end; i++) values.push(seen.get(i) ?? 0);
  return { start, values };
}

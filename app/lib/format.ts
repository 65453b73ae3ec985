// Formatting of numbers, money, percentages and dates with Intl, in the user's locale and time zone.
// Money arrives as integer minor units (cents).

export type { Money } from "../../models/money.ts";
import type { Money } from "../../models/money.ts";

const digitsCache = new Map<string, number>();
function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

export function formatMoney(money: Money, locale: string, options: { compact?: boolean } = {}): string {
  const major = money.amount / 10 ** minorDigits(money.currency);
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: money.currency,
    ...(options.compact ? { notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 } : {}),
  }).format(major);
}

export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(locale, options).format(value);
}

export function formatPercent(ratio: number, locale: string, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: fractionDigits }).format(ratio);
}

export function formatDate(value: Date | string, locale: string, timeZone: string, options: Intl.DateTimeFormatOptions = { dateStyle: "medium" }): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(typeof value === "string" ? new Date(value) : value);
}

export function formatDateTime(value: Date | string, locale: string, timeZone: string): string {
  return formatDate(value, locale, timeZone, { dateStyle: "medium", timeStyle: "short" });
}

/** "Mar 2026" for a month given as YYYY-MM or YYYY-MM-DD, independent of the viewer's time zone. */
export function formatMonth(month: string, locale: string): string {
  const [year, m] = month.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(year, m - 1, 1)));
}

/** Several currencies side by side ("€1,200.00 · $300.00"); an empty list reads as a plain zero. */
export function formatMoneyList(list: readonly Money[], locale: string, options: { compact?: boolean } = {}): string {
  if (list.length === 0) return formatNumber(0, locale);
  return list.map((money) => formatMoney(money, locale, options)).join(" · ");
}

/** A signed change ("+6.1%", "−2%"); null (no base to compare with) is shown as a dash. */
export function formatChange(ratio: number | null, locale: string): string {
  if (ratio === null) return "–";
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(ratio);
}

/** How long something has waited, in the largest sensible unit ("45 min", "30 hr", "3 days"). */
export function formatDuration(ms: number, locale: string): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const [value, unit] =
    minutes < 60 ? [minutes, "minute"] : minutes < 48 * 60 ? [Math.floor(minutes / 60), "hour"] : [Math.floor(minutes / 1440), "day"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(value);
}

/** Milliseconds as seconds for job durations ("1.4 s"). */
export function formatSeconds(ms: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "unit", unit: "second", unitDisplay: "short", maximumFractionDigits: 1 }).format(ms / 1000);
}

/** A country's name for an ISO 3166-1 alpha-2 code ("DE" → "Germany"); the code when unknown. */
export function formatCountry(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

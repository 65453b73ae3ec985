// Formatting of numbers, money, percentages and dates with Intl, in the user's locale and time zone.
// Money arrives as integer minor units (cents).

export type Money = { amount: number; currency: string };

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
    ...(options.compact ? { notation: "compact", maximumFractionDigits: 1 } : {}),
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

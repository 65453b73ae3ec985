// Formatting bound to the signed-in user's locale and time zone (from the root loader), so
// components write `f.money(value)` and never pick a locale themselves.
import { useMemo } from "react";
import { useRouteLoaderData } from "react-router";
import {
  formatChange,
  formatCountry,
  formatDate,
  formatDateTime,
  formatDuration,
  formatMoney,
  formatMoneyList,
  formatMonth,
  formatNumber,
  formatPercent,
  formatSeconds,
  type Money,
} from "../lib/format.ts";
import type { loader as rootLoader } from "../root.tsx";

export type Formatter = ReturnType<typeof createFormatter>;

function createFormatter(locale: string, timeZone: string) {
  return {
    locale,
    timeZone,
    number: (value: number) => formatNumber(value, locale),
    compactNumber: (value: number) => formatNumber(value, locale, { notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 }),
    money: (money: Money, compact = false) => formatMoney(money, locale, { compact }),
    moneyList: (list: readonly Money[], compact = false) => formatMoneyList(list, locale, { compact }),
    /** One formatted amount per currency (a plain zero when there is none), for stacked display. */
    moneyLines: (list: readonly Money[], compact = false) =>
      list.length === 0 ? [formatNumber(0, locale)] : list.map((money) => formatMoney(money, locale, { compact })),
    percent: (ratio: number) => formatPercent(ratio, locale),
    change: (ratio: number | null) => formatChange(ratio, locale),
    /** A moment (ISO timestamp) as a date in the user's time zone. */
    date: (iso: string) => formatDate(iso, locale, timeZone),
    dateTime: (iso: string) => formatDateTime(iso, locale, timeZone),
    /** A calendar date (`YYYY-MM-DD`), which has no time zone to convert. */
    calendarDate: (ymd: string) => formatDate(`${ymd}T00:00:00Z`, locale, "UTC"),
    month: (yyyyMm: string) => formatMonth(yyyyMm, locale),
    duration: (ms: number) => formatDuration(ms, locale),
    seconds: (ms: number) => formatSeconds(ms, locale),
    country: (code: string) => formatCountry(code, locale),
  };
}

export function useFormat(): Formatter {
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const locale = root?.locale ?? "en";
  const timeZone = root?.timeZone ?? "UTC";
  return useMemo(() => createFormatter(locale, timeZone), [locale, timeZone]);
}

/** Money as a stable machine-readable attribute for tests ("EUR:120000 USD:5000"). */
export function moneyValue(list: readonly Money[]): string {
  return list.map((m) => `${m.currency}:${m.amount}`).join(" ");
}

// Sums a page shows beside a forecast: the forecast months' p50 against the actual sales of the
// same months a year earlier (null when a year-earlier month is not in the history shown).
import type { SeriesView } from "../../../models/forecasts/read.ts";

/** "YYYY-MM" a year earlier (kept here: the engine's month helpers would pull the engine into the browser bundle). */
function yearEarlier(month: string): string {
  return `${String(Number(month.slice(0, 4)) - 1).padStart(4, "0")}${month.slice(4)}`;
}

export function sameMonthsLastYear(series: Pick<SeriesView, "points" | "history">, months = 12): { next: number; last: number | null; change: number | null } {
  const points = series.points.slice(0, months);
  const actual = new Map(series.history.map((h) => [h.month, h.amount]));
  const next = points.reduce((sum, p) => sum + p.p50, 0);
  const earlier = points.map((p) => actual.get(yearEarlier(p.month)));
  const last = earlier.every((v) => v !== undefined) ? earlier.reduce<number>((sum, v) => sum + (v ?? 0), 0) : null;
  return { next, last, change: last === null || last === 0 ? null : next / last - 1 };
}

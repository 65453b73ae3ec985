// Sums a page shows beside a forecast: the forecast months' p50 against the actual sales of the
// same months a year earlier (null when a year-earlier month is not in the history shown).
// months.ts (not the engine's index) keeps the browser bundle to the month arithmetic.
import { addMonths } from "../../../models/forecasts/engine/months.ts";
import type { SeriesView } from "../../../models/forecasts/read.ts";

export function sameMonthsLastYear(series: Pick<SeriesView, "points" | "history">, months = 12): { next: number; last: number | null; change: number | null } {
  const points = series.points.slice(0, months);
  const actual = new Map(series.history.map((h) => [h.month, h.amount]));
  const next = points.reduce((sum, p) => sum + p.p50, 0);
  const earlier = points.map((p) => actual.get(addMonths(p.month, -12)));
  const last = earlier.every((v) => v !== undefined) ? earlier.reduce<number>((sum, v) => sum + (v ?? 0), 0) : null;
  return { next, last, change: last === null || last === 0 ? null : next / last - 1 };
}

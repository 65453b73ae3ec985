// The rows a forecast chart and its table share: one per month, actual sales where known and the
// forecast's p10/p50/p90 where forecast (both in the months since a forecast began).
import type { SeriesView } from "../../../models/forecasts/read.ts";

export type ChartRow = { month: string; actual: number | null; p10: number | null; p50: number | null; p90: number | null };

export function chartRows(series: Pick<SeriesView, "history" | "points">): ChartRow[] {
  const rows = new Map<string, ChartRow>();
  const row = (month: string) => {
    let found = rows.get(month);
    if (!found) rows.set(month, (found = { month, actual: null, p10: null, p50: null, p90: null }));
    return found;
  };
  for (const h of series.history) row(h.month).actual = h.amount;
  for (const p of series.points) Object.assign(row(p.month), { p10: p.p10, p50: p.p50, p90: p.p90 });
  return [...rows.values()].sort((a, b) => a.month.localeCompare(b.month));
}

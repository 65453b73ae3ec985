// One series' forecast chart (drawn once hydrated) with the same figures as a table for screen
// readers and anyone who prefers numbers, and the target line explained when there is one.
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import type { SeriesView } from "../../../models/forecasts/read.ts";
import { RowHeader, Table, TBody, Td, Th } from "../ui/Table.tsx";
import { useFormat } from "../useFormat.ts";
import { useHydrated } from "../useHydrated.ts";
import { chartRows } from "./chart-rows.ts";
import { FiguresDisclosure } from "../ui/FiguresDisclosure.tsx";

const ForecastChartGraphic = lazy(() => import("./ForecastChartGraphic.tsx").then((m) => ({ default: m.ForecastChartGraphic })));

type ChartProps = {
  series: Pick<SeriesView, "history" | "points" | "productLine">;
  name: string;
  currency: string;
  /** The target over its period, when the chart shows a region's total and a target is set. */
  target?: { amount: number; months: number } | null;
  testId?: string;
};

export function ForecastChart({ series, name, currency, target = null, testId = "forecast-chart" }: ChartProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const hydrated = useHydrated();
  const rows = chartRows(series);
  const monthlyTarget = target ? Math.round(target.amount / target.months) : null;
  const money = (amount: number | null) => (amount === null ? "—" : f.money({ amount, currency }));
  const loading = <p className="flex h-full items-center justify-center text-sm text-slate-400">{t("common.loadingChart")}</p>;
  return (
    <div>
      <div className="h-80 w-full" role="img" aria-label={t("forecasts.chart.label", { series: name })} data-testid={testId} data-product-line={series.productLine}>
        {hydrated ? (
          <Suspense fallback={loading}>
            <ForecastChartGraphic rows={rows} currency={currency} monthlyTarget={monthlyTarget} />
          </Suspense>
        ) : (
          loading
        )}
      </div>
      {target && monthlyTarget !== null ? <p className="mt-2 text-xs text-slate-500">{t("forecasts.chart.targetHint", { months: target.months, amount: money(monthlyTarget) })}</p> : null}
      <FiguresDisclosure>
        <div className="mt-3 max-h-96 overflow-y-auto rounded-lg ring-1 ring-slate-200">
          <Table caption={t("forecasts.chart.caption", { series: name })} testId={`${testId}-table`}>
            <thead>
              <tr>
                <Th>{t("forecasts.columns.month")}</Th>
                <Th numeric>{t("forecasts.columns.actual")}</Th>
                <Th numeric>{t("forecasts.columns.p10")}</Th>
                <Th numeric>{t("forecasts.columns.p50")}</Th>
                <Th numeric>{t("forecasts.columns.p90")}</Th>
              </tr>
            </thead>
            <TBody>
              {rows.map((row) => (
                <tr key={row.month} data-month={row.month} data-p50={row.p50 ?? ""}>
                  <RowHeader>{f.month(row.month)}</RowHeader>
                  <Td numeric>{money(row.actual)}</Td>
                  <Td numeric>{money(row.p10)}</Td>
                  <Td numeric>{money(row.p50)}</Td>
                  <Td numeric>{money(row.p90)}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        </div>
      </FiguresDisclosure>
    </div>
  );
}

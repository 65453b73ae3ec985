// Monthly sales per region: a line chart drawn in the browser once hydrated (Recharts, loaded
// lazily), with the same figures as a table for screen readers and anyone who prefers numbers.
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import type { RegionSalesSeries } from "../../../models/dashboards/lead.ts";
import { RowHeader, Table, TBody, Td, Th } from "../ui/Table.tsx";
import { useFormat } from "../useFormat.ts";
import { useHydrated } from "../useHydrated.ts";
import { FiguresDisclosure } from "../ui/FiguresDisclosure.tsx";

const SalesTrendLines = lazy(() => import("./SalesTrendLines.tsx").then((m) => ({ default: m.SalesTrendLines })));

function seriesLabel(series: RegionSalesSeries, all: readonly RegionSalesSeries[]): string {
  const shared = all.filter((s) => s.regionCode === series.regionCode).length > 1;
  return shared ? `${series.regionName} (${series.currency})` : series.regionName;
}

export function SalesTrendChart({ months, series }: { months: string[]; series: RegionSalesSeries[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const hydrated = useHydrated();
  const labels = series.map((s) => seriesLabel(s, series));
  const loading = <p className="flex h-full items-center justify-center text-sm text-slate-400">{t("common.loadingChart")}</p>;

  return (
    <div>
      <div className="h-80 w-full" role="img" aria-label={t("dashboard.lead.chartLabel")} data-testid="sales-trend-chart">
        {hydrated ? (
          <Suspense fallback={loading}>
            <SalesTrendLines months={months} series={series} labels={labels} />
          </Suspense>
        ) : (
          loading
        )}
      </div>
      <FiguresDisclosure className="mt-4 text-sm">
        <div className="mt-3 max-h-96 overflow-y-auto rounded-lg ring-1 ring-slate-200">
          <Table caption={t("dashboard.lead.trendTitle")} testId="sales-trend-table">
            <thead>
              <tr>
                <Th>{t("common.month")}</Th>
                {series.map((s, j) => <Th key={`${s.regionCode}-${s.currency}`} numeric>{labels[j]}</Th>)}
              </tr>
            </thead>
            <TBody>
              {months.map((month, i) => (
                <tr key={month}>
                  <RowHeader>{f.month(month)}</RowHeader>
                  {series.map((s) => <Td key={`${s.regionCode}-${s.currency}`} numeric>{f.money({ amount: s.amounts[i], currency: s.currency })}</Td>)}
                </tr>
              ))}
            </TBody>
          </Table>
        </div>
      </FiguresDisclosure>
    </div>
  );
}

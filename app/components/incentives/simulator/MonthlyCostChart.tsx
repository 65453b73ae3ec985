// The monthly cost of both versions: a chart drawn in the browser once hydrated, with the same
// figures as a table for screen readers and anyone who prefers numbers.
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import type { Money } from "../../../../models/money.ts";
import { useHydrated } from "../../useHydrated.ts";
import { CostTable } from "./CostTable.tsx";
import { FiguresDisclosure } from "../../ui/FiguresDisclosure.tsx";

const MonthlyCostBars = lazy(() => import("./MonthlyCostBars.tsx").then((m) => ({ default: m.MonthlyCostBars })));

export type MonthlyCost = { month: string; candidate: Money; active: Money | null };

export function MonthlyCostChart({ monthly, monthLabel }: { monthly: readonly MonthlyCost[]; monthLabel: (month: string) => string }) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const loading = <p className="flex h-full items-center justify-center text-sm text-slate-400">{t("common.loadingChart")}</p>;
  const labels = { candidate: t("simulator.columns.candidate"), active: t("simulator.columns.active") };
  return (
    <div>
      <div className="h-72 w-full" role="img" aria-label={t("simulator.chartLabel")} data-testid="simulation-chart">
        {hydrated ? (
          <Suspense fallback={loading}>
            <MonthlyCostBars monthly={monthly} labels={labels} />
          </Suspense>
        ) : (
          loading
        )}
      </div>
      <FiguresDisclosure className="mt-4 text-sm">
        <div className="mt-3 max-h-96 overflow-y-auto rounded-lg ring-1 ring-slate-200">
          <CostTable
            caption={t("simulator.monthly")}
            sliceHeader={t("common.month")}
            rows={monthly.map((point) => ({ key: point.month, label: monthLabel(point.month), candidate: point.candidate, active: point.active }))}
            testId="simulation-monthly-table"
          />
        </div>
      </FiguresDisclosure>
    </div>
  );
}

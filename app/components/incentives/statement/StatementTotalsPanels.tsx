// The statement's totals split three ways: by month (a bar chart per currency with the same
// figures as a table), by kind and by programme (manual adjustments and payouts on their own rows).
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import type { StatementTotals } from "../../../../models/incentives/statement-totals.ts";
import { Card } from "../../ui/Card.tsx";
import { RowHeader, Table, TBody, Td, Th } from "../../ui/Table.tsx";
import { useFormat } from "../../useFormat.ts";
import { useHydrated } from "../../useHydrated.ts";
import { sourceLabel } from "./labels.ts";
import { FiguresDisclosure } from "../../ui/FiguresDisclosure.tsx";

const MonthlyBars = lazy(() => import("./MonthlyBars.tsx").then((m) => ({ default: m.MonthlyBars })));

export function StatementTotalsPanels({ totals }: { totals: StatementTotals }) {
  const { t } = useTranslation();
  const f = useFormat();
  const hydrated = useHydrated();
  const currencies = [...new Set(totals.byMonth.map((m) => m.currency))];
  const labels = { earned: t("statement.totals.earned"), paid: t("statement.totals.paid") };
  const loading = <p className="flex h-full items-center justify-center text-sm text-slate-400">{t("common.loadingChart")}</p>;
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card className="lg:col-span-2" title={t("statement.totals.byMonth")} description={t("statement.totals.byMonthDescription")}>
        {currencies.map((currency) => (
          <div key={currency} className="mb-4 h-64 w-full" role="img" aria-label={`${t("statement.totals.chartLabel")} (${currency})`} data-testid={`statement-chart-${currency}`}>
            {hydrated ? (
              <Suspense fallback={loading}>
                <MonthlyBars months={totals.byMonth.filter((m) => m.currency === currency)} currency={currency} labels={labels} />
              </Suspense>
            ) : (
              loading
            )}
          </div>
        ))}
        <FiguresDisclosure className="text-sm">
          <div className="mt-3 max-h-96 overflow-y-auto rounded-lg ring-1 ring-slate-200">
            <Table caption={t("statement.totals.byMonth")} testId="statement-by-month">
              <thead>
                <tr>
                  <Th>{t("common.month")}</Th>
                  <Th numeric>{t("statement.totals.earned")}</Th>
                  <Th numeric>{t("statement.totals.paid")}</Th>
                  <Th numeric>{t("statement.totals.balance")}</Th>
                </tr>
              </thead>
              <TBody>
                {totals.byMonth.map((m) => (
                  <tr key={`${m.month}-${m.currency}`}>
                    <RowHeader>{currencies.length > 1 ? `${f.month(m.month)} (${m.currency})` : f.month(m.month)}</RowHeader>
                    <Td numeric>{f.money({ amount: m.earned, currency: m.currency })}</Td>
                    <Td numeric>{f.money({ amount: m.paid, currency: m.currency })}</Td>
                    <Td numeric>{f.money({ amount: m.balance, currency: m.currency })}</Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          </div>
        </FiguresDisclosure>
      </Card>
      <div className="space-y-6">
        <Card flush title={t("statement.totals.byKind")}>
          <Table caption={t("statement.totals.byKind")} testId="statement-by-kind">
            <thead>
              <tr>
                <Th>{t("statement.totals.kind")}</Th>
                <Th numeric>{t("statement.totals.amount")}</Th>
              </tr>
            </thead>
            <TBody>
              {totals.byKind.map((k) => (
                <tr key={`${k.kind}-${k.amount.currency}`}>
                  <RowHeader>{t(`statement.kind.${k.kind}`)}</RowHeader>
                  <Td numeric>{f.money(k.amount)}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        </Card>
        <Card flush title={t("statement.totals.byProgram")}>
          <Table caption={t("statement.totals.byProgram")} testId="statement-by-program">
            <thead>
              <tr>
                <Th>{t("statement.totals.program")}</Th>
                <Th numeric>{t("statement.totals.amount")}</Th>
              </tr>
            </thead>
            <TBody>
              {totals.byProgram.map((p) => (
                <tr key={`${p.program?.id ?? p.source}-${p.amount.currency}`}>
                  <RowHeader>{sourceLabel(t, p.program, p.source === "PROGRAM" ? "ACCRUAL" : p.source)}</RowHeader>
                  <Td numeric>{f.money(p.amount)}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        </Card>
      </div>
    </div>
  );
}

// The profile's three charts — monthly revenue, open pipeline by stage, activity by month — each
// drawn in the browser once hydrated, with the same figures as a table for anyone who prefers them.
import { lazy, type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { ACTIVITY_KINDS, type ActivityMonth, type PipelineStage, type RevenueSeries } from "../../../models/partners/profile-series.ts";
import { Card } from "../ui/Card.tsx";
import { EmptyState } from "../ui/EmptyState.tsx";
import { RowHeader, Table, TBody, Td, Th } from "../ui/Table.tsx";
import { useFormat } from "../useFormat.ts";
import { useHydrated } from "../useHydrated.ts";
import { FiguresDisclosure } from "../ui/FiguresDisclosure.tsx";

const graphics = () => import("./ProfileChartGraphics.tsx");
const RevenueBars = lazy(() => graphics().then((m) => ({ default: m.RevenueBars })));
const PipelineBars = lazy(() => graphics().then((m) => ({ default: m.PipelineBars })));
const ActivityBars = lazy(() => graphics().then((m) => ({ default: m.ActivityBars })));

function ChartFrame({ label, testId, children, table }: { label: string; testId: string; children: ReactNode; table: ReactNode }) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const loading = <p className="flex h-full items-center justify-center text-sm text-slate-400">{t("common.loadingChart")}</p>;
  return (
    <>
      <div className="h-64 w-full" role="img" aria-label={label} data-testid={testId}>
        {hydrated ? <Suspense fallback={loading}>{children}</Suspense> : loading}
      </div>
      <FiguresDisclosure>
        <div className="mt-3 max-h-80 overflow-y-auto rounded-lg ring-1 ring-slate-200">{table}</div>
      </FiguresDisclosure>
    </>
  );
}

export function RevenueChart({ series }: { series: RevenueSeries[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card title={t("partnerProfile.charts.revenueTitle")} description={t("partnerProfile.charts.revenueDescription")}>
      {series.length === 0 ? <EmptyState message={t("partnerProfile.charts.noRevenue")} testId="revenue-empty" /> : series.map((s) => (
        <ChartFrame
          key={s.currency}
          label={`${t("partnerProfile.charts.revenueLabel")} (${s.currency})`}
          testId="chart-revenue"
          table={
            <Table caption={t("partnerProfile.charts.revenueTitle")}>
              <thead><tr><Th>{t("common.month")}</Th><Th numeric>{t("partnerProfile.charts.revenue")}</Th></tr></thead>
              <TBody>
                {s.months.map((m) => (
                  <tr key={m.month}><RowHeader>{f.month(m.month)}</RowHeader><Td numeric>{f.money({ amount: m.amount, currency: s.currency })}</Td></tr>
                ))}
              </TBody>
            </Table>
          }
        >
          <RevenueBars series={s} label={t("partnerProfile.charts.revenue")} />
        </ChartFrame>
      ))}
    </Card>
  );
}

export function PipelineChart({ stages }: { stages: PipelineStage[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const currencies = [...new Set(stages.map((s) => s.currency))];
  return (
    <Card title={t("partnerProfile.charts.pipelineTitle")} description={t("partnerProfile.charts.pipelineDescription")}>
      {stages.length === 0 ? <EmptyState message={t("partnerProfile.charts.noPipeline")} testId="pipeline-empty" /> : currencies.map((currency) => (
        <ChartFrame
          key={currency}
          label={`${t("partnerProfile.charts.pipelineLabel")} (${currency})`}
          testId="chart-pipeline"
          table={
            <Table caption={t("partnerProfile.charts.pipelineTitle")}>
              <thead><tr><Th>{t("partnerProfile.charts.stage")}</Th><Th numeric>{t("partnerProfile.charts.deals")}</Th><Th numeric>{t("partnerProfile.charts.value")}</Th></tr></thead>
              <TBody>
                {stages.filter((s) => s.currency === currency).map((s) => (
                  <tr key={s.stage}>
                    <RowHeader>{t(`dealStage.${s.stage}`)}</RowHeader>
                    <Td numeric>{f.number(s.count)}</Td>
                    <Td numeric>{f.money({ amount: s.amount, currency })}</Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          }
        >
          <PipelineBars stages={stages} currency={currency} stageLabel={(stage) => t(`dealStage.${stage}`)} valueLabel={t("partnerProfile.charts.value")} />
        </ChartFrame>
      ))}
    </Card>
  );
}

export function ActivityChart({ months }: { months: ActivityMonth[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const kinds = ACTIVITY_KINDS.map((kind) => ({ kind, label: t(`partnerProfile.activityKind.${kind}`) }));
  const any = months.some((m) => Object.values(m.counts).some((n) => n > 0));
  return (
    <Card title={t("partnerProfile.charts.activityTitle")} description={t("partnerProfile.charts.activityDescription")}>
      {!any ? <EmptyState message={t("partnerProfile.charts.noActivity")} testId="activity-empty" /> : (
        <ChartFrame
          label={t("partnerProfile.charts.activityLabel")}
          testId="chart-activity"
          table={
            <Table caption={t("partnerProfile.charts.activityTitle")}>
              <thead><tr><Th>{t("common.month")}</Th>{kinds.map((k) => <Th key={k.kind} numeric>{k.label}</Th>)}</tr></thead>
              <TBody>
                {months.map((m) => (
                  <tr key={m.month}><RowHeader>{f.month(m.month)}</RowHeader>{kinds.map((k) => <Td key={k.kind} numeric>{f.number(m.counts[k.kind])}</Td>)}</tr>
                ))}
              </TBody>
            </Table>
          }
        >
          <ActivityBars months={months} kinds={kinds} />
        </ChartFrame>
      )}
    </Card>
  );
}

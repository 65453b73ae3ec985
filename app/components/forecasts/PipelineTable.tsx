// The weighted pipeline beside a region's forecast: open approved deals by expected close month ×
// win probability, said to be context (not added to the forecast), with deals not yet scored named.
import { useTranslation } from "react-i18next";
import type { RegionForecastView } from "../../../models/forecasts/read.ts";
import { Card } from "../ui/Card.tsx";
import { EmptyState } from "../ui/EmptyState.tsx";
import { RowHeader, Table, TBody, Td, Th } from "../ui/Table.tsx";
import { useFormat } from "../useFormat.ts";

export function PipelineTable({ pipeline, currency }: { pipeline: NonNullable<RegionForecastView["pipeline"]>; currency: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const months = pipeline.months.filter((m) => m.deals > 0);
  return (
    <Card title={t("forecasts.pipeline.title")} description={t("forecasts.pipeline.description")} flush>
      {months.length === 0 ? (
        <EmptyState message={t("forecasts.pipeline.empty")} testId="forecast-pipeline-empty" />
      ) : (
        <Table caption={t("forecasts.pipeline.caption")} testId="forecast-pipeline">
          <thead>
            <tr>
              <Th>{t("forecasts.columns.month")}</Th>
              <Th numeric>{t("forecasts.columns.pipeline")}</Th>
              <Th numeric>{t("forecasts.columns.deals")}</Th>
            </tr>
          </thead>
          <TBody>
            {months.map((m) => (
              <tr key={m.month}>
                <RowHeader>{f.month(m.month)}</RowHeader>
                <Td numeric>{f.money({ amount: m.amount, currency })}</Td>
                <Td numeric>{f.number(m.deals)}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
      {pipeline.unscoredDeals > 0 ? <p className="border-t border-slate-100 px-5 py-3 text-xs text-slate-500">{t("forecasts.pipeline.unscored", { count: pipeline.unscoredDeals })}</p> : null}
    </Card>
  );
}

// A region's product lines side by side: the next 12 months' forecast against the same months a
// year earlier, the model and how far off it has been; each line opens its own chart.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SeriesView } from "../../../models/forecasts/read.ts";
import { Card } from "../ui/Card.tsx";
import { RowHeader, Table, TBody, Td, Th } from "../ui/Table.tsx";
import { useFormat } from "../useFormat.ts";
import { errorPercent, modelLabel } from "./labels.ts";
import { sameMonthsLastYear } from "./totals.ts";

export function ProductLineTable({ regionCode, currency, lines, selected }: { regionCode: string; currency: string; lines: SeriesView[]; selected: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card title={t("forecasts.productLines.title")} description={t("forecasts.productLines.description")} flush>
      <Table caption={t("forecasts.productLines.caption")} testId="forecast-product-lines">
        <thead>
          <tr>
            <Th>{t("forecasts.columns.productLine")}</Th>
            <Th numeric>{t("forecasts.columns.next12")}</Th>
            <Th numeric>{t("forecasts.columns.last12")}</Th>
            <Th numeric>{t("forecasts.columns.change")}</Th>
            <Th>{t("forecasts.columns.model")}</Th>
            <Th numeric>{t("forecasts.columns.error")}</Th>
            <Th hidden>{t("forecasts.productLines.show")}</Th>
          </tr>
        </thead>
        <TBody>
          {lines.map((line) => {
            const { next, last, change } = sameMonthsLastYear(line);
            const isSelected = line.productLine === selected;
            const href = line.productLine === "" ? `/forecasts/${regionCode}` : `/forecasts/${regionCode}?line=${encodeURIComponent(line.productLine)}`;
            return (
              <tr key={line.productLine} data-product-line={line.productLine}>
                <RowHeader>{line.productLine === "" ? t("forecasts.totalSeries") : line.productLine}</RowHeader>
                <Td numeric>{f.money({ amount: next, currency })}</Td>
                <Td numeric>{last === null ? "—" : f.money({ amount: last, currency })}</Td>
                <Td numeric>{f.change(change)}</Td>
                <Td>{modelLabel(t, line.model)}</Td>
                <Td numeric>{line.backtest?.smape == null ? "—" : errorPercent(f, line.backtest.smape)}</Td>
                <Td>
                  {isSelected ? (
                    <span className="text-slate-500">{t("forecasts.productLines.shown")}</span>
                  ) : (
                    <Link to={href} className="font-medium text-brand-700 hover:underline" aria-label={`${t("forecasts.productLines.show")}: ${line.productLine || t("forecasts.totalSeries")}`}>{t("forecasts.productLines.show")}</Link>
                  )}
                </Td>
              </tr>
            );
          })}
        </TBody>
      </Table>
    </Card>
  );
}

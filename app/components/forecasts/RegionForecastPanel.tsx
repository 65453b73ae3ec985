// One region's forecast as a lead reads it: the chart (actuals, p50, p10–p90 band, target), how
// far off the forecast has been in words, its caveats, and the way to the region's details.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { RegionForecastView, SeriesView } from "../../../models/forecasts/read.ts";
import { Card } from "../ui/Card.tsx";
import { useFormat } from "../useFormat.ts";
import { ForecastAccuracy } from "./ForecastAccuracy.tsx";
import { ForecastChart } from "./ForecastChart.tsx";
import { ForecastNotes } from "./ForecastNotes.tsx";
import { seriesName } from "./labels.ts";

type PanelProps = { forecast: RegionForecastView; series?: SeriesView; detailsLink?: boolean };

export function RegionForecastPanel({ forecast, series = forecast.total, detailsLink = false }: PanelProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const { region, run } = forecast;
  const isTotal = series.productLine === "";
  const name = seriesName(region.name, series.productLine);
  const last = series.points.at(-1)?.month ?? run.firstMonth;
  return (
    <Card
      title={name}
      description={t("forecasts.runInfo", { date: f.date(run.finishedAt), from: f.month(run.firstMonth), to: f.month(last) })}
      action={detailsLink ? <Link to={`/forecasts/${region.code}`} className="font-medium text-brand-700 hover:underline">{t("forecasts.openRegion", { region: region.name })}</Link> : undefined}
    >
      <div className="space-y-4" data-testid="region-forecast" data-region={region.code} data-run-id={run.id} data-product-line={series.productLine}>
        <ForecastAccuracy model={series.model} backtest={series.backtest} />
        <ForecastChart
          series={series}
          name={name}
          currency={region.currency}
          target={isTotal && forecast.target ? { amount: forecast.target.targetAmount, months: forecast.target.forecast.months } : null}
          testId={`forecast-chart-${region.code}`}
        />
        <ForecastNotes
          notes={series.notes}
          otherCurrencyRecords={isTotal ? forecast.otherCurrencyRecords : 0}
          currency={region.currency}
          skipped={isTotal ? forecast.skipped : []}
          regionName={region.name}
        />
      </div>
    </Card>
  );
}

// The JSON shape of a region's forecast in the API (API.md: { region, runId, points: [{ month,
// p10, p50, p90 }], backtest: { mase, smape, baselineMase } }) with the fields added beside it:
// amounts in the region's currency as integer minor units.
import type { RegionForecastView, SeriesView } from "../../../models/forecasts/read.ts";

function apiSeries(series: SeriesView) {
  return { productLine: series.productLine, model: series.model, notes: series.notes, points: series.points, backtest: series.backtest, history: series.history };
}

export function toApiForecast(forecast: RegionForecastView) {
  const { region, run, total, target } = forecast;
  return {
    region: region.code,
    regionName: region.name,
    currency: region.currency,
    runId: run.id,
    finishedAt: run.finishedAt,
    asOf: run.asOf,
    horizon: run.horizon,
    model: total.model,
    notes: total.notes,
    points: total.points,
    backtest: total.backtest,
    history: total.history,
    target: target
      ? { amount: target.targetAmount, period: { from: target.forecast.from, to: target.forecast.to, months: target.forecast.months }, forecast: target.forecast.amount, gapBasisPoints: target.gapBasisPoints }
      : null,
    pipeline: forecast.pipeline,
    otherCurrencyRecords: forecast.otherCurrencyRecords,
    skipped: forecast.skipped,
    productLines: forecast.productLines.map(apiSeries),
  };
}

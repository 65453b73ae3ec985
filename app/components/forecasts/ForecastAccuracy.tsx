// How far off a forecast has been, in words, where the forecast is shown: the backtest's average
// error (sMAPE) against seasonal naive's, then MASE and how often actuals fell inside the band.
import { useTranslation } from "react-i18next";
import type { BacktestFigures } from "../../../models/forecasts/stored.ts";
import { useFormat } from "../useFormat.ts";
import { errorPercent, modelLabel, twoDecimals } from "./labels.ts";

export function ForecastAccuracy({ model, backtest, testId = "forecast-accuracy" }: { model: string; backtest: BacktestFigures | null; testId?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  let sentence: string;
  if (backtest === null) sentence = t("forecasts.accuracy.none");
  else if (backtest.smape === null) sentence = t("forecasts.accuracy.unmeasurable");
  else if (model === "seasonal-naive" || backtest.baselineSmape === null) sentence = t("forecasts.accuracy.naive", { count: backtest.origins, error: errorPercent(f, backtest.smape) });
  else sentence = t("forecasts.accuracy.compared", { count: backtest.origins, error: errorPercent(f, backtest.smape), baseline: errorPercent(f, backtest.baselineSmape) });
  const details = backtest === null
    ? []
    : [
        ...(backtest.mase === null ? [] : [t("forecasts.accuracy.details", { mase: twoDecimals(backtest.mase), baselineMase: twoDecimals(backtest.baselineMase) })]),
        ...(backtest.coverage === null ? [] : [t("forecasts.accuracy.coverage", { coverage: f.percent(backtest.coverage) })]),
      ];
  return (
    <div className="space-y-1 text-sm" data-testid={testId} data-smape={backtest?.smape ?? ""} data-baseline-smape={backtest?.baselineSmape ?? ""} data-mase={backtest?.mase ?? ""}>
      <p className="font-medium text-slate-800">{sentence}</p>
      <p className="text-slate-500">{[t("forecasts.model", { model: modelLabel(t, model) }), ...details].join(" · ")}</p>
    </div>
  );
}

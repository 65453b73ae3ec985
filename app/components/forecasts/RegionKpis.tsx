// A region's headline figures: the forecast for the target period against its target (the gap
// the regional boost reads), the next 12 months against the same months last year, and the
// backtest's average error against seasonal naive's.
import { useTranslation } from "react-i18next";
import type { RegionForecastView } from "../../../models/forecasts/read.ts";
import { Kpi, KpiGrid } from "../ui/Kpi.tsx";
import { useFormat } from "../useFormat.ts";
import { errorPercent } from "./labels.ts";
import { sameMonthsLastYear } from "./totals.ts";

export function RegionKpis({ forecast }: { forecast: RegionForecastView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { region, total, target, run } = forecast;
  const money = (amount: number) => f.money({ amount, currency: region.currency });
  const period = total.points.slice(0, run.targetPeriodMonths);
  const periodAmount = period.reduce((sum, p) => sum + p.p50, 0);
  const year = sameMonthsLastYear(total);
  const smape = total.backtest?.smape ?? null;
  const baseline = total.backtest?.baselineSmape ?? null;
  return (
    <KpiGrid label={t("forecasts.kpi.label")}>
      {period.length > 0 ? (
        <Kpi
          label={t("forecasts.kpi.targetPeriod", { from: f.month(period[0].month), to: f.month(period[period.length - 1].month) })}
          value={money(periodAmount)}
          rawValue={periodAmount}
          testId="kpi-forecast-target-period"
          tone={target && target.gapBasisPoints > 0 ? "warning" : "default"}
          hint={
            target
              ? t("forecasts.kpi.targetHint", { target: money(target.targetAmount), gap: target.gapBasisPoints === 0 ? t("forecasts.gaps.onTarget") : t("forecasts.gaps.below", { gap: f.percent(target.gapBasisPoints / 10_000) }) })
              : t("forecasts.kpi.noTargetHint")
          }
        />
      ) : null}
      <Kpi label={t("forecasts.kpi.next12")} value={money(year.next)} rawValue={year.next} testId="kpi-forecast-next12" hint={t("forecasts.kpi.next12Hint", { change: f.change(year.change) })} />
      <Kpi
        label={t("forecasts.kpi.error")}
        value={smape === null ? "—" : errorPercent(f, smape)}
        rawValue={smape ?? ""}
        testId="kpi-forecast-error"
        hint={baseline === null ? undefined : t("forecasts.kpi.errorHint", { baseline: errorPercent(f, baseline) })}
      />
    </KpiGrid>
  );
}

// The line that says how good the models behind the scores are: the run's date, the segments'
// silhouette and the churn model's AUC and Brier score. Shown wherever a score is shown.
import { useTranslation } from "react-i18next";
import type { ModelQuality as Quality } from "../../../models/partners/segment-runs.ts";
import { useFormat } from "../useFormat.ts";

const decimals = (value: number) => value.toFixed(2);

export function ModelQuality({ finishedAt, quality }: { finishedAt: string; quality: Quality }) {
  const { t } = useTranslation();
  const f = useFormat();
  const parts = [
    t("partners.quality.run", { date: f.date(finishedAt) }),
    ...(quality.silhouette === null ? [] : [t("partners.quality.silhouette", { value: decimals(quality.silhouette) })]),
    quality.churnAuc === null
      ? (quality.churnNote ?? t("partners.quality.churnUnknown"))
      : t("partners.quality.churn", { auc: decimals(quality.churnAuc), brier: quality.churnBrier === null ? "—" : decimals(quality.churnBrier) }),
  ];
  return (
    <p className="text-sm text-slate-500" data-testid="model-quality" data-silhouette={quality.silhouette ?? ""} data-auc={quality.churnAuc ?? ""}>
      {parts.join(" · ")}
    </p>
  );
}

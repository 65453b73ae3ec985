// A deal's win probability for channel managers: the percentage with a small bar, the model's
// main reasons in words, and how good the model proved on the newest closed deals it never saw.
import { useTranslation } from "react-i18next";
import type { DealStatus } from "../../../models/db/generated/enums.ts";
import type { WinProbability as WinProbabilityValue } from "../../../models/deals/queries.ts";
import type { WinModelQuality } from "../../../models/deals/win-model/score.ts";
import { Card } from "../ui/Card.tsx";
import { useFormat } from "../useFormat.ts";

type Props = { probability: WinProbabilityValue | null; status: DealStatus; quality: WinModelQuality | null };

function barColor(p: number): string {
  return p >= 0.6 ? "bg-emerald-500" : p >= 0.35 ? "bg-amber-500" : "bg-rose-500";
}

export function WinProbability({ probability, status, quality }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const open = status === "SUBMITTED" || status === "APPROVED";
  return (
    <Card title={t("winProbability.title")}>
      <div className="space-y-4 text-sm" data-testid="win-probability" data-value={probability?.value ?? ""}>
        {probability ? (
          <>
            <div>
              <p className="flex items-baseline gap-2">
                <span className="text-2xl font-semibold tabular-nums text-slate-900">{f.percent(probability.value)}</span>
                <span className="sr-only">{t("winProbability.chance", { percent: f.percent(probability.value) })}</span>
              </p>
              <div className="mt-2 h-2 w-full overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
                <div className={`h-full rounded-full ${barColor(probability.value)}`} style={{ width: `${Math.round(probability.value * 100)}%` }} />
              </div>
              {open ? null : <p className="mt-2 text-slate-500">{t("winProbability.lastEstimate")}</p>}
            </div>
            {probability.reasons.length > 0 ? (
              <div>
                <h3 className="font-medium text-slate-700">{t("winProbability.reasons")}</h3>
                <ul className="mt-1 list-disc space-y-1 pl-5 text-slate-700" data-testid="win-reasons">
                  {probability.reasons.map((reason) => <li key={reason}>{reason}</li>)}
                </ul>
              </div>
            ) : null}
          </>
        ) : (
          <p className="text-slate-500">{t("winProbability.notScored")}</p>
        )}
        <p className="border-t border-slate-100 pt-3 text-xs text-slate-500" data-testid="win-model-quality">
          {quality
            ? <>
                {quality.auc === null ? null : t("winProbability.quality", { auc: f.number(Math.round(quality.auc * 100) / 100), count: quality.nTest, date: f.date(quality.trainedAt) })}
                {quality.brier === null ? null : <> {t("winProbability.brier", { brier: f.number(Math.round(quality.brier * 1000) / 1000) })}</>}
              </>
            : t("winProbability.noModel")}
        </p>
      </div>
    </Card>
  );
}

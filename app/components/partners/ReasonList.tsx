// A model's reasons for a score, in words, strongest first; the arrow is the feature's direction.
import { useTranslation } from "react-i18next";
import type { ScoreReason } from "../../../models/partners/segment-runs.ts";

export function ReasonList({ reasons, testId }: { reasons: ScoreReason[]; testId: string }) {
  const { t } = useTranslation();
  if (reasons.length === 0) return <p className="text-sm text-slate-500">{t("partnerProfile.scores.noReasons")}</p>;
  const sorted = [...reasons].sort((a, b) => Math.abs(b.weight ?? 0) - Math.abs(a.weight ?? 0));
  return (
    <ul className="space-y-1.5 text-sm text-slate-700" data-testid={testId}>
      {sorted.map((reason, i) => (
        <li key={i} className="flex gap-2" data-testid="reason" data-feature={reason.feature ?? ""}>
          <span aria-hidden="true" className="text-slate-400">
            {reason.direction === "down" ? "▼" : reason.direction === "up" ? "▲" : "•"}
          </span>
          <span>{reason.text}</span>
        </li>
      ))}
    </ul>
  );
}

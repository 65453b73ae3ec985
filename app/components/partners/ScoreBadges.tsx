// Badges for what the models say about a partner: its segment, its health band (with the score)
// and its churn risk as a percentage. The words always say it; colour only helps.
import { useTranslation } from "react-i18next";
import type { HealthBand } from "../../../models/partners/health-bands.ts";
import { Badge } from "../ui/Badge.tsx";
import { useFormat } from "../useFormat.ts";

const bandTones = { healthy: "green", watch: "amber", "at-risk": "red" } as const;

export function HealthBandBadge({ band, score }: { band: HealthBand; score?: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const label = t(`partners.band.${band}`);
  return (
    <span data-testid="health-band" data-band={band} data-value={score}>
      <Badge tone={bandTones[band]}>{score === undefined ? label : t("partners.healthValue", { band: label, score: f.number(Math.round(score)) })}</Badge>
    </span>
  );
}

export function SegmentBadge({ label }: { label: string }) {
  return (
    <span data-testid="segment-badge" data-segment={label}>
      <Badge tone="violet">{label}</Badge>
    </span>
  );
}

/** Churn risk 0..1 as a percentage, red from 50 %, amber from 25 %. */
export function ChurnRisk({ risk }: { risk: number }) {
  const f = useFormat();
  const tone = risk >= 0.5 ? "text-red-700" : risk >= 0.25 ? "text-amber-700" : "text-slate-700";
  return (
    <span className={`font-medium tabular-nums ${tone}`} data-testid="churn-risk" data-value={risk}>
      {f.percent(risk)}
    </span>
  );
}

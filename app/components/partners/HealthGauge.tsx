// A half-circle gauge of the health score (0–100), drawn as plain SVG so it shows without
// JavaScript; the band's colour fills the arc and the number and band are written beside it.
import { useTranslation } from "react-i18next";
import type { HealthBand } from "../../../models/partners/health-bands.ts";
import { useFormat } from "../useFormat.ts";

const colours: Record<HealthBand, string> = { healthy: "#059669", watch: "#d97706", "at-risk": "#dc2626" };
const RADIUS = 40;
const ARC = Math.PI * RADIUS;

export function HealthGauge({ score, band }: { score: number; band: HealthBand }) {
  const { t } = useTranslation();
  const f = useFormat();
  const clamped = Math.max(0, Math.min(100, score));
  const rounded = f.number(Math.round(clamped));
  return (
    <svg viewBox="0 0 100 58" className="h-24 w-40" role="img" aria-label={t("partnerProfile.scores.gaugeLabel", { score: rounded, band: t(`partners.band.${band}`) })} data-testid="health-gauge" data-value={score}>
      <path d="M 10 50 A 40 40 0 0 1 90 50" fill="none" stroke="#e2e8f0" strokeWidth="10" strokeLinecap="round" />
      <path d="M 10 50 A 40 40 0 0 1 90 50" fill="none" stroke={colours[band]} strokeWidth="10" strokeLinecap="round" strokeDasharray={`${(clamped / 100) * ARC} ${ARC}`} />
      <text x="50" y="48" textAnchor="middle" className="fill-slate-900 text-[18px] font-semibold">{rounded}</text>
    </svg>
  );
}

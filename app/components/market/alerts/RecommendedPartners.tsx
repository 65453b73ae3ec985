// A tender's recommended partners, best first, each with its fit and the reasons for it, and the
// "forward to a partner" form beside them.
import { useTranslation } from "react-i18next";
import type { AlertView } from "../../../../models/market/alert-inbox.ts";
import { useFormat } from "../../useFormat.ts";
import type { AlertActionResult } from "./action-result.ts";
import { ForwardForm } from "./ForwardForm.tsx";

export function RecommendedPartners({ alert, result }: { alert: AlertView; result: AlertActionResult | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const partners = alert.recommendedPartners;
  const forwardResult = result?.intent === "forward" && result.alertId === alert.id ? result : null;
  return (
    <section className="mt-4" aria-labelledby={`recommended-${alert.id}`}>
      <h3 id={`recommended-${alert.id}`} className="text-sm font-semibold text-slate-900">{t("alerts.recommended")}</h3>
      <p className="text-xs text-slate-500">{t("alerts.recommendedHint")}</p>
      {partners.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t("alerts.noRecommendations")}</p>
      ) : (
        <ol className="mt-2 divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200" data-testid="recommended-partners">
          {partners.map((p) => (
            <li key={p.partnerOrgId} className="px-4 py-2.5" data-partner-id={p.partnerOrgId}>
              <p className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
                <span className="font-medium text-slate-900">{p.name}</span>
                <span className="text-xs text-slate-600" data-value={p.score}>{t("alerts.fit", { value: f.percent(p.score) })}</span>
              </p>
              <ul className="mt-1 list-disc pl-5 text-xs text-slate-600">
                {p.reasons.map((reason) => <li key={reason}>{reason}</li>)}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {partners.length > 0 ? (
        <ForwardForm alertId={alert.id} partners={partners} forwardedIds={alert.forwards.map((fw) => fw.partnerOrgId)} result={forwardResult} />
      ) : null}
    </section>
  );
}

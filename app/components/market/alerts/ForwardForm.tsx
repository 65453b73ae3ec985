// "Forward to a partner": pick one of the recommended partners and add a note. A plain form (works
// before JavaScript loads); after a refusal it shows why and keeps what was typed.
import { useTranslation } from "react-i18next";
import { Form, useNavigation } from "react-router";
import type { RecommendedPartner } from "../../../../models/market/recommend.ts";
import { useFormat } from "../../useFormat.ts";
import type { AlertActionResult } from "./action-result.ts";

const input = "mt-1 block w-full rounded-md border-0 py-1.5 pl-3 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600";

type Props = {
  alertId: string;
  partners: readonly RecommendedPartner[];
  forwardedIds: readonly string[];
  /** The last action, when it was a forward of this alert. */
  result: Extract<AlertActionResult, { intent: "forward" }> | null;
};

export function ForwardForm({ alertId, partners, forwardedIds, result }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("alertId") === alertId;
  const failed = result && !result.ok ? result : null;
  const values = failed?.values ?? { partnerOrgId: "", note: "" };
  const errors = failed?.errors ?? {};
  const id = (field: string) => `forward-${alertId}-${field}`;
  return (
    <Form method="post" className="mt-4 space-y-3 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200" data-testid="forward-form" key={result?.ok ? "sent" : "editing"} noValidate>
      <h4 className="text-sm font-semibold text-slate-900">{t("alerts.forwardTitle")}</h4>
      <input type="hidden" name="intent" value="forward" />
      <input type="hidden" name="alertId" value={alertId} />
      <div role="status" aria-live="polite" className="empty:hidden">
        {result?.ok ? (
          <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200" data-testid="forward-sent">
            {t("alerts.forwardSent", { name: result.partnerName, count: result.recipients, formatted: f.number(result.recipients) })}
          </p>
        ) : failed ? (
          <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200" data-testid="forward-error">
            {t("alerts.forwardFailed", { message: failed.message })}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor={id("partner")} className="block text-sm font-medium text-slate-700">{t("alerts.forwardPartner")}</label>
        <select
          id={id("partner")}
          name="partnerOrgId"
          defaultValue={values.partnerOrgId}
          className={input}
          aria-invalid={errors.partnerOrgId ? true : undefined}
          aria-describedby={errors.partnerOrgId ? id("partner-error") : undefined}
        >
          <option value="">{t("alerts.forwardChoose")}</option>
          {partners.map((p) => (
            <option key={p.partnerOrgId} value={p.partnerOrgId} disabled={forwardedIds.includes(p.partnerOrgId)}>
              {forwardedIds.includes(p.partnerOrgId) ? `${p.name} (${t("alerts.forwards")})` : p.name}
            </option>
          ))}
        </select>
        {errors.partnerOrgId ? <p id={id("partner-error")} className="mt-1 text-sm text-red-600">{errors.partnerOrgId}</p> : null}
      </div>
      <div>
        <label htmlFor={id("note")} className="block text-sm font-medium text-slate-700">{t("alerts.forwardNote")}</label>
        <textarea
          id={id("note")}
          name="note"
          rows={3}
          maxLength={1000}
          defaultValue={values.note}
          className={input}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={id("note-hint")}
        />
        <p id={id("note-hint")} className={`mt-1 text-sm ${errors.note ? "text-red-600" : "text-slate-500"}`}>{errors.note ?? t("alerts.forwardNoteHint")}</p>
      </div>
      <button type="submit" disabled={busy} className="rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60">
        {t("alerts.forwardSubmit")}
      </button>
    </Form>
  );
}

// What the last "mark as read" did, announced politely; a forward's outcome shows in its own form.
import { useTranslation } from "react-i18next";
import { useFormat } from "../../useFormat.ts";
import type { AlertActionResult } from "./action-result.ts";

export function ActionMessage({ result }: { result: AlertActionResult | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  let message: { ok: boolean; text: string } | null = null;
  if (result?.intent === "read-all") {
    message = { ok: true, text: result.updated > 0 ? t("alerts.markedRead", { count: result.updated, formatted: f.number(result.updated) }) : t("alerts.nothingToMark") };
  } else if (result?.intent === "read") {
    message = result.ok ? { ok: true, text: t("alerts.readDone") } : { ok: false, text: t("alerts.notFound") };
  } else if (result?.intent === "invalid") {
    message = { ok: false, text: t("alerts.invalidRequest") };
  }
  return (
    <div role="status" aria-live="polite" className="mb-6 empty:hidden">
      {message ? (
        <p data-testid="alert-action-result" className={`rounded-lg px-4 py-3 text-sm ring-1 ${message.ok ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-red-50 text-red-800 ring-red-200"}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}

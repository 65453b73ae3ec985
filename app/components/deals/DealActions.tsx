// What the user may do to a deal from its status: a partner closes it (won or lost, with the
// final value) or asks for an extension; a manager approves, rejects with a reason, or decides
// an extension request. Plain forms posting to the deal page's action.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Form, useActionData, useNavigation } from "react-router";
import type { DealDetail } from "../../../models/deals/queries.ts";
import type { DealActionOutcome } from "../../deals.server.ts";
import { Card } from "../ui/Card.tsx";

type Permissions = { review: boolean; close: boolean; requestExtension: boolean };

type DoneIntent = "approve" | "reject" | "close" | "extend" | "reopen" | "refund";

const inputClass = "block w-full rounded-md border-0 px-3 py-1.5 text-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600";
const button = (tone: "green" | "red" | "neutral" | "brand") =>
  `rounded-md px-3 py-1.5 text-sm font-semibold shadow-sm disabled:opacity-60 ${
    tone === "green" ? "bg-emerald-600 text-white hover:bg-emerald-700"
    : tone === "red" ? "bg-white text-red-700 ring-1 ring-red-300 hover:bg-red-50"
    : tone === "brand" ? "bg-brand-600 text-white hover:bg-brand-700"
    : "bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
  }`;

function Section({ children }: { children: ReactNode }) {
  return <div className="space-y-2 border-t border-slate-100 pt-4 first:border-t-0 first:pt-0">{children}</div>;
}

/** A labelled input; `form` keeps ids unique when two forms on the page share a field name. */
function TextField({ name, label, required = false, form = "action" }: { name: string; label: string; required?: boolean; form?: string }) {
  return (
    <div>
      <label htmlFor={`${form}-${name}`} className="block text-xs font-medium text-slate-600">{label}</label>
      <input id={`${form}-${name}`} name={name} required={required} className={inputClass} />
    </div>
  );
}

export function DealActions({ deal, can }: { deal: Pick<DealDetail, "status" | "extensionRequest" | "value" | "closedValue">; can: Permissions }) {
  const { t } = useTranslation();
  const result = useActionData<DealActionOutcome>();
  const busy = useNavigation().state === "submitting";
  const submitted = deal.status === "SUBMITTED";
  const approved = deal.status === "APPROVED";
  const sections: ReactNode[] = [];

  if (can.review && submitted) {
    sections.push(
      <Section key="decide">
        <Form method="post" className="space-y-2">
          <TextField name="note" label={t("dealActions.approveNote")} />
          <button type="submit" name="intent" value="approve" disabled={busy} className={button("green")} data-testid="approve-deal">{t("dealActions.approve")}</button>
        </Form>
        <Form method="post" className="space-y-2">
          <TextField name="reason" label={t("dealActions.rejectReason")} required />
          <button type="submit" name="intent" value="reject" disabled={busy} className={button("red")} data-testid="reject-deal">{t("dealActions.reject")}</button>
        </Form>
      </Section>,
    );
  }
  if (can.review && approved && deal.extensionRequest) {
    sections.push(
      <Section key="extension-decision">
        <Form method="post" className="space-y-2">
          <input type="hidden" name="intent" value="decide-extension" />
          <TextField name="note" label={t("dealActions.decisionNote")} />
          <div className="flex gap-2">
            <button type="submit" name="decision" value="approve" disabled={busy} className={button("green")}>{t("dealActions.approveExtension")}</button>
            <button type="submit" name="decision" value="refuse" disabled={busy} className={button("red")}>{t("dealActions.refuseExtension")}</button>
          </div>
        </Form>
      </Section>,
    );
  }
  if (can.close && approved) {
    sections.push(
      <Section key="close">
        <Form method="post" className="space-y-2">
          <input type="hidden" name="intent" value="close" />
          <input type="hidden" name="currency" value={deal.value.currency} />
          <TextField name="amount" label={t("dealActions.finalValue", { currency: deal.value.currency })} />
          <p className="text-xs text-slate-500">{t("dealActions.finalValueHint")}</p>
          <div className="flex gap-2">
            <button type="submit" name="outcome" value="WON" disabled={busy} className={button("green")} data-testid="close-won">{t("dealActions.closeWon")}</button>
            <button type="submit" name="outcome" value="LOST" disabled={busy} className={button("neutral")} data-testid="close-lost">{t("dealActions.closeLost")}</button>
          </div>
        </Form>
      </Section>,
    );
  }
  if (can.review && (deal.status === "WON" || deal.status === "LOST")) {
    const currency = deal.closedValue?.currency ?? deal.value.currency;
    sections.push(
      <Section key="correct">
        <h3 className="text-sm font-semibold text-slate-800">{t("dealActions.correctionTitle")}</h3>
        <p className="text-xs text-slate-500">{t("dealActions.correctionHint")}</p>
        {deal.status === "WON" ? (
          <Form method="post" className="space-y-2">
            <input type="hidden" name="currency" value={currency} />
            <TextField form="refund" name="amount" label={t("dealActions.refundAmount", { currency })} required />
            <TextField form="refund" name="reason" label={t("dealActions.refundReason")} required />
            <button type="submit" name="intent" value="refund" disabled={busy} className={button("neutral")} data-testid="refund-deal">{t("dealActions.refund")}</button>
          </Form>
        ) : null}
        <Form method="post" className="space-y-2">
          <TextField form="reopen" name="reason" label={t("dealActions.reopenReason")} required />
          <button type="submit" name="intent" value="reopen" disabled={busy} className={button("red")} data-testid="reopen-deal">{t("dealActions.reopen")}</button>
        </Form>
      </Section>,
    );
  }
  if (can.requestExtension && approved && !deal.extensionRequest) {
    sections.push(
      <Section key="extend">
        <Form method="post" className="space-y-2">
          <TextField name="reason" label={t("dealActions.extensionReason")} required />
          <button type="submit" name="intent" value="extend" disabled={busy} className={button("brand")} data-testid="request-extension">{t("dealActions.requestExtension")}</button>
        </Form>
      </Section>,
    );
  }

  const message = !result
    ? null
    : result.ok
      ? t(`deal.done.${result.intent === "decide-extension" ? "extension" : (result.intent as DoneIntent)}`)
      : result.error === "invalid"
        ? Object.values(result.fields).join(" ") || t("dealActions.refused")
        : t(`dealActions.${result.error}`);

  return (
    <Card title={t("deal.actions")}>
      {message ? (
        <p role={result?.ok ? "status" : "alert"} className={`mb-4 rounded-md px-3 py-2 text-sm ${result?.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`} data-testid="action-message">
          {message}
        </p>
      ) : null}
      {sections.length > 0 ? <div className="space-y-4">{sections}</div> : <p className="text-sm text-slate-500">{t("deal.noActions")}</p>}
    </Card>
  );
}

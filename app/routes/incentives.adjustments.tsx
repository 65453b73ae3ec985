// Manual adjustments and payouts (channel managers, admins): pick a partner, see their balance,
// credit or debit it with a reason the partner will read, or record a payout. Field errors keep
// what was typed; a clientRequestId fixed per form makes a double submission write once.
import { useTranslation } from "react-i18next";
import { data, Form, Link, useNavigation, type ShouldRevalidateFunctionArgs } from "react-router";
import { can } from "../../models/auth/permissions.ts";
import { db } from "../../models/db/client.ts";
import { listManualEntries, ManualEntryError, partnerBalances, recordManualEntry } from "../../models/incentives/adjustments.ts";
import { findVisiblePartnerOrg, searchPartnerOrgs } from "../../models/partners/directory.ts";
import { clientIp, requireUser } from "../auth.server.ts";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { errorTitle, pageTitle } from "../components/pageTitle.ts";
import { Card } from "../components/ui/Card.tsx";
import { EmptyState } from "../components/ui/EmptyState.tsx";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import { useFormat } from "../components/useFormat.ts";
import { toMinorUnits } from "../lib/money-input.ts";
import type { Route } from "./+types/incentives.adjustments";

const CURRENCIES = ["EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK"] as const;
type Intent = "ADJUSTMENT" | "PAYOUT";
type Field = "amount" | "currency" | "reason" | "reference" | "direction" | "partnerOrgId";

export function meta({ matches, error }: Route.MetaArgs) {
  return error ? errorTitle(matches, error) : pageTitle(matches, "adjustments.title");
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  if (!can(user, "incentives:manage")) throw data(null, { status: 403 });
  const url = new URL(request.url);
  const query = url.searchParams.get("q") ?? "";
  const partnerOrgId = url.searchParams.get("partnerOrgId") ?? "";
  const partner = partnerOrgId ? await findVisiblePartnerOrg(db, user, partnerOrgId) : null;
  if (partnerOrgId && partner === null) throw data(null, { status: 404 });
  return {
    query,
    choices: partner === null ? await searchPartnerOrgs(db, user, query) : [],
    partner,
    balances: partner === null ? [] : await partnerBalances(db, partner.id),
    recent: partner === null ? [] : ((await listManualEntries(db, user, { partnerOrgId: partner.id, page: 1, pageSize: 20 }))?.items ?? []),
    clientRequestIds: { ADJUSTMENT: crypto.randomUUID(), PAYOUT: crypto.randomUUID() },
  };
}

/** Keep the clientRequestIds after a refused submission (it wrote nothing); new ones after a success. */
export function shouldRevalidate({ formMethod, actionResult, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  if (formMethod === "POST") return (actionResult as { saved?: boolean } | undefined)?.saved === true;
  return defaultShouldRevalidate;
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** The model's field paths ("amount.amount") as this form's fields. */
function formField(path: string): Field {
  if (path === "amount.amount") return "amount";
  if (path === "amount.currency") return "currency";
  return (["reason", "reference", "direction", "partnerOrgId"] as const).find((f) => f === path) ?? "amount";
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser(request, context);
  if (!can(user, "incentives:manage")) throw data(null, { status: 403 });
  const form = await request.formData();
  const intent: Intent = text(form, "intent") === "PAYOUT" ? "PAYOUT" : "ADJUSTMENT";
  const values = Object.fromEntries(["amount", "currency", "reason", "reference", "direction", "clientRequestId"].map((k) => [k, text(form, k)]));
  const currency = values.currency || "EUR";
  const cents = toMinorUnits(values.amount, currency);
  const errors: Partial<Record<Field, string>> = {};
  if (cents === null) errors.amount = "amount";
  try {
    if (cents !== null) {
      const { entry } = await recordManualEntry(
        db,
        user,
        {
          kind: intent,
          partnerOrgId: text(form, "partnerOrgId"),
          direction: values.direction,
          amount: { amount: cents, currency },
          reason: intent === "PAYOUT" && values.reason.trim() === "" ? undefined : values.reason,
          reference: values.reference,
          clientRequestId: values.clientRequestId || undefined,
        },
        { ipAddress: clientIp(context) },
      );
      return { saved: true as const, intent, entry, errors, values: {} as Record<string, string> };
    }
  } catch (error) {
    if (!(error instanceof ManualEntryError) || error.status === 403) throw error;
    for (const [path, message] of Object.entries(error.fields ?? { amount: error.message })) errors[formField(path)] = message;
  }
  return data({ saved: false as const, intent, entry: null, errors, values }, { status: 422 });
}

const input = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500";

export default function AdjustmentsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const { partner, choices, query, balances, recent, clientRequestIds } = loaderData;

  if (partner === null) {
    return (
      <div className="space-y-6">
        <PageHeader title={t("adjustments.title")} subtitle={t("adjustments.subtitle")} />
        <Card title={t("adjustments.pickPartner")}>
          <Form method="get" className="flex flex-wrap items-end gap-2" role="search">
            <div className="min-w-64 flex-1">
              <label htmlFor="q" className="block text-sm font-medium">{t("adjustments.searchLabel")}</label>
              <input id="q" name="q" type="search" defaultValue={query} className={input} />
            </div>
            <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">{t("adjustments.search")}</button>
          </Form>
          {choices.length === 0 ? (
            <EmptyState message={t("adjustments.noPartners")} />
          ) : (
            <ul className="mt-4 divide-y divide-slate-100" data-testid="partner-choices">
              {choices.map((choice) => (
                <li key={choice.id} className="py-2">
                  <Link to={`?partnerOrgId=${choice.id}`} className="font-medium text-brand-700 hover:underline">{choice.name}</Link>
                  <span className="ml-2 text-sm text-slate-500">{choice.regionCode} · {f.country(choice.country)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("adjustments.title")}
        subtitle={partner.name}
        eyebrow={<Link to="/incentives/adjustments" className="text-brand-700 hover:underline">{t("adjustments.changePartner")}</Link>}
        actions={<Link to={`/incentives?partnerOrgId=${partner.id}`} className="rounded-md px-3 py-2 text-sm font-medium text-brand-700 ring-1 ring-brand-200 hover:bg-brand-50">{t("adjustments.viewStatement")}</Link>}
      />
      <Card title={t("adjustments.balance")}>
        <p className="text-2xl font-semibold" data-testid="partner-balance" data-value={balances.map((b) => `${b.currency}:${b.amount}`).join(" ")}>
          {f.moneyLines(balances).join(" · ")}
        </p>
      </Card>
      {actionData?.saved ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t(actionData.intent === "PAYOUT" ? "adjustments.savedPayout" : "adjustments.savedAdjustment", { amount: f.money(actionData.entry.amount) })}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <EntryForm intent="ADJUSTMENT" partnerOrgId={partner.id} clientRequestId={clientRequestIds.ADJUSTMENT} actionData={actionData} />
        <EntryForm intent="PAYOUT" partnerOrgId={partner.id} clientRequestId={clientRequestIds.PAYOUT} actionData={actionData} />
      </div>
      <Card title={t("adjustments.recent")} flush>
        {recent.length === 0 ? (
          <EmptyState message={t("adjustments.noEntries")} />
        ) : (
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="manual-entries">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{t("adjustments.columns.date")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("adjustments.columns.kind")}</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">{t("adjustments.columns.amount")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("adjustments.columns.explanation")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {recent.map((entry) => (
                <tr key={entry.id}>
                  <td className="px-4 py-2 whitespace-nowrap">{f.date(entry.occurredAt)}</td>
                  <td className="px-4 py-2">{t(`adjustments.kinds.${entry.kind}`)}</td>
                  <td className={`px-4 py-2 text-right whitespace-nowrap tabular-nums ${entry.amount.amount < 0 ? "text-red-700" : "text-emerald-700"}`}>{f.money(entry.amount)}</td>
                  <td className="px-4 py-2">{entry.explanation}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}

type ActionData = Route.ComponentProps["actionData"];

function EntryForm({ intent, partnerOrgId, clientRequestId, actionData }: { intent: Intent; partnerOrgId: string; clientRequestId: string; actionData: ActionData }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const mine = actionData?.intent === intent;
  const failed = mine && !actionData.saved;
  const values: Record<string, string> = failed ? actionData.values : {};
  const errors: Partial<Record<Field, string>> = failed ? actionData.errors : {};
  const id = (name: string) => `${intent.toLowerCase()}-${name}`;
  const hint = (name: Field, fallback?: string) =>
    errors[name] ? (
      <p id={id(`${name}-error`)} className="mt-1 text-sm text-red-600">{errors[name] === "amount" ? t("adjustments.errors.amount") : errors[name]}</p>
    ) : fallback ? (
      <p className="mt-1 text-sm text-slate-500">{fallback}</p>
    ) : null;
  const invalid = (name: Field) => (errors[name] ? { "aria-invalid": true as const, "aria-describedby": id(`${name}-error`) } : {});
  return (
    <Card title={t(intent === "PAYOUT" ? "adjustments.payoutTitle" : "adjustments.adjustmentTitle")} description={t(intent === "PAYOUT" ? "adjustments.payoutHelp" : "adjustments.adjustmentHelp")}>
      <Form method="post" className="space-y-4" noValidate data-testid={`${intent.toLowerCase()}-form`}>
        {failed ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{t("adjustments.fixErrors")}</p> : null}
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="partnerOrgId" value={partnerOrgId} />
        <input type="hidden" name="clientRequestId" value={failed ? (values.clientRequestId ?? clientRequestId) : clientRequestId} />
        {intent === "ADJUSTMENT" ? (
          <fieldset>
            <legend className="text-sm font-medium">{t("adjustments.direction")}</legend>
            <div className="mt-1 flex gap-4 text-sm">
              {(["CREDIT", "DEBIT"] as const).map((direction) => (
                <label key={direction} className="flex items-center gap-2">
                  <input type="radio" name="direction" value={direction} defaultChecked={(values.direction || "CREDIT") === direction} />
                  {t(`adjustments.directions.${direction}`)}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        <div className="flex gap-2">
          <div className="flex-1">
            <label htmlFor={id("amount")} className="block text-sm font-medium">{t("adjustments.amount")}</label>
            <input id={id("amount")} name="amount" inputMode="decimal" defaultValue={values.amount} className={input} {...invalid("amount")} />
          </div>
          <div>
            <label htmlFor={id("currency")} className="block text-sm font-medium">{t("adjustments.currency")}</label>
            <select id={id("currency")} name="currency" defaultValue={values.currency || "EUR"} className={input} {...invalid("currency")}>
              {CURRENCIES.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </div>
        </div>
        {hint("amount")}
        {hint("currency")}
        {intent === "PAYOUT" ? (
          <div>
            <label htmlFor={id("reference")} className="block text-sm font-medium">{t("adjustments.reference")}</label>
            <input id={id("reference")} name="reference" defaultValue={values.reference} className={input} {...invalid("reference")} />
            {hint("reference", t("adjustments.referenceHint"))}
          </div>
        ) : null}
        <div>
          <label htmlFor={id("reason")} className="block text-sm font-medium">{t(intent === "PAYOUT" ? "adjustments.note" : "adjustments.reason")}</label>
          <textarea id={id("reason")} name="reason" rows={3} defaultValue={values.reason} className={input} {...invalid("reason")} />
          {hint("reason", intent === "PAYOUT" ? undefined : t("adjustments.reasonHint"))}
        </div>
        {hint("partnerOrgId")}
        <button type="submit" disabled={navigation.state === "submitting"} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
          {t(intent === "PAYOUT" ? "adjustments.recordPayout" : "adjustments.recordAdjustment")}
        </button>
      </Form>
    </Card>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

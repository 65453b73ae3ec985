// The deal registration program's rules, for channel managers and admins: review SLA, the
// auto-approval threshold, protection period and extension length. Audited; bad values are
// refused field by field and the form keeps what was typed.
import { useTranslation } from "react-i18next";
import { data, Form, useNavigation } from "react-router";
import { can } from "../../models/auth/permissions.ts";
import { db } from "../../models/db/client.ts";
import { getDealSettings, updateDealSettings } from "../../models/deals/settings.ts";
import { DealValidationError } from "../../models/deals/transitions.ts";
import { requireUser } from "../auth.server.ts";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { errorTitle, pageTitle } from "../components/pageTitle.ts";
import { Card } from "../components/ui/Card.tsx";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import { fromMinorUnits, toMinorUnits } from "../lib/money-input.ts";
import type { Route } from "./+types/settings.deals";

const CURRENCIES = ["EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK"] as const;
type Field = "reviewSlaHours" | "protectionDays" | "extensionDays" | "autoApproveBelow";

export function meta({ matches, error }: Route.MetaArgs) {
  return error ? errorTitle(matches, error) : pageTitle(matches, "dealSettings.title");
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  if (!can(user, "deals:configure")) throw data(null, { status: 403 });
  const settings = await getDealSettings(db);
  return {
    values: {
      reviewSlaHours: String(settings.reviewSlaHours),
      protectionDays: String(settings.protectionDays),
      extensionDays: String(settings.extensionDays),
      autoApprove: settings.autoApproveBelow ? "on" : "",
      autoApproveAmount: settings.autoApproveBelow ? fromMinorUnits(settings.autoApproveBelow.amount, settings.autoApproveBelow.currency) : "",
      autoApproveCurrency: settings.autoApproveBelow?.currency ?? "EUR",
    },
  };
}

const wholeNumber = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser(request, context);
  if (!can(user, "deals:configure")) throw data(null, { status: 403 });
  const form = await request.formData();
  const values = Object.fromEntries(["reviewSlaHours", "protectionDays", "extensionDays", "autoApprove", "autoApproveAmount", "autoApproveCurrency"].map((k) => [k, String(form.get(k) ?? "")]));
  const currency = values.autoApproveCurrency || "EUR";
  const amount = values.autoApprove ? toMinorUnits(values.autoApproveAmount, currency) : null;
  const errors: Partial<Record<Field, true>> = {};
  if (values.autoApprove && amount === null) errors.autoApproveBelow = true;
  try {
    if (!errors.autoApproveBelow) {
      await updateDealSettings(db, user, {
        reviewSlaHours: wholeNumber(values.reviewSlaHours),
        protectionDays: wholeNumber(values.protectionDays),
        extensionDays: wholeNumber(values.extensionDays),
        autoApproveBelow: amount === null ? null : { amount, currency },
      });
      return { saved: true, errors, values };
    }
  } catch (error) {
    if (!(error instanceof DealValidationError)) throw error;
    for (const key of Object.keys(error.fields)) errors[key.split(".")[0] as Field] = true;
  }
  return data({ saved: false, errors, values }, { status: 422 });
}

export default function DealSettingsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const values = actionData?.values ?? loaderData.values;
  const errors = actionData?.errors ?? {};
  const input = "mt-1 block w-40 rounded-md border border-slate-300 px-3 py-2 shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500";
  const numberField = (name: "reviewSlaHours" | "protectionDays" | "extensionDays") => (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">{t(`dealSettings.${name}`)}</label>
      <input id={name} name={name} inputMode="numeric" defaultValue={values[name]} aria-invalid={errors[name] ? true : undefined} aria-describedby={`${name}-hint`} className={input} />
      <p id={`${name}-hint`} className={`mt-1 text-sm ${errors[name] ? "text-red-600" : "text-slate-500"}`}>
        {errors[name] ? t(`dealSettings.errors.${name}`) : t(`dealSettings.hints.${name}`)}
      </p>
    </div>
  );
  return (
    <div className="space-y-6">
      <PageHeader title={t("dealSettings.title")} subtitle={t("dealSettings.subtitle")} />
      <Card title={t("dealSettings.cardTitle")}>
        <Form method="post" className="space-y-6" noValidate data-testid="deal-settings-form">
          {actionData?.saved ? <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t("dealSettings.saved")}</p> : null}
          {actionData && !actionData.saved ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{t("dealSettings.fixErrors")}</p> : null}
          {numberField("reviewSlaHours")}
          {numberField("protectionDays")}
          {numberField("extensionDays")}
          <fieldset>
            <legend className="text-sm font-medium">{t("dealSettings.autoApprove")}</legend>
            <label className="mt-2 flex items-center gap-2 text-sm">
              <input type="checkbox" name="autoApprove" defaultChecked={values.autoApprove === "on"} className="h-4 w-4 rounded border-slate-300" />
              {t("dealSettings.autoApproveOn")}
            </label>
            <div className="mt-2 flex items-end gap-2">
              <div>
                <label htmlFor="autoApproveAmount" className="block text-sm">{t("dealSettings.autoApproveBelow")}</label>
                <input id="autoApproveAmount" name="autoApproveAmount" inputMode="decimal" defaultValue={values.autoApproveAmount} aria-invalid={errors.autoApproveBelow ? true : undefined} className={input} />
              </div>
              <select name="autoApproveCurrency" aria-label={t("dealSettings.currency")} defaultValue={values.autoApproveCurrency} className="rounded-md border border-slate-300 px-3 py-2">
                {CURRENCIES.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            </div>
            <p className={`mt-1 text-sm ${errors.autoApproveBelow ? "text-red-600" : "text-slate-500"}`}>
              {errors.autoApproveBelow ? t("dealSettings.errors.autoApproveBelow") : t("dealSettings.hints.autoApproveBelow")}
            </p>
          </fieldset>
          <button type="submit" disabled={navigation.state === "submitting"} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
            {t("dealSettings.save")}
          </button>
        </Form>
      </Card>
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

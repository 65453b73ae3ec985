// The deal registration form (partners): live conflict warnings while typing, field errors that
// keep what was typed, and a clientRequestId fixed per form so a double submission makes one deal.
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { en } from "../i18n/en.ts";
import { data, Form, Link, redirect, useNavigation, type ShouldRevalidateFunctionArgs } from "react-router";
import { can } from "../../models/auth/permissions.ts";
import { listRegistrableProducts } from "../../models/deals/queries.ts";
import { registerDeal } from "../../models/deals/registration.ts";
import { DealValidationError } from "../../models/deals/transitions.ts";
import { db } from "../../models/db/client.ts";
import { requireUser } from "../auth.server.ts";
import { ConflictList, type ConflictItem } from "../components/deals/ConflictList.tsx";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { errorTitle, pageTitle } from "../components/pageTitle.ts";
import { Card } from "../components/ui/Card.tsx";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import { useFormat } from "../components/useFormat.ts";
import { dealOperationOptions, REGISTRATION_CURRENCIES, registrationCountries } from "../deals.server.ts";
import { toMinorUnits } from "../lib/money-input.ts";
import type { Route } from "./+types/deals.new";

const CONFLICT_CHECK_DELAY_MS = 350;

export function meta({ matches, error }: Route.MetaArgs) {
  return error ? errorTitle(matches, error) : pageTitle(matches, "dealForm.title");
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  if (!can(user, "deals:register")) throw data(null, { status: 403 });
  return {
    products: await listRegistrableProducts(db),
    countries: registrationCountries(),
    currencies: REGISTRATION_CURRENCIES,
    clientRequestId: crypto.randomUUID(),
  };
}

/** Keep the clientRequestId of this form after a failed submission: it made no deal. */
export function shouldRevalidate({ formMethod, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return formMethod === "POST" ? false : defaultShouldRevalidate;
}

type FormValues = Record<string, string | string[]>;

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};
const optional = (value: string) => (value.trim() === "" ? undefined : value);

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser(request, context);
  if (!can(user, "deals:register")) throw data(null, { status: 403 });
  const form = await request.formData();
  const currency = text(form, "value.currency");
  const amount = toMinorUnits(text(form, "value.amount"), currency);
  const values: FormValues = Object.fromEntries([...form.keys()].map((key) => [key, key === "productSkus" ? form.getAll(key).map(String) : text(form, key)]));
  const input = {
    customer: { name: text(form, "customer.name"), domain: optional(text(form, "customer.domain")), country: text(form, "customer.country"), industry: optional(text(form, "customer.industry")) },
    title: text(form, "title"),
    // An unreadable amount still goes through validation, so every other field error shows too.
    value: { amount: amount ?? Number.NaN, currency },
    productSkus: form.getAll("productSkus").map(String),
    expectedCloseDate: text(form, "expectedCloseDate"),
    notes: optional(text(form, "notes")),
    clientRequestId: optional(text(form, "clientRequestId")),
  };
  try {
    const result = await registerDeal(db, user, input, dealOperationOptions(context));
    return redirect(`/deals/${result.dealId}`);
  } catch (error) {
    if (!(error instanceof DealValidationError)) throw error;
    const errors = { ...error.fields, ...(amount === null ? { "value.amount": "" } : {}) };
    return data({ errors, amountInvalid: amount === null, values }, { status: 422 });
  }
}

/** The conflict check's query string, or null while the form cannot be checked yet. */
function conflictQuery(form: HTMLFormElement): string | null {
  const fd = new FormData(form);
  const name = String(fd.get("customer.name") ?? "").trim();
  const country = String(fd.get("customer.country") ?? "");
  if (name.length < 2 || name.length > 300 || !/^[A-Z]{2}$/.test(country)) return null;
  const params = new URLSearchParams({ customerName: name, country });
  // Only a complete-looking domain is sent: a half-typed one would be refused.
  const domain = String(fd.get("customer.domain") ?? "").trim().replace(/^https?:\/\//i, "").split(/[/?#]/)[0] ?? "";
  if (/^([a-z0-9-]+\.)+[a-z]{2,24}$/i.test(domain)) params.set("domain", domain);
  const products = fd.getAll("productSkus").map(String);
  if (products.length > 0) params.set("products", products.join(","));
  return params.toString();
}

/**
 * Live conflict warnings while the partner types: a debounced request to the conflicts API.
 * Plain fetch rather than a router fetcher, so a refused half-typed query (422) only clears the
 * warnings and never replaces the form, with what was typed, by an error page.
 */
function useLiveConflicts() {
  const [query, setQuery] = useState<string | null>(null);
  const [state, setState] = useState<{ items: ConflictItem[]; loading: boolean }>({ items: [], loading: false });
  useEffect(() => {
    if (query === null) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setState((s) => ({ ...s, loading: true }));
      try {
        const res = await fetch(`/api/v1/deals/conflicts?${query}`, { signal: controller.signal, headers: { accept: "application/json" } });
        const body = res.ok ? ((await res.json()) as { items: ConflictItem[] }) : { items: [] };
        setState({ items: body.items, loading: false });
      } catch {
        if (!controller.signal.aborted) setState({ items: [], loading: false });
      }
    }, CONFLICT_CHECK_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);
  const onChange = (event: FormEvent<HTMLFormElement>) => setQuery(conflictQuery(event.currentTarget));
  return { onChange, active: query !== null, loading: state.loading, items: query === null ? [] : state.items };
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (message === undefined) return null;
  return <p id={id} className="mt-1 text-sm text-red-700" data-testid={`error-${id}`}>{message}</p>;
}

function Field({ label, name, error, hint, children }: { label: string; name: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">{label}</label>
      <div className="mt-1">{children}</div>
      {hint ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      <FieldError id={`${name}-error`} message={error} />
    </div>
  );
}

const inputClass = "block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600 aria-invalid:ring-red-500";

export default function NewDeal({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting";
  const { products, countries, currencies, clientRequestId } = loaderData;
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: FormValues = actionData?.values ?? {};
  const value = (name: string) => (typeof values[name] === "string" ? values[name] : undefined);
  const checkedSkus = new Set(Array.isArray(values.productSkus) ? values.productSkus : []);
  const fieldMessages = en.dealForm.fieldErrors;
  const errorOf = (name: string) => {
    if (name === "value.amount" && actionData?.amountInvalid) return t("dealForm.amountInvalid");
    if (errors[name] === undefined) return undefined;
    return t(`dealForm.fieldErrors.${name in fieldMessages ? (name as keyof typeof fieldMessages) : "other"}`);
  };
  const invalid = (name: string) => (errorOf(name) !== undefined ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {});
  const live = useLiveConflicts();
  const countryOptions = countries.map((code) => ({ code, name: f.country(code) })).sort((a, b) => a.name.localeCompare(b.name, f.locale));

  return (
    <>
      <PageHeader title={t("dealForm.title")} subtitle={t("dealForm.subtitle")} />
      <Form method="post" noValidate onChange={live.onChange} className="grid gap-6 lg:grid-cols-3" data-testid="deal-form">
        <input type="hidden" name="clientRequestId" value={clientRequestId} />
        <div className="space-y-6 lg:col-span-2">
          {actionData ? <p role="alert" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-red-200">{t("dealForm.fixErrors")}</p> : null}
          <Card title={t("dealForm.customerSection")}>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label={t("dealForm.customerName")} name="customer.name" error={errorOf("customer.name")}>
                <input id="customer.name" name="customer.name" required autoComplete="off" defaultValue={value("customer.name")} className={inputClass} {...invalid("customer.name")} />
              </Field>
              <Field label={t("dealForm.domain")} name="customer.domain" error={errorOf("customer.domain")} hint={t("dealForm.domainHint")}>
                <input id="customer.domain" name="customer.domain" autoComplete="off" inputMode="url" defaultValue={value("customer.domain")} className={inputClass} {...invalid("customer.domain")} />
              </Field>
              <Field label={t("dealForm.country")} name="customer.country" error={errorOf("customer.country")}>
                <select id="customer.country" name="customer.country" required defaultValue={value("customer.country") ?? ""} className={inputClass} {...invalid("customer.country")}>
                  <option value="">{t("dealForm.chooseCountry")}</option>
                  {countryOptions.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
                </select>
              </Field>
              <Field label={t("dealForm.industry")} name="customer.industry" error={errorOf("customer.industry")}>
                <input id="customer.industry" name="customer.industry" defaultValue={value("customer.industry")} className={inputClass} {...invalid("customer.industry")} />
              </Field>
            </div>
          </Card>
          <Card title={t("dealForm.dealSection")}>
            <div className="grid gap-4 sm:grid-cols-2">
              <div className="sm:col-span-2">
                <Field label={t("dealForm.dealTitle")} name="title" error={errorOf("title")}>
                  <input id="title" name="title" required defaultValue={value("title")} className={inputClass} {...invalid("title")} />
                </Field>
              </div>
              <fieldset className="sm:col-span-2" aria-describedby={errorOf("productSkus") !== undefined ? "productSkus-error" : undefined}>
                <legend className="text-sm font-medium text-slate-700">{t("dealForm.products")}</legend>
                <div className="mt-2 grid gap-2 sm:grid-cols-2">
                  {products.map((p) => (
                    <label key={p.sku} className="flex items-center gap-2 text-sm text-slate-700">
                      <input type="checkbox" name="productSkus" value={p.sku} defaultChecked={checkedSkus.has(p.sku)} className="h-4 w-4 rounded border-slate-300 text-brand-600" />
                      <span>{p.name}</span>
                      <span className="font-mono text-xs text-slate-500">{p.sku}</span>
                    </label>
                  ))}
                </div>
                <FieldError id="productSkus-error" message={errorOf("productSkus")} />
              </fieldset>
              <Field label={t("dealForm.value")} name="value.amount" error={errorOf("value.amount")}>
                <input id="value.amount" name="value.amount" required inputMode="decimal" defaultValue={value("value.amount")} className={inputClass} {...invalid("value.amount")} />
              </Field>
              <Field label={t("dealForm.currency")} name="value.currency" error={errorOf("value.currency")}>
                <select id="value.currency" name="value.currency" defaultValue={value("value.currency") ?? "EUR"} className={inputClass}>
                  {currencies.map((c) => <option key={c} value={c}>{c}</option>)}
                </select>
              </Field>
              <Field label={t("dealForm.expectedClose")} name="expectedCloseDate" error={errorOf("expectedCloseDate")}>
                <input id="expectedCloseDate" name="expectedCloseDate" type="date" required defaultValue={value("expectedCloseDate")} className={inputClass} {...invalid("expectedCloseDate")} />
              </Field>
              <div className="sm:col-span-2">
                <Field label={t("dealForm.notes")} name="notes" error={errorOf("notes")}>
                  <textarea id="notes" name="notes" rows={4} defaultValue={value("notes")} className={inputClass} />
                </Field>
              </div>
            </div>
          </Card>
          <div className="flex items-center gap-3">
            <button type="submit" disabled={submitting} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60">
              {submitting ? t("dealForm.submitting") : t("dealForm.submit")}
            </button>
            <Link to="/deals" className="text-sm font-medium text-slate-700 hover:underline">{t("dealForm.cancel")}</Link>
          </div>
        </div>
        <div>
          <Card title={t("deal.conflicts")}>
            <div aria-live="polite" data-testid="live-conflicts" data-count={live.items.length}>
              {live.loading ? <p className="mb-3 text-sm text-slate-500">{t("dealForm.checking")}</p> : null}
              {live.items.length > 0 ? (
                <>
                  <p className="mb-3 text-sm font-medium text-red-800">{t("dealForm.conflictsFound", { count: live.items.length, formatted: f.number(live.items.length) })}</p>
                  <ConflictList items={live.items} testId="live-conflict-list" />
                  <p className="mt-3 text-xs text-slate-500">{t("dealForm.conflictsHint")}</p>
                </>
              ) : live.active && !live.loading ? (
                <p className="text-sm text-slate-500">{t("dealForm.noConflicts")}</p>
              ) : null}
            </div>
          </Card>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

// The program editor: name, key, currency, effective dates and budget, a kind selector and the
// sub-form of the chosen kind (tier and rate rows can be added and removed). Each field shows its
// error beside it; the form is filled with what was typed, so nothing is lost on an error.
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Form, useNavigation } from "react-router";
import { PROGRAM_KINDS, type ProgramKind } from "../../../../models/incentives/program-kinds.ts";
import { REWARDED_ACTIONS } from "../../../../models/incentives/rules.ts";
import { Card } from "../../ui/Card.tsx";
import { ROW_FIELDS, rowIndexes, type FormErrors, type ProgramFormValues, type RowList } from "./program-form.ts";

export const PROGRAM_CURRENCIES = ["EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK"] as const;

const inputClass = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500 aria-[invalid]:border-red-500";

type FieldsProps = { values: ProgramFormValues; errors: FormErrors };

const idOf = (name: string) => `program-${name.replaceAll(".", "-")}`;

function Message({ name, errors, hint }: { name: string; errors: FormErrors; hint?: string }) {
  const error = errors[name];
  if (!error && !hint) return null;
  return <p id={`${idOf(name)}-message`} className={`mt-1 text-xs ${error ? "text-red-600" : "text-slate-500"}`} data-field-error={error ? name : undefined}>{error ?? hint}</p>;
}

function Field({ name, label, hint, values, errors, type = "text", inputMode, readOnly }: FieldsProps & { name: string; label: string; hint?: string; type?: "text" | "date"; inputMode?: "decimal" | "numeric"; readOnly?: boolean }) {
  return (
    <div>
      <label htmlFor={idOf(name)} className="block text-sm font-medium text-slate-700">{label}</label>
      <input id={idOf(name)} name={name} type={type} inputMode={inputMode} readOnly={readOnly} defaultValue={values[name] ?? ""} aria-invalid={errors[name] ? true : undefined} aria-describedby={errors[name] || hint ? `${idOf(name)}-message` : undefined} className={inputClass} />
      <Message name={name} errors={errors} hint={hint} />
    </div>
  );
}

function Select({ name, label, options, values, errors }: FieldsProps & { name: string; label: string; options: readonly { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={idOf(name)} className="block text-sm font-medium text-slate-700">{label}</label>
      <select id={idOf(name)} name={name} defaultValue={values[name] || options[0]?.value} className={inputClass}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <Message name={name} errors={errors} />
    </div>
  );
}

/** A list of rows (tiers, rates by line…) with add and remove; names follow row positions. */
function Rows({ list, legend, labels, values, errors }: FieldsProps & { list: RowList; legend: string; labels: Record<string, string> }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState(() => {
    const typed = rowIndexes(values, list);
    return (typed.length > 0 ? typed : list === "tiers" ? [null] : []).map((source, id) => ({ id, source }));
  });
  const nextId = () => Math.max(-1, ...rows.map((r) => r.id)) + 1;
  return (
    <fieldset className="space-y-2" data-testid={`rows-${list}`}>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <Message name={`rules.${list}`} errors={errors} />
      {rows.map((row, position) => (
        <div key={row.id} className="flex items-start gap-2">
          {ROW_FIELDS[list].map((field) => {
            const name = `rules.${list}.${position}.${field}`;
            return (
              <div key={field} className="flex-1">
                <label htmlFor={idOf(`${name}-${row.id}`)} className="sr-only">{`${labels[field]} ${position + 1}`}</label>
                <input id={idOf(`${name}-${row.id}`)} name={name} placeholder={labels[field]} defaultValue={row.source === null ? "" : (values[`rules.${list}.${row.source}.${field}`] ?? "")} aria-invalid={errors[name] ? true : undefined} className={inputClass} />
                <Message name={name} errors={errors} />
              </div>
            );
          })}
          <button type="button" onClick={() => setRows(rows.filter((r) => r.id !== row.id))} className="mt-1 rounded-md px-2 py-2 text-sm text-slate-500 hover:bg-slate-100" aria-label={t("programs.form.removeRow", { number: position + 1 })}>✕</button>
        </div>
      ))}
      <button type="button" onClick={() => setRows([...rows, { id: nextId(), source: null }])} className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50">
        {t("programs.form.addRow")}
      </button>
    </fieldset>
  );
}

function KindFields({ kind, ...props }: FieldsProps & { kind: ProgramKind }) {
  const { t } = useTranslation();
  const l = (key: string) => t(`programs.form.${key}`);
  const percent = (name: string, label: string) => <Field name={name} label={label} hint={l("percentHint")} inputMode="decimal" {...props} />;
  const money = (name: string, label: string) => <Field name={name} label={label} inputMode="decimal" {...props} />;
  const list = (name: string, label: string) => <Field name={name} label={label} hint={l("listHint")} {...props} />;
  const grid = (...children: ReactNode[]) => <div className="grid gap-4 sm:grid-cols-2">{children.map((c, i) => <div key={i}>{c}</div>)}</div>;
  switch (kind) {
    case "COMMISSION":
      return <>{grid(percent("rules.rate", l("rate")))}<Rows list="lines" legend={l("ratesByLine")} labels={{ line: l("line"), rate: l("rate") }} {...props} /></>;
    case "TIERED_REBATE":
      return (
        <>
          {grid(
            <Select name="rules.base" label={l("base")} options={(["WON_DEAL_AMOUNT", "SALES_AMOUNT"] as const).map((v) => ({ value: v, label: t(`programs.form.baseOptions.${v}`) }))} {...props} />,
            <Select name="rules.mode" label={l("mode")} options={(["RETROACTIVE", "MARGINAL"] as const).map((v) => ({ value: v, label: t(`programs.form.modeOptions.${v}`) }))} {...props} />,
          )}
          <Rows list="tiers" legend={l("tiers")} labels={{ fromAmount: l("fromAmount"), rate: l("rate") }} {...props} />
          <Rows list="accelerators" legend={l("accelerators")} labels={{ productSkus: l("productSkus"), extra: l("extra"), reason: l("reason") }} {...props} />
          {grid(<Field name="rules.payoutAfterDays" label={l("payoutAfterDays")} inputMode="numeric" {...props} />)}
        </>
      );
    case "SPIFF":
      return grid(
        <Field name="rules.from" label={l("from")} type="date" {...props} />,
        <Field name="rules.to" label={l("to")} type="date" {...props} />,
        money("rules.bonus", l("bonus")),
        money("rules.budgetCap", l("spiffBudget")),
        list("rules.productSkus", l("productSkus")),
        list("rules.industries", l("industries")),
        list("rules.regionCodes", l("regionCodes")),
      );
    case "NEW_PRODUCT_FIRST_ORDER":
      return grid(money("rules.bonus", l("bonus")), list("rules.productSkus", l("productSkus")));
    case "ACTION_REWARD":
      return grid(...REWARDED_ACTIONS.map((a) => money(`rules.amounts.${a}`, t(`programs.form.actions.${a}`))), money("rules.monthlyCap", l("monthlyCap")));
    case "REGIONAL_BOOST":
      return (
        <>
          {grid(percent("rules.rate", l("rate")), <Field name="rules.maxMultiplier" label={l("maxMultiplier")} inputMode="decimal" {...props} />)}
          <Rows list="regions" legend={l("regionMultipliers")} labels={{ region: l("region"), multiplier: l("multiplier") }} {...props} />
        </>
      );
    case "SEGMENT_ACCELERATOR":
      return grid(list("rules.segments", l("segments")), percent("rules.extra", l("extra")));
  }
}

export function ProgramForm({ values, errors, mode, submitLabel, footer }: FieldsProps & { mode: "create" | "edit"; submitLabel: string; footer?: ReactNode }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [kind, setKind] = useState<ProgramKind>(PROGRAM_KINDS.find((k) => k === values.kind) ?? "COMMISSION");
  const props = { values, errors };
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Form method="post" noValidate className="space-y-6" data-testid="program-form">
      <input type="hidden" name="intent" value="save" />
      {hasErrors ? (
        <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          <p>{t("programs.form.fixErrors")}</p>
          {errors.program ? <p>{errors.program}</p> : null}
        </div>
      ) : null}
      <Card title={t("programs.form.details")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="name" label={t("programs.form.name")} {...props} />
          <Field name="key" label={t("programs.form.key")} hint={t("programs.form.keyHint")} readOnly={mode === "edit"} {...props} />
          <Select name="currency" label={t("programs.form.currency")} options={PROGRAM_CURRENCIES.map((c) => ({ value: c, label: c }))} {...props} />
          <Field name="budget" label={t("programs.form.budget")} hint={t("programs.form.budgetHint")} inputMode="decimal" {...props} />
          <Field name="effectiveFrom" label={t("programs.form.effectiveFrom")} type="date" {...props} />
          <Field name="effectiveTo" label={t("programs.form.effectiveTo")} hint={t("programs.form.effectiveToHint")} type="date" {...props} />
        </div>
      </Card>
      <Card title={t("programs.form.rules")}>
        <div className="space-y-4">
          <div>
            <label htmlFor="program-kind" className="block text-sm font-medium text-slate-700">{t("programs.form.kind")}</label>
            <select id="program-kind" name="kind" value={kind} onChange={(event) => setKind(event.target.value as ProgramKind)} aria-describedby="program-kind-hint" className={inputClass}>
              {PROGRAM_KINDS.map((k) => <option key={k} value={k}>{t(`programs.kinds.${k}`)}</option>)}
            </select>
            <p id="program-kind-hint" className="mt-1 text-xs text-slate-500">{t(`programs.kindHints.${kind}`)}</p>
            <Message name="kind" errors={errors} />
          </div>
          <KindFields key={kind} kind={kind} {...props} />
        </div>
      </Card>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={busy} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60" data-testid="save-program">{submitLabel}</button>
        {footer}
      </div>
    </Form>
  );
}

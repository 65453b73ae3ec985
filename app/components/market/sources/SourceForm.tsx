// The source editor: name, URL, kind, content, regions (a lead's own only), schedule, on/off,
// competitors and keywords one per line, and for HTML and JavaScript pages the CSS selectors.
// Each field shows its error beside it and keeps what was typed; "Test source" fetches once with
// what is typed and shows what would be extracted, saving nothing.
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Form, useNavigation } from "react-router";
import { Card } from "../../ui/Card.tsx";
import { REQUIRED_SELECTORS, SELECTOR_FIELDS, type FormErrors, type SourceFormValues } from "./source-form.ts";

const inputClass = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500 aria-[invalid]:border-red-500 read-only:bg-slate-50";
const idOf = (name: string) => `source-${name.replaceAll(".", "-")}`;

type FieldsProps = { values: SourceFormValues; errors: FormErrors; readOnly: boolean };

function Message({ name, errors, hint }: { name: string; errors: FormErrors; hint?: string }) {
  const error = errors[name];
  if (!error && !hint) return null;
  return <p id={`${idOf(name)}-message`} className={`mt-1 text-xs ${error ? "text-red-600" : "text-slate-500"}`} data-field-error={error ? name : undefined}>{error ?? hint}</p>;
}

function described(name: string, errors: FormErrors, hint?: string) {
  return { "aria-invalid": errors[name] ? true : undefined, "aria-describedby": errors[name] || hint ? `${idOf(name)}-message` : undefined } as const;
}

function Field({ name, label, hint, values, errors, readOnly, multiline = false, placeholder }: FieldsProps & { name: string; label: string; hint?: string; multiline?: boolean; placeholder?: string }) {
  const common = { id: idOf(name), name, defaultValue: values[name] ?? "", readOnly, placeholder, className: inputClass, ...described(name, errors, hint) };
  return (
    <div>
      <label htmlFor={idOf(name)} className="block text-sm font-medium text-slate-700">{label}</label>
      {multiline ? <textarea rows={4} {...common} /> : <input type="text" {...common} />}
      <Message name={name} errors={errors} hint={hint} />
    </div>
  );
}

function Choice({ name, label, options, values, errors, readOnly, onChange }: FieldsProps & { name: string; label: string; options: readonly { value: string; label: string }[]; onChange?: (value: string) => void }) {
  return (
    <div>
      <label htmlFor={idOf(name)} className="block text-sm font-medium text-slate-700">{label}</label>
      <select id={idOf(name)} name={name} defaultValue={values[name] || options[0]?.value} disabled={readOnly} onChange={(e) => onChange?.(e.target.value)} className={inputClass} {...described(name, errors)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <Message name={name} errors={errors} />
    </div>
  );
}

function Regions({ regions, values, errors, readOnly, hint }: FieldsProps & { regions: readonly { code: string; name: string }[]; hint?: string }) {
  const { t } = useTranslation();
  const checked = new Set((values.regionCodes ?? "").split(",").filter(Boolean));
  return (
    <fieldset {...described("regionCodes", errors, hint)}>
      <legend className="text-sm font-medium text-slate-700">{t("marketSources.form.regions")}</legend>
      <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
        {regions.map((r) => (
          <label key={r.code} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="regionCodes" value={r.code} defaultChecked={checked.has(r.code)} disabled={readOnly} className="h-4 w-4 rounded border-slate-300" />
            {r.name}
          </label>
        ))}
      </div>
      <Message name="regionCodes" errors={errors} hint={hint} />
    </fieldset>
  );
}

export type SourceFormProps = {
  values: SourceFormValues;
  errors: FormErrors;
  /** The regions the user may choose (a lead's own; all for an admin). */
  regions: readonly { code: string; name: string }[];
  readOnly: boolean;
  canTest: boolean;
  submitLabel: string;
  footer?: ReactNode;
};

export function SourceForm({ values, errors, regions, readOnly, canTest, submitLabel, footer }: SourceFormProps) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busyWith = navigation.state === "submitting" ? String(navigation.formData?.get("intent") ?? "") : null;
  const [kind, setKind] = useState(values.kind || "rss");
  const props = { values, errors, readOnly };
  const l = (key: string) => t(`marketSources.form.${key}`);
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Form method="post" noValidate className="space-y-6" data-testid="source-form">
      {hasErrors ? (
        <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          <p>{l("fixErrors")}</p>
          {errors.form ? <p>{errors.form}</p> : null}
        </div>
      ) : null}
      <Card title={l("details")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="name" label={l("name")} {...props} />
          <Field name="url" label={l("url")} hint={l("urlHint")} placeholder="https://" {...props} />
          <Choice name="kind" label={l("kind")} onChange={setKind} options={(["rss", "html", "js"] as const).map((k) => ({ value: k, label: t(`marketSources.kinds.${k}`) }))} {...props} />
          <Choice name="contentType" label={l("contentType")} options={(["tender", "competitor", "industry"] as const).map((c) => ({ value: c, label: t(`marketSources.contentTypes.${c}`) }))} {...props} />
          <Field name="schedule" label={l("schedule")} hint={l("scheduleHint")} {...props} />
          <div className="flex items-end pb-2">
            <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
              <input type="checkbox" name="enabled" defaultChecked={values.enabled === "on"} disabled={readOnly} className="h-4 w-4 rounded border-slate-300" />
              {l("enabled")}
            </label>
          </div>
        </div>
        <div className="mt-4">
          <Regions regions={regions} hint={l("regionsHint")} {...props} />
        </div>
      </Card>
      <Card title={l("matching")} description={l("matchingHint")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="competitors" label={l("competitors")} hint={l("listHint")} multiline {...props} />
          <Field name="keywords" label={l("keywords")} hint={l("listHint")} multiline {...props} />
        </div>
      </Card>
      {kind !== "rss" ? (
        <Card title={l("selectors")} description={l("selectorsHint")}>
          <Message name="selectors" errors={errors} />
          <div className="grid gap-4 sm:grid-cols-3">
            {SELECTOR_FIELDS.map((field) => (
              <Field key={field} name={`selectors.${field}`} label={`${t(`marketSources.form.selector.${field}`)}${REQUIRED_SELECTORS.has(field) ? " *" : ""}`} {...props} />
            ))}
          </div>
        </Card>
      ) : null}
      {readOnly ? null : (
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" name="intent" value="save" disabled={busyWith !== null} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
            {busyWith === "save" ? l("saving") : submitLabel}
          </button>
          {canTest ? (
            <button type="submit" name="intent" value="test" disabled={busyWith !== null} className="rounded-md bg-white px-4 py-2 text-sm font-semibold text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-60" data-testid="test-source">
              {busyWith === "test" ? l("testing") : l("test")}
            </button>
          ) : null}
          {footer}
        </div>
      )}
    </Form>
  );
}

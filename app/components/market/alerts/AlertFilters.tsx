// The inbox filters as a plain GET form, so every filter lives in the URL and works without
// JavaScript: severity, content type, region (the lead's own) and unread only.
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";

export type AlertFilterValues = { severity: string; contentType: string; region: string; unread: boolean };
type Options = { severities: readonly string[]; contentTypes: readonly string[]; regions: readonly { code: string; name: string }[] };

const inputClass = "mt-1 block w-full rounded-md border-0 py-1.5 pl-3 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600";

function Select({ name, label, value, options, anyLabel }: { name: string; label: string; value: string; options: { value: string; label: string }[]; anyLabel: string }) {
  return (
    <div>
      <label htmlFor={`alert-filter-${name}`} className="block text-sm font-medium text-slate-700">{label}</label>
      <select id={`alert-filter-${name}`} name={name} defaultValue={value} className={inputClass}>
        <option value="">{anyLabel}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

export function AlertFilters({ values, options }: { values: AlertFilterValues; options: Options }) {
  const { t } = useTranslation();
  const any = t("alerts.any");
  return (
    <Form method="get" role="search" aria-label={t("alerts.filtersLabel")} className="mb-6 grid grid-cols-1 gap-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-5" data-testid="alert-filters">
      <Select name="severity" label={t("alerts.severity")} value={values.severity} anyLabel={any} options={options.severities.map((s) => ({ value: s, label: t(`severity.${s}`) }))} />
      <Select name="contentType" label={t("alerts.contentType")} value={values.contentType} anyLabel={any} options={options.contentTypes.map((c) => ({ value: c, label: t(`alerts.contentTypes.${c}`) }))} />
      <Select name="region" label={t("alerts.region")} value={values.region} anyLabel={any} options={options.regions.map((r) => ({ value: r.code, label: r.name }))} />
      <div className="flex items-end pb-1.5">
        <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
          <input type="checkbox" name="unread" value="1" defaultChecked={values.unread} className="h-4 w-4 rounded border-slate-300 text-brand-600" />
          {t("alerts.unreadOnly")}
        </label>
      </div>
      <div className="flex items-end gap-3">
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700">{t("alerts.apply")}</button>
        <Link to="/alerts" className="text-sm font-medium text-brand-700 hover:underline">{t("alerts.clear")}</Link>
      </div>
    </Form>
  );
}

// The partner list's filters as a plain GET form, so every filter lives in the URL and works
// without JavaScript: region, tier, segment, health band, a name search and the sort order.
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { HEALTH_BANDS } from "../../../models/partners/health-bands.ts";
import type { PartnerSort } from "../../../models/partners/partners-list.ts";
import type { TierName } from "../ui/Badge.tsx";

export type PartnerFilterValues = { region: string; tier: string; segment: string; healthBand: string; q: string; sort: PartnerSort };
type Options = { regions: { code: string; name: string }[]; segments: string[]; tiers: readonly TierName[]; sorts: readonly PartnerSort[] };

const inputClass = "mt-1 block w-full rounded-md border-0 py-1.5 pl-3 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600";

function Select({ name, label, value, options, anyLabel }: { name: string; label: string; value: string; options: { value: string; label: string }[]; anyLabel?: string }) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="block text-sm font-medium text-slate-700">{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value} className={inputClass}>
        {anyLabel ? <option value="">{anyLabel}</option> : null}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

export function PartnerFilters({ values, options }: { values: PartnerFilterValues; options: Options }) {
  const { t } = useTranslation();
  const any = t("partners.any");
  return (
    <Form method="get" role="search" aria-label={t("partners.filtersLabel")} className="mb-6 grid grid-cols-1 gap-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-7" data-testid="partner-filters">
      <div className="lg:col-span-2">
        <label htmlFor="filter-q" className="block text-sm font-medium text-slate-700">{t("partners.search")}</label>
        <input id="filter-q" name="q" type="search" defaultValue={values.q} placeholder={t("partners.searchPlaceholder")} className={inputClass} />
      </div>
      <Select name="region" label={t("partners.region")} value={values.region} anyLabel={any} options={options.regions.map((r) => ({ value: r.code, label: r.name }))} />
      <Select name="tier" label={t("partners.tier")} value={values.tier} anyLabel={any} options={options.tiers.map((tier) => ({ value: tier, label: t(`tiers.${tier}`) }))} />
      <Select name="segment" label={t("partners.segment")} value={values.segment} anyLabel={any} options={options.segments.map((s) => ({ value: s, label: s }))} />
      <Select
        name="healthBand"
        label={t("partners.healthBand")}
        value={values.healthBand}
        anyLabel={any}
        options={HEALTH_BANDS.map((band) => ({ value: band, label: `${t(`partners.band.${band}`)} (${t(`partners.bandRange.${band}`)})` }))}
      />
      <Select name="sort" label={t("partners.sort")} value={values.sort} options={options.sorts.map((sort) => ({ value: sort, label: t(`partners.sortBy.${sort}`) }))} />
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-7">
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700" data-testid="apply-filters">{t("partners.apply")}</button>
        <Link to="/partners" className="text-sm font-medium text-brand-700 hover:underline">{t("partners.clear")}</Link>
      </div>
    </Form>
  );
}

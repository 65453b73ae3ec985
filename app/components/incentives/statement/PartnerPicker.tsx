// For channel managers and admins: search partner organizations by name and pick the one whose
// statement to show (the period is kept).
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import type { StatementPartner } from "../../../../models/incentives/statement.ts";
import { Card } from "../../ui/Card.tsx";

type Props = { partners: StatementPartner[]; limit: number; search: string; selected: string | null; from: string; to: string };

export function PartnerPicker({ partners, limit, search, selected, from, to }: Props) {
  const { t } = useTranslation();
  const keepPeriod = (
    <>
      {from ? <input type="hidden" name="from" value={from} /> : null}
      {to ? <input type="hidden" name="to" value={to} /> : null}
    </>
  );
  const fieldClass = "block w-full rounded-md border-0 px-2.5 py-1.5 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600";
  const buttonClass = "rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-slate-700 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50";
  return (
    <Card title={t("statement.picker.title")} className="mb-6">
      <div className="grid gap-4 md:grid-cols-2">
        <Form method="get" role="search" className="flex items-end gap-2">
          {selected ? <input type="hidden" name="partnerOrgId" value={selected} /> : null}
          {keepPeriod}
          <label className="flex-1 text-sm font-medium text-slate-700">
            {t("statement.picker.search")}
            <input type="search" name="q" defaultValue={search} className={`mt-1 ${fieldClass}`} data-testid="partner-search" />
          </label>
          <button type="submit" className={buttonClass}>{t("statement.picker.searchButton")}</button>
        </Form>
        <Form method="get" className="flex items-end gap-2">
          {search ? <input type="hidden" name="q" value={search} /> : null}
          {keepPeriod}
          <label className="flex-1 text-sm font-medium text-slate-700">
            {t("statement.picker.choose")}
            <select name="partnerOrgId" defaultValue={selected ?? ""} required className={`mt-1 ${fieldClass}`} data-testid="partner-select">
              <option value="" disabled>{t("statement.picker.choose")}</option>
              {partners.map((p) => (
                <option key={p.id} value={p.id}>{`${p.name} (${p.regionCode})`}</option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700">{t("statement.picker.show")}</button>
        </Form>
      </div>
      {partners.length === 0 ? <p className="mt-3 text-sm text-slate-500">{t("statement.picker.none", { search })}</p> : null}
      {partners.length >= limit ? <p className="mt-3 text-sm text-slate-500">{t("statement.picker.limited", { count: limit })}</p> : null}
    </Card>
  );
}

// The statement's period, kept in the URL: preset links (this quarter, last quarter, this year)
// and a custom from/to form, both keeping the chosen partner; the fields at fault when invalid.
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import type { PeriodPreset, StatementPeriod } from "../../../../models/incentives/statement-period.ts";

type Props = {
  presets: Record<PeriodPreset, StatementPeriod>;
  current: PeriodPreset | null;
  from: string;
  to: string;
  partnerOrgId: string | null;
  errors: Record<string, string> | null;
};

const PRESETS: PeriodPreset[] = ["this-quarter", "last-quarter", "this-year"];

export function statementSearch(period: StatementPeriod, partnerOrgId: string | null): string {
  return new URLSearchParams({ ...(partnerOrgId ? { partnerOrgId } : {}), from: period.from, to: period.to }).toString();
}

export function PeriodPicker({ presets, current, from, to, partnerOrgId, errors }: Props) {
  const { t } = useTranslation();
  const fieldClass = "mt-1 block rounded-md border-0 px-2.5 py-1.5 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600";
  return (
    <div className="flex flex-wrap items-end gap-4" data-testid="period-picker">
      <nav aria-label={t("statement.period.label")} className="flex flex-wrap gap-2">
        {PRESETS.map((preset) => (
          <Link
            key={preset}
            to={`?${statementSearch(presets[preset], partnerOrgId)}`}
            aria-current={current === preset ? "page" : undefined}
            className={`inline-flex items-center rounded-full px-3.5 py-1.5 text-sm font-medium ring-1 ${current === preset ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
            data-testid={`period-${preset}`}
          >
            {t(`statement.period.${preset}`)}
          </Link>
        ))}
      </nav>
      <Form method="get" className="flex flex-wrap items-end gap-2" aria-label={t("statement.period.custom")}>
        {partnerOrgId ? <input type="hidden" name="partnerOrgId" value={partnerOrgId} /> : null}
        <label className="text-sm font-medium text-slate-700">
          {t("statement.period.from")}
          <input type="date" name="from" defaultValue={from} className={fieldClass} aria-invalid={errors?.from ? true : undefined} data-testid="period-from" />
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t("statement.period.to")}
          <input type="date" name="to" defaultValue={to} className={fieldClass} aria-invalid={errors?.to ? true : undefined} data-testid="period-to" />
        </label>
        <button type="submit" className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-slate-700 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50">
          {t("statement.period.apply")}
        </button>
      </Form>
      {errors ? (
        <div role="alert" className="w-full rounded-md bg-red-50 px-4 py-3 text-sm text-red-800" data-testid="period-error">
          {errors.from ? <p>{t("statement.period.fieldFrom", { message: errors.from })}</p> : null}
          {errors.to ? <p>{t("statement.period.fieldTo", { message: errors.to })}</p> : null}
        </div>
      ) : null}
    </div>
  );
}

// The regional targets form: per region its target in the region's own currency (labelled with
// it), the gap a manager set, and the latest forecast for the target period with its gap to target.
import { useTranslation } from "react-i18next";
import type { RegionTargetRow } from "../../../../models/incentives/region-targets.ts";
import { RowHeader, Table, TBody, Td, Th } from "../../ui/Table.tsx";
import { useFormat } from "../../useFormat.ts";

/** Months as "YYYY-MM", both inclusive. */
export type TargetPeriod = { from: string; to: string; months: number };

export type TargetFieldError = "target" | "gap";

const inputClass = "block w-full min-w-32 rounded-md border border-slate-300 px-3 py-1.5 text-right tabular-nums shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500";

type Props = {
  rows: RegionTargetRow[];
  values: Record<string, string>;
  errors: Record<string, TargetFieldError>;
  /** The period the page names; a region whose forecast covers other months says which. */
  period: TargetPeriod;
  forecastPeriods: Record<string, TargetPeriod>;
};

function Field({ name, label, value, error, errorText, unit }: { name: string; label: string; value: string | undefined; error: boolean; errorText: string; unit?: string }) {
  return (
    <>
      <div className="flex items-center gap-2">
        <input id={name} name={name} inputMode="decimal" defaultValue={value} aria-label={label} aria-invalid={error ? true : undefined} aria-describedby={error ? `${name}-error` : undefined} className={inputClass} />
        {unit ? <span aria-hidden="true" className="text-xs font-semibold text-slate-500" data-testid={`${name}-currency`}>{unit}</span> : null}
      </div>
      {error ? <p id={`${name}-error`} className="mt-1 text-xs text-red-600">{errorText}</p> : null}
    </>
  );
}

export function RegionTargetsTable({ rows, values, errors, period, forecastPeriods }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Table caption={t("regionTargets.title")}>
      <thead>
        <tr>
          <Th>{t("regionTargets.region")}</Th>
          <Th numeric>{t("regionTargets.target")}</Th>
          <Th numeric>{t("regionTargets.gap")}</Th>
          <Th numeric>{t("regionTargets.forecast")}</Th>
          <Th numeric>{t("regionTargets.forecastGap")}</Th>
        </tr>
      </thead>
      <TBody>
        {rows.map((row) => {
          const target = `target.${row.regionCode}`;
          const gap = `gap.${row.regionCode}`;
          const forecastPeriod = forecastPeriods[row.regionCode];
          const otherPeriod = forecastPeriod && (forecastPeriod.from !== period.from || forecastPeriod.to !== period.to);
          return (
            <tr key={row.regionCode} data-region={row.regionCode} data-currency={row.currency} data-forecast-gap={row.forecastGapBasisPoints ?? ""}>
              <RowHeader>
                <input type="hidden" name="regionCode" value={row.regionCode} />
                {row.regionName}
              </RowHeader>
              <Td>
                <Field name={target} label={t("regionTargets.targetIn", { currency: row.currency, region: row.regionName })} value={values[target]} unit={row.currency} error={errors[target] !== undefined} errorText={t("regionTargets.errors.target", { currency: row.currency })} />
                {row.targetAmount > 0 ? <p className="mt-1 text-right text-xs text-slate-500" data-testid={`${target}-saved`}>{t("regionTargets.savedTarget", { amount: f.money({ amount: row.targetAmount, currency: row.currency }) })}</p> : null}
              </Td>
              <Td>
                <Field name={gap} label={t("regionTargets.gapIn", { region: row.regionName })} value={values[gap]} error={errors[gap] !== undefined} errorText={t("regionTargets.errors.gap")} />
              </Td>
              <Td numeric className="text-slate-700">
                {row.forecastAmount === null ? (
                  <span className="text-slate-500">{t("regionTargets.noForecast")}</span>
                ) : (
                  <>
                    {f.money({ amount: row.forecastAmount, currency: row.currency })}
                    {otherPeriod ? <span className="block text-xs text-slate-500">{t("regionTargets.forecastPeriod", { from: f.month(forecastPeriod.from), to: f.month(forecastPeriod.to) })}</span> : null}
                  </>
                )}
              </Td>
              <Td numeric className={row.forecastGapBasisPoints ? "font-medium text-amber-700" : "text-slate-700"}>
                {row.forecastGapBasisPoints === null ? "—" : row.forecastGapBasisPoints === 0 ? t("forecasts.gaps.onTarget") : t("forecasts.gaps.below", { gap: f.percent(row.forecastGapBasisPoints / 10_000) })}
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}

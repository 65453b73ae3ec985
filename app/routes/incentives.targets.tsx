// Regional targets (channel managers, admins): per region the sales target for the target period
// in the region's own currency, the gap a manager set until forecasts exist, and the latest
// forecast's gap to target that regional boost programs pay from. Field errors keep what was typed.
import { useTranslation } from "react-i18next";
import { data, Form, useNavigation } from "react-router";
import { can } from "../../models/auth/permissions.ts";
import { db } from "../../models/db/client.ts";
import { addMonths } from "../../models/forecasts/engine/index.ts";
import { readRegionForecasts } from "../../models/forecasts/read.ts";
import { firstForecastMonth } from "../../models/forecasts/sales-history.ts";
import { TARGET_PERIOD_MONTHS } from "../../models/forecasts/stored.ts";
import { targetPeriodForecast } from "../../models/forecasts/target-gap.ts";
import { listRegionTargets, type RegionTargetRow, RegionTargetsError, updateRegionTargets } from "../../models/incentives/region-targets.ts";
import { clientIp, requireUser } from "../auth.server.ts";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { errorTitle, pageTitle } from "../components/pageTitle.ts";
import { Card } from "../components/ui/Card.tsx";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import { useFormat } from "../components/useFormat.ts";
import { basisPointsToPercent, moneyToMinorUnits, percentToBasisPoints } from "../components/incentives/programs/program-form.ts";
import { RegionTargetsTable, type TargetFieldError, type TargetPeriod } from "../components/incentives/targets/RegionTargetsTable.tsx";
import { fromMinorUnits } from "../lib/money-input.ts";
import type { Route } from "./+types/incentives.targets";

type Values = Record<string, string>;

export function meta({ matches, error }: Route.MetaArgs) {
  return error ? errorTitle(matches, error) : pageTitle(matches, "regionTargets.title");
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  if (!can(user, "incentives:manage")) throw data(null, { status: 403 });
  const rows = await listRegionTargets(db);
  const values: Values = {};
  for (const row of rows) {
    values[`target.${row.regionCode}`] = row.targetAmount === 0 ? "" : fromMinorUnits(row.targetAmount, row.currency);
    values[`gap.${row.regionCode}`] = row.managerGapBasisPoints === null ? "" : basisPointsToPercent(row.managerGapBasisPoints);
  }
  return { rows, values, ...(await targetPeriods(rows, new Date())) };
}

/**
 * The months each region's stored forecast covers (its latest run's target period) and the period
 * the page names: the newest run's, else the months a run today would compare (this month and the two after).
 */
async function targetPeriods(rows: readonly RegionTargetRow[], now: Date): Promise<{ period: TargetPeriod; forecastPeriods: Record<string, TargetPeriod> }> {
  const forecasts = await readRegionForecasts(db, rows.map((row) => ({ code: row.regionCode, name: row.regionName, currency: row.currency })), { historyMonths: 0, now });
  const forecastPeriods: Record<string, TargetPeriod> = {};
  for (const forecast of forecasts) {
    const period = targetPeriodForecast(forecast.total.points, forecast.run.targetPeriodMonths);
    if (period) forecastPeriods[forecast.region.code] = { from: period.from, to: period.to, months: period.months };
  }
  const newest = Object.values(forecastPeriods).sort((a, b) => b.from.localeCompare(a.from))[0];
  const from = firstForecastMonth(now);
  return { period: newest ?? { from, to: addMonths(from, TARGET_PERIOD_MONTHS - 1), months: TARGET_PERIOD_MONTHS }, forecastPeriods };
}

/** "12.5" (percent, 0–100) → 1250 basis points; null for empty, NaN for anything else. */
function gapBasisPoints(text: string): number | null {
  if (text.trim() === "") return null;
  const basisPoints = percentToBasisPoints(text);
  return basisPoints !== null && basisPoints <= 10_000 ? basisPoints : Number.NaN;
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser(request, context);
  if (!can(user, "incentives:manage")) throw data(null, { status: 403 });
  const form = await request.formData();
  const codes = form.getAll("regionCode").map(String);
  // Each target is typed in its region's currency; an unknown region is refused by updateRegionTargets.
  const currencies = new Map((await db.region.findMany({ select: { code: true, currency: true } })).map((region) => [region.code, region.currency]));
  const values: Values = {};
  const errors: Record<string, TargetFieldError> = {};
  const input = codes.map((code) => {
    const target = String(form.get(`target.${code}`) ?? "");
    const gap = String(form.get(`gap.${code}`) ?? "");
    values[`target.${code}`] = target;
    values[`gap.${code}`] = gap;
    const targetAmount = target.trim() === "" ? 0 : moneyToMinorUnits(target, currencies.get(code) ?? "EUR");
    const managerGapBasisPoints = gapBasisPoints(gap);
    if (targetAmount === null) errors[`target.${code}`] = "target";
    if (Number.isNaN(managerGapBasisPoints)) errors[`gap.${code}`] = "gap";
    return { regionCode: code, targetAmount: targetAmount ?? 0, managerGapBasisPoints };
  });
  if (Object.keys(errors).length === 0) {
    try {
      await updateRegionTargets(db, user, input, { ipAddress: clientIp(context) });
      return { saved: true, errors, values };
    } catch (error) {
      if (!(error instanceof RegionTargetsError) || error.status === 403) throw error;
      for (const path of Object.keys(error.fields)) {
        const [index, field] = path.split(".");
        const code = codes[Number(index)];
        if (code !== undefined) errors[`${field === "managerGapBasisPoints" ? "gap" : "target"}.${code}`] = field === "managerGapBasisPoints" ? "gap" : "target";
      }
    }
  }
  return data({ saved: false, errors, values }, { status: 422 });
}

export default function RegionTargetsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const busy = useNavigation().state === "submitting";
  const { rows, period, forecastPeriods } = loaderData;
  return (
    <div className="space-y-6">
      <PageHeader title={t("regionTargets.title")} subtitle={t("regionTargets.subtitle")} />
      {actionData?.saved ? <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t("regionTargets.saved")}</p> : null}
      {actionData && !actionData.saved ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{t("regionTargets.fixErrors")}</p> : null}
      <Card title={t("regionTargets.title")} description={`${t("forecasts.gaps.description", { months: period.months, from: f.month(period.from), to: f.month(period.to) })} ${t("regionTargets.period")}`} flush>
        <Form method="post" noValidate data-testid="region-targets-form" data-period={`${period.from}/${period.to}`}>
          <RegionTargetsTable rows={rows} values={actionData?.values ?? loaderData.values} errors={actionData?.errors ?? {}} period={period} forecastPeriods={forecastPeriods} />
          <div className="flex items-center justify-between gap-4 border-t border-slate-100 px-4 py-3">
            <p className="text-xs text-slate-500">{t("regionTargets.gapHint")}</p>
            <button type="submit" disabled={busy} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">{t("regionTargets.save")}</button>
          </div>
        </Form>
      </Card>
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

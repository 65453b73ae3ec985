// Regional targets (channel managers, admins): per region the sales target and the gap below it
// that regional boost programs read until forecasts exist. Field errors keep what was typed.
import { useTranslation } from "react-i18next";
import { data, Form, useNavigation } from "react-router";
import { can } from "../../models/auth/permissions.ts";
import { db } from "../../models/db/client.ts";
import { listRegionTargets, RegionTargetsError, updateRegionTargets } from "../../models/incentives/region-targets.ts";
import { clientIp, requireUser } from "../auth.server.ts";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { errorTitle, pageTitle } from "../components/pageTitle.ts";
import { Card } from "../components/ui/Card.tsx";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import { useFormat } from "../components/useFormat.ts";
import { fromMinorUnits, toMinorUnits } from "../lib/money-input.ts";
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
    values[`target.${row.regionCode}`] = row.targetAmount === 0 ? "" : fromMinorUnits(row.targetAmount, "EUR");
    values[`gap.${row.regionCode}`] = row.managerGapBasisPoints === null ? "" : String(row.managerGapBasisPoints / 100);
  }
  return { rows, values };
}

/** "12.5" (percent, 0–100) → 1250 basis points; null for empty, NaN for anything else. */
function gapBasisPoints(text: string): number | null {
  if (text.trim() === "") return null;
  const basisPoints = /^\s*\d{1,3}([.,]\d{1,2})?\s*$/.test(text) ? Math.round(Number(text.trim().replace(",", ".")) * 100) : Number.NaN;
  return basisPoints <= 10_000 ? basisPoints : Number.NaN;
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser(request, context);
  if (!can(user, "incentives:manage")) throw data(null, { status: 403 });
  const form = await request.formData();
  const codes = form.getAll("regionCode").map(String);
  const values: Values = {};
  const errors: Record<string, "target" | "gap"> = {};
  const input = codes.map((code) => {
    const target = String(form.get(`target.${code}`) ?? "");
    const gap = String(form.get(`gap.${code}`) ?? "");
    values[`target.${code}`] = target;
    values[`gap.${code}`] = gap;
    const targetAmount = target.trim() === "" ? 0 : toMinorUnits(target, "EUR");
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

const input = "block w-full rounded-md border border-slate-300 px-3 py-1.5 text-right tabular-nums shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500";

export default function RegionTargetsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const busy = useNavigation().state === "submitting";
  const values = actionData?.values ?? loaderData.values;
  const errors: Record<string, string> = actionData?.errors ?? {};
  const field = (name: string, label: string) => (
    <>
      <input id={name} name={name} inputMode="decimal" defaultValue={values[name]} aria-label={label} aria-invalid={errors[name] ? true : undefined} aria-describedby={errors[name] ? `${name}-error` : undefined} className={input} />
      {errors[name] ? <p id={`${name}-error`} className="mt-1 text-xs text-red-600">{t(`regionTargets.errors.${errors[name]}`)}</p> : null}
    </>
  );
  return (
    <div className="space-y-6">
      <PageHeader title={t("regionTargets.title")} subtitle={t("regionTargets.subtitle")} />
      {actionData?.saved ? <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t("regionTargets.saved")}</p> : null}
      {actionData && !actionData.saved ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{t("regionTargets.fixErrors")}</p> : null}
      <Card title={t("regionTargets.title")} flush>
        <Form method="post" noValidate data-testid="region-targets-form">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{t("regionTargets.region")}</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">{t("regionTargets.target")}</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">{t("regionTargets.gap")}</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">{t("regionTargets.forecast")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {loaderData.rows.map((row) => (
                <tr key={row.regionCode}>
                  <th scope="row" className="px-4 py-2 text-left font-medium">
                    <input type="hidden" name="regionCode" value={row.regionCode} />
                    {row.regionName}
                  </th>
                  <td className="px-4 py-2">{field(`target.${row.regionCode}`, `${t("regionTargets.target")} — ${row.regionName}`)}</td>
                  <td className="px-4 py-2">{field(`gap.${row.regionCode}`, `${t("regionTargets.gap")} — ${row.regionName}`)}</td>
                  <td className="px-4 py-2 text-right text-slate-500">{row.forecastAmount === null ? t("regionTargets.noForecast") : f.money({ amount: row.forecastAmount, currency: "EUR" })}</td>
                </tr>
              ))}
            </tbody>
          </table>
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

// /forecasts — regional sales forecasts. Regional leads see each of their regions' chart (actuals,
// forecast, p10–p90 band, target) with its accuracy in words; channel managers and admins see the
// heatmap of every region's coming months against last year and the gaps to target that drive
// the regional boost, and open a region from there. Partners are refused (403).
import { useTranslation } from "react-i18next";
import { can } from "../../models/auth/permissions.ts";
import { db } from "../../models/db/client.ts";
import { seesAllRegions, visibleForecastRegions } from "../../models/forecasts/access.ts";
import { forecastOverview } from "../../models/forecasts/overview.ts";
import { readRegionForecasts } from "../../models/forecasts/read.ts";
import { requireUser } from "../auth.server.ts";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { ForecastHeatmap } from "../components/forecasts/ForecastHeatmap.tsx";
import { requireForecastReader } from "../components/forecasts/forecast-pages.server.ts";
import { NoForecastRun } from "../components/forecasts/NoForecastRun.tsx";
import { RegionForecastPanel } from "../components/forecasts/RegionForecastPanel.tsx";
import { TargetGaps } from "../components/forecasts/TargetGaps.tsx";
import { errorTitle, pageTitle } from "../components/pageTitle.ts";
import { EmptyState } from "../components/ui/EmptyState.tsx";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import type { Route } from "./+types/forecasts";

export function meta({ matches, error }: Route.MetaArgs) {
  return error ? errorTitle(matches, error) : pageTitle(matches, "forecasts.title");
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  requireForecastReader(user);
  const canRunJobs = can(user, "admin:jobs");
  if (seesAllRegions(user)) {
    return { view: "overview" as const, overview: await forecastOverview(db, user), canSetTargets: can(user, "incentives:manage"), canRunJobs };
  }
  const regions = await visibleForecastRegions(db, user);
  const forecasts = await readRegionForecasts(db, regions);
  const shown = new Set(forecasts.map((f) => f.region.code));
  return { view: "regions" as const, regions, forecasts, missing: regions.filter((r) => !shown.has(r.code)), canRunJobs };
}

export default function Forecasts({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  if (loaderData.view === "overview") {
    const { overview, canSetTargets, canRunJobs } = loaderData;
    return (
      <>
        <PageHeader title={t("forecasts.title")} subtitle={t("forecasts.subtitleAll")} />
        {overview.rows.length === 0 ? (
          <NoForecastRun canRunJobs={canRunJobs} />
        ) : (
          <div className="space-y-8">
            <ForecastHeatmap months={overview.months} rows={overview.rows} />
            <TargetGaps rows={overview.rows} canSetTargets={canSetTargets} />
            {overview.missing.length > 0 ? <p className="text-sm text-slate-500">{t("forecasts.heatmap.missing", { regions: overview.missing.map((r) => r.name).join(", ") })}</p> : null}
          </div>
        )}
      </>
    );
  }
  const { regions, forecasts, missing, canRunJobs } = loaderData;
  return (
    <>
      <PageHeader title={t("forecasts.title")} subtitle={t("forecasts.subtitleLead")} />
      {regions.length === 0 ? (
        <EmptyState message={t("forecasts.noRegions")} testId="forecast-no-regions" />
      ) : forecasts.length === 0 ? (
        <NoForecastRun canRunJobs={canRunJobs} />
      ) : (
        <div className="space-y-8">
          {forecasts.map((forecast) => <RegionForecastPanel key={forecast.region.code} forecast={forecast} detailsLink />)}
          {missing.map((region) => <p key={region.code} className="text-sm text-slate-500">{t("forecasts.noForecastFor", { region: region.name })}</p>)}
        </div>
      )}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

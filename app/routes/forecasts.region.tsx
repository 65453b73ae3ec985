// /forecasts/:regionCode[?line=Product line] — one region's forecast: headline figures (the target
// period's forecast and its gap to target, the next 12 months, the backtest's error), the chart of
// the region's total or one product line with its accuracy in words and caveats, every product
// line side by side, and the weighted pipeline. Leads reach only their regions (404 otherwise).
import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import { can } from "../../models/auth/permissions.ts";
import { db } from "../../models/db/client.ts";
import { readRegionForecast } from "../../models/forecasts/read.ts";
import { requireUser } from "../auth.server.ts";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { requirePageRegion } from "../components/forecasts/forecast-pages.server.ts";
import { NoForecastRun } from "../components/forecasts/NoForecastRun.tsx";
import { PipelineTable } from "../components/forecasts/PipelineTable.tsx";
import { ProductLineTable } from "../components/forecasts/ProductLineTable.tsx";
import { RegionForecastPanel } from "../components/forecasts/RegionForecastPanel.tsx";
import { RegionKpis } from "../components/forecasts/RegionKpis.tsx";
import { errorTitle, titled } from "../components/pageTitle.ts";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import type { Route } from "./+types/forecasts.region";

export function meta({ matches, error, loaderData }: Route.MetaArgs) {
  return error || !loaderData ? errorTitle(matches, error) : titled(matches, loaderData.region.name);
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  // 403 for roles without forecasts, 404 for a region that is not theirs, before anything is read.
  const region = await requirePageRegion(db, user, params.regionCode);
  const forecast = await readRegionForecast(db, region);
  const line = new URL(request.url).searchParams.get("line") ?? "";
  // A product line that is not forecast for this region is as missing as an unknown region.
  if (line !== "" && !forecast?.productLines.some((l) => l.productLine === line)) throw data(null, { status: 404 });
  return { region, forecast, line, canRunJobs: can(user, "admin:jobs") };
}

export default function RegionForecast({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { region, forecast, line, canRunJobs } = loaderData;
  const back = <Link to="/forecasts" className="font-medium text-brand-700 hover:underline"><span aria-hidden="true">← </span>{t("forecasts.allRegions")}</Link>;
  if (!forecast) {
    return (
      <>
        <PageHeader title={region.name} subtitle={t("forecasts.title")} eyebrow={back} />
        <NoForecastRun canRunJobs={canRunJobs} />
      </>
    );
  }
  const series = line === "" ? forecast.total : forecast.productLines.find((l) => l.productLine === line) ?? forecast.total;
  return (
    <>
      <PageHeader title={region.name} subtitle={t("forecasts.subtitleRegion")} eyebrow={back} />
      <div className="space-y-8">
        <RegionKpis forecast={forecast} />
        <RegionForecastPanel forecast={forecast} series={series} />
        <ProductLineTable regionCode={region.code} currency={region.currency} lines={[forecast.total, ...forecast.productLines]} selected={line} />
        {forecast.pipeline ? <PipelineTable pipeline={forecast.pipeline} currency={region.currency} /> : null}
      </div>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

// /market/sources: every market source the user may see with its kind, content, regions,
// schedule and last run (status, error, back-off), and "run now" and on/off for those they may
// change. Admins and regional leads configure; channel managers read; partners get 403.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { db } from "../../models/db/client.ts";
import { canManageSources } from "../../models/market/source-access.ts";
import { listSources } from "../../models/market/sources.ts";
import { clientIp } from "../auth.server.ts";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { requireSourcesPage, sourceListAction } from "../components/market/sources/source-pages.server.ts";
import { SourcesTable } from "../components/market/sources/SourcesTable.tsx";
import { errorTitle, pageTitle } from "../components/pageTitle.ts";
import { Card } from "../components/ui/Card.tsx";
import { EmptyState } from "../components/ui/EmptyState.tsx";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import type { Route } from "./+types/market.sources";

export function meta({ matches, error }: Route.MetaArgs) {
  return error ? errorTitle(matches, error) : pageTitle(matches, "marketSources.title");
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireSourcesPage(request, context);
  const [{ items }, regions] = await Promise.all([listSources(db, user), db.region.findMany({ select: { code: true, name: true } })]);
  const flags = new URL(request.url).searchParams;
  return {
    sources: items,
    regionNames: Object.fromEntries(regions.map((r) => [r.code, r.name])),
    canCreate: canManageSources(user),
    deleted: flags.has("deleted"),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireSourcesPage(request, context);
  return sourceListAction(await request.formData(), { db, user, ipAddress: clientIp(context) });
}

export default function MarketSourcesPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { sources, regionNames, canCreate, deleted } = loaderData;
  const ranName = actionData && actionData.intent === "run" ? sources.find((s) => s.id === actionData.sourceId)?.name : undefined;
  const message = actionData
    ? actionData.intent === "run"
      ? actionData.ok ? t("marketSources.runQueued", { name: ranName ?? "" }) : t("marketSources.runUnavailable")
      : actionData.ok ? t("marketSources.toggled") : t("marketSources.refused", { message: actionData.message ?? "" })
    : deleted ? t("marketSources.deleted") : null;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("marketSources.title")}
        subtitle={t("marketSources.subtitle")}
        actions={canCreate ? <Link to="/market/sources/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">{t("marketSources.newSource")}</Link> : undefined}
      />
      <div role="status" aria-live="polite" className="empty:hidden">
        {message ? <p data-testid="source-message" className={`rounded-md px-3 py-2 text-sm ${!actionData || actionData.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}>{message}</p> : null}
      </div>
      <Card title={t("marketSources.title")} flush>
        {sources.length === 0 ? <EmptyState message={t("marketSources.empty")} /> : <SourcesTable sources={sources} regionNames={regionNames} />}
      </Card>
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

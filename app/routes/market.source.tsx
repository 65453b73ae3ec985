// /market/sources/new and /market/sources/:sourceId: the source editor (field errors beside
// the fields, what was typed kept), "Test source" (fetch once with what is typed, show what
// would be extracted, save nothing), and on a saved source its status, "run now" and delete.
// Channel managers, and leads on sources beyond their regions, see it read-only.
import { useTranslation } from "react-i18next";
import { data, Form, Link } from "react-router";
import type { SessionUser } from "../../models/auth/users.ts";
import { db } from "../../models/db/client.ts";
import { canManageSources } from "../../models/market/source-access.ts";
import { getSource } from "../../models/market/sources.ts";
import { clientIp } from "../auth.server.ts";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { formValuesOf, NEW_SOURCE_VALUES } from "../components/market/sources/source-form.ts";
import { requireSourcesPage, sourceEditorAction } from "../components/market/sources/source-pages.server.ts";
import { SourceForm } from "../components/market/sources/SourceForm.tsx";
import { SourceStatusDetails } from "../components/market/sources/SourceStatus.tsx";
import { TestFailure, TestResult } from "../components/market/sources/TestResult.tsx";
import { errorTitle, pageTitle, titled } from "../components/pageTitle.ts";
import { Card } from "../components/ui/Card.tsx";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import type { Route } from "./+types/market.source";

export function meta({ matches, loaderData, error }: Route.MetaArgs) {
  if (error) return errorTitle(matches, error);
  return loaderData?.source ? titled(matches, loaderData.source.name) : pageTitle(matches, "marketSources.newTitle");
}

async function choosableRegions(user: SessionUser, editable: boolean) {
  const all = await db.region.findMany({ select: { code: true, name: true }, orderBy: { name: "asc" } });
  return user.role === "REGIONAL_LEAD" && editable ? all.filter((r) => user.regionCodes.includes(r.code)) : all;
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const user = requireSourcesPage(request, context);
  if (!params.sourceId) {
    if (!canManageSources(user)) throw data(null, { status: 403 });
    return { source: null, values: NEW_SOURCE_VALUES, regions: await choosableRegions(user, true), canEdit: true, saved: false };
  }
  const source = await getSource(db, user, params.sourceId);
  if (source === null) throw data(null, { status: 404 });
  const saved = new URL(request.url).searchParams.has("saved");
  return { source, values: formValuesOf(source), regions: await choosableRegions(user, source.canEdit), canEdit: source.canEdit, saved };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const user = requireSourcesPage(request, context);
  return sourceEditorAction(await request.formData(), params.sourceId ?? null, { db, user, ipAddress: clientIp(context) });
}

export default function MarketSourcePage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { source, regions, canEdit, saved } = loaderData;
  const form = actionData && "values" in actionData ? actionData : null;
  const run = actionData && actionData.intent === "run" ? actionData : null;
  const back = <Link to="/market/sources" className="text-brand-700 hover:underline">{t("marketSources.backToList")}</Link>;
  return (
    <div className="space-y-6">
      <PageHeader eyebrow={back} title={source ? source.name : t("marketSources.newTitle")} subtitle={source ? source.url : t("marketSources.newSubtitle")} />
      <div role="status" aria-live="polite" className="empty:hidden">
        {saved && !actionData ? <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-testid="source-message">{t("marketSources.saved")}</p> : null}
        {run ? <p className={`rounded-md px-3 py-2 text-sm ${run.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`} data-testid="source-message">{run.ok ? t("marketSources.runQueued", { name: source?.name ?? "" }) : t("marketSources.runUnavailable")}</p> : null}
      </div>
      {source ? (
        <Card title={t("marketSources.statusTitle")}>
          <SourceStatusDetails status={source.status} enabled={source.enabled} />
          {canEdit ? (
            <Form method="post" className="mt-4 flex flex-wrap gap-3">
              <button type="submit" name="intent" value="run" className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50">{t("marketSources.runNow")}</button>
              <button type="submit" name="intent" value="delete" onClick={(e) => { if (!window.confirm(t("marketSources.form.deleteConfirm"))) e.preventDefault(); }} className="rounded-md px-3 py-1.5 text-sm font-semibold text-red-700 ring-1 ring-red-200 hover:bg-red-50">{t("marketSources.form.delete")}</button>
            </Form>
          ) : null}
        </Card>
      ) : null}
      {!canEdit ? <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">{t("marketSources.form.readOnly")}</p> : null}
      <SourceForm
        values={form?.values ?? loaderData.values}
        errors={form?.errors ?? {}}
        regions={regions}
        readOnly={!canEdit}
        canTest={canEdit}
        submitLabel={source ? t("marketSources.form.save") : t("marketSources.form.create")}
        footer={<Link to="/market/sources" className="text-sm text-slate-600 hover:underline">{t("marketSources.form.cancel")}</Link>}
      />
      {form && "failure" in form && form.failure ? <TestFailure failure={form.failure} /> : null}
      {form && form.ok && "result" in form ? <TestResult result={form.result} /> : null}
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

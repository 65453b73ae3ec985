// The segments of the latest clustering run for channel managers, admins and regional leads:
// k, silhouette, churn model AUC and the run's date; each segment's size, description and centroid
// profile; a radar comparing segments; and whether partners see their own segment (a setting).
import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import { z } from "zod";
import { can } from "../../models/auth/permissions.ts";
import { db } from "../../models/db/client.ts";
import { latestSegmentRun } from "../../models/partners/segment-runs.ts";
import { mayChangeSegmentVisibility, partnersSeeOwnSegment, setPartnersSeeOwnSegment } from "../../models/partners/segment-visibility.ts";
import { requireUser } from "../auth.server.ts";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { errorTitle, pageTitle } from "../components/pageTitle.ts";
import { CentroidTable, SegmentCards } from "../components/segments/SegmentDetails.tsx";
import { SegmentRadar } from "../components/segments/SegmentRadar.tsx";
import { SegmentVisibility } from "../components/segments/SegmentVisibility.tsx";
import { NoRunMessage } from "../components/segments/NoRunMessage.tsx";
import { Card } from "../components/ui/Card.tsx";
import { Kpi, KpiGrid } from "../components/ui/Kpi.tsx";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import { useFormat } from "../components/useFormat.ts";
import type { Route } from "./+types/segments";

export function meta({ matches, error }: Route.MetaArgs) {
  return error ? errorTitle(matches, error) : pageTitle(matches, "segments.title");
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  if (!can(user, "partners:read")) throw data(null, { status: 403 });
  const [run, shown] = await Promise.all([latestSegmentRun(db), partnersSeeOwnSegment(db)]);
  const scored = run ? await db.partnerScore.count({ where: { runId: run.id } }) : 0;
  return { run, scored, shown, canChange: mayChangeSegmentVisibility(user), canRunJobs: can(user, "admin:jobs") };
}

const visibilityForm = z.object({ show: z.enum(["true", "false"]) });

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser(request, context);
  if (!mayChangeSegmentVisibility(user)) throw data(null, { status: 403 });
  const parsed = visibilityForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw data(null, { status: 400 });
  await setPartnersSeeOwnSegment(db, user, parsed.data.show === "true");
  return { saved: true };
}

export default function Segments({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const { run, scored, shown, canChange, canRunJobs } = loaderData;
  const decimals = (value: number | null) => (value === null ? t("segments.kpi.notReported") : value.toFixed(2));
  return (
    <>
      <PageHeader title={t("segments.title")} subtitle={t("segments.subtitle")} />
      {!run ? (
        <Card title={t("segments.runLabel")}>
          <NoRunMessage className="px-5 py-8 text-center text-sm text-slate-500" />
          {canRunJobs ? <p className="pb-4 text-center"><Link to="/admin/jobs" className="text-sm font-medium text-brand-700 hover:underline">{t("segments.jobsLink")}</Link></p> : null}
        </Card>
      ) : (
        <div className="space-y-8" data-testid="segment-run" data-run-id={run.id}>
          <KpiGrid label={t("segments.runLabel")}>
            <Kpi label={t("segments.kpi.k")} value={f.number(run.k)} testId="segments-k" rawValue={run.k} hint={t("segments.kpi.partners") + ": " + f.number(scored)} />
            <Kpi label={t("segments.kpi.silhouette")} value={decimals(run.quality.silhouette)} testId="segments-silhouette" rawValue={run.quality.silhouette ?? ""} hint={t("segments.kpi.silhouetteHint")} />
            <Kpi
              label={t("segments.kpi.churnAuc")}
              value={decimals(run.quality.churnAuc)}
              testId="segments-churn-auc"
              rawValue={run.quality.churnAuc ?? ""}
              hint={run.quality.churnAuc === null ? undefined : t("segments.kpi.churnAucHint", { brier: decimals(run.quality.churnBrier) })}
            />
            <Kpi label={t("segments.kpi.finishedAt")} value={f.date(run.finishedAt)} testId="segments-finished-at" rawValue={run.finishedAt} hint={f.dateTime(run.finishedAt)} />
          </KpiGrid>
          <SegmentCards segments={run.segments} />
          <SegmentRadar segments={run.segments} />
          <CentroidTable segments={run.segments} features={run.features} />
        </div>
      )}
      <div className="mt-8">
        <SegmentVisibility shown={shown} canChange={canChange} saved={actionData?.saved === true} />
      </div>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

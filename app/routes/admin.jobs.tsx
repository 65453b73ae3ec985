// Admin: the health of every job queue, and "run now" for the queues whose capability has landed.
import { useTranslation } from "react-i18next";
import { data, useRevalidator } from "react-router";
import { z } from "zod";
import { queues } from "../../jobs/main.ts";
import { recordAudit } from "../../models/audit/log.ts";
import { listQueueHealthRows } from "../../models/dashboards/admin.ts";
import { db } from "../../models/db/client.ts";
import { runJobNow } from "../../models/jobs/admin.ts";
import { getJobQueue } from "../../models/services.ts";
import { clientIp, requireUser } from "../auth.server.ts";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { QueueTable } from "../components/jobs/QueueTable.tsx";
import { errorTitle, pageTitle } from "../components/pageTitle.ts";
import { Card } from "../components/ui/Card.tsx";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import type { Route } from "./+types/admin.jobs";

const runForm = z.object({ queue: z.string().trim().min(1).max(100) });

type Refusal = "unknown-queue" | "no-handler" | "invalid-data" | "not-running";
type RunOutcome = { ok: true; queue: string; jobId: string } | { ok: false; queue: string; reason: Refusal };

const refusalStatus: Record<Refusal, number> = { "unknown-queue": 404, "no-handler": 409, "invalid-data": 400, "not-running": 503 };

export function meta({ matches, error }: Route.MetaArgs) {
  return error ? errorTitle(matches, error) : pageTitle(matches, "jobs.title");
}

export async function loader({ request, context }: Route.LoaderArgs) {
  requireUser(request, context, ["ADMIN"]);
  return { queues: await listQueueHealthRows(db, queues), canSend: getJobQueue() !== null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser(request, context, ["ADMIN"]);
  const parsed = runForm.safeParse({ queue: (await request.formData()).get("queue") });
  const refuse = (queue: string, reason: Refusal) => data<RunOutcome>({ ok: false, queue, reason }, { status: refusalStatus[reason] });
  if (!parsed.success) return refuse("", "unknown-queue");
  const { queue } = parsed.data;
  const boss = getJobQueue();
  if (!boss) return refuse(queue, "not-running");
  const result = await runJobNow(boss, queues, queue);
  if (!result.ok) return refuse(queue, result.reason);
  await recordAudit(db, {
    actorUserId: user.id,
    action: "job.run",
    entityType: "job_queue",
    entityId: queue,
    ipAddress: clientIp(context),
    data: { jobId: result.jobId },
  });
  return data<RunOutcome>({ ok: true, queue, jobId: result.jobId }, { status: 202 });
}

const notes = { notAvailable: "jobs-not-available", notRunning: "jobs-not-running" };

export default function AdminJobs({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  return (
    <>
      <PageHeader
        title={t("jobs.title")}
        subtitle={t("jobs.subtitle")}
        actions={
          <button
            type="button"
            onClick={() => void revalidator.revalidate()}
            disabled={revalidator.state !== "idle"}
            className="rounded-md bg-white px-3 py-2 text-sm font-semibold text-slate-700 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-60"
          >
            {t("common.refresh")}
          </button>
        }
      />
      <div role="status" aria-live="polite" className="empty:hidden mb-6">
        {actionData ? (
          <p
            data-testid="run-result"
            className={`rounded-lg px-4 py-3 text-sm ring-1 ${actionData.ok ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-red-50 text-red-800 ring-red-200"}`}
          >
            {actionData.ok
              ? t("jobs.sent", { jobId: actionData.jobId, queue: actionData.queue })
              : t(`jobs.refused.${actionData.reason}`, { queue: actionData.queue })}
          </p>
        ) : null}
      </div>
      {loaderData.canSend ? null : (
        <p id={notes.notRunning} className="mb-6 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">{t("jobs.notRunning")}</p>
      )}
      <Card flush title={t("jobs.listCaption")} description={t("jobs.windowHint")}>
        <QueueTable queues={loaderData.queues} canSend={loaderData.canSend} notes={notes} />
        {loaderData.queues.some((q) => !q.hasHandler) ? (
          <p id={notes.notAvailable} className="border-t border-slate-100 px-5 py-3 text-sm text-slate-600">{t("jobs.notAvailableHint")}</p>
        ) : null}
      </Card>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

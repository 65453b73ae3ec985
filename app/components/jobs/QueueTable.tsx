// The admin's table of job queues: what each does, its schedule, counts, last run and a
// "Run now" button — disabled, and described by the page's note saying why, when the queue
// cannot run from here.
import { useTranslation } from "react-i18next";
import { Form, useNavigation } from "react-router";
import type { QueueHealthRow } from "../../../models/dashboards/admin.ts";
import { Badge, JobStateBadge } from "../ui/Badge.tsx";
import { RowHeader, Table, TBody, Td, Th } from "../ui/Table.tsx";
import { useFormat } from "../useFormat.ts";

type Props = {
  queues: QueueHealthRow[];
  canSend: boolean;
  /** Ids of the page's notes explaining an unreleased queue and a stopped job system. */
  notes: { notAvailable: string; notRunning: string };
};

export function QueueTable({ queues, canSend, notes }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigation = useNavigation();
  const sending = navigation.state === "submitting" ? navigation.formData?.get("queue") : null;
  return (
    <Table caption={t("jobs.listCaption")} testId="queue-table">
      <thead>
        <tr>
          <Th>{t("jobs.columns.queue")}</Th>
          <Th>{t("jobs.columns.schedule")}</Th>
          <Th numeric>{t("jobs.columns.waiting")}</Th>
          <Th numeric>{t("jobs.columns.active")}</Th>
          <Th numeric>{t("jobs.columns.completed")}</Th>
          <Th numeric>{t("jobs.columns.failed")}</Th>
          <Th>{t("jobs.columns.lastRun")}</Th>
          <Th hidden>{t("jobs.columns.actions")}</Th>
        </tr>
      </thead>
      <TBody>
        {queues.map((q) => {
          const disabledBy = !q.hasHandler ? notes.notAvailable : !canSend ? notes.notRunning : null;
          return (
            <tr key={q.queue} data-testid={`queue-row-${q.queue}`}>
              <RowHeader>
                <span className="font-mono text-sm">{q.queue}</span>
                <p className="mt-1 max-w-md text-xs font-normal text-slate-500">{q.description}</p>
              </RowHeader>
              <Td>
                {q.scheduled ? (
                  <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{q.scheduled}</code>
                ) : (
                  <span className="text-slate-500">{q.hasHandler ? t("jobs.onEvent") : t("jobs.notScheduled")}</span>
                )}
              </Td>
              <Td numeric>{f.number(q.created)}</Td>
              <Td numeric>{f.number(q.active)}</Td>
              <Td numeric>{f.number(q.completed)}</Td>
              <Td numeric className={q.failed > 0 ? "font-semibold text-red-700" : ""}>
                <span data-testid={`queue-failed-${q.queue}`} data-value={q.failed}>{f.number(q.failed)}</span>
              </Td>
              <Td>
                {q.lastRun ? (
                  <div className="space-y-1 whitespace-nowrap">
                    <JobStateBadge state={q.lastRun.status} />
                    <div className="text-xs text-slate-500">{f.dateTime(q.lastRun.at)}</div>
                    {q.lastRun.durationMs !== null ? <div className="text-xs text-slate-500">{t("jobs.duration", { duration: f.seconds(q.lastRun.durationMs) })}</div> : null}
                  </div>
                ) : (
                  <span className="text-slate-500">{t("jobs.neverRun")}</span>
                )}
              </Td>
              <Td>
                <Form method="post" className="flex flex-col items-end gap-1">
                  <input type="hidden" name="queue" value={q.queue} />
                  <button
                    type="submit"
                    disabled={disabledBy !== null || sending === q.queue}
                    aria-label={t("jobs.runLabel", { queue: q.queue })}
                    aria-describedby={disabledBy ?? undefined}
                    data-testid={`run-${q.queue}`}
                    className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold whitespace-nowrap text-white shadow-sm hover:bg-brand-700 disabled:cursor-not-allowed disabled:bg-slate-200 disabled:text-slate-500 disabled:shadow-none"
                  >
                    {sending === q.queue ? t("jobs.running") : t("jobs.runNow")}
                  </button>
                  {q.hasHandler ? null : <Badge tone="slate">{t("jobs.notAvailable")}</Badge>}
                </Form>
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}

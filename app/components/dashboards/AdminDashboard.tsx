// The administrator's dashboard: users by role, live sessions, partner organizations and the
// health of every background job queue (details and "run now" are on /admin/jobs).
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AdminDashboard as AdminDashboardData } from "../../../models/dashboards/admin.ts";
import { Badge, JobStateBadge } from "../ui/Badge.tsx";
import { Card } from "../ui/Card.tsx";
import { Kpi, KpiGrid } from "../ui/Kpi.tsx";
import { RowHeader, Table, TBody, Td, Th } from "../ui/Table.tsx";
import { useFormat } from "../useFormat.ts";

export function AdminDashboard({ data }: { data: AdminDashboardData }) {
  const { t } = useTranslation();
  const f = useFormat();
  const failed = data.queues.reduce((sum, q) => sum + q.failed, 0);
  const activeOrgs = data.partnerOrgs.byStatus.find((s) => s.status === "ACTIVE")?.count ?? 0;
  return (
    <div className="space-y-8">
      <KpiGrid label={t("dashboard.keyFigures")}>
        <Kpi
          label={t("dashboard.admin.users")}
          value={f.number(data.users.enabled)}
          rawValue={data.users.enabled}
          testId="kpi-users"
          hint={t("dashboard.admin.disabledUsers", { count: data.users.disabled, formatted: f.number(data.users.disabled) })}
        />
        <Kpi label={t("dashboard.admin.activeSessions")} value={f.number(data.activeSessions)} rawValue={data.activeSessions} testId="kpi-active-sessions" hint={t("dashboard.admin.activeSessionsHint")} />
        <Kpi
          label={t("dashboard.admin.partnerOrgs")}
          value={f.number(data.partnerOrgs.total)}
          rawValue={data.partnerOrgs.total}
          testId="kpi-partner-orgs"
          hint={t("dashboard.admin.activeOrgs", { formatted: f.number(activeOrgs) })}
        />
        <Kpi
          label={t("dashboard.admin.failedJobs")}
          value={f.number(failed)}
          rawValue={failed}
          testId="kpi-failed-jobs"
          tone={failed > 0 ? "warning" : "good"}
          hint={t("dashboard.admin.failedJobsHint")}
          href="/admin/jobs"
          linkLabel={t("dashboard.admin.manageJobs")}
        />
      </KpiGrid>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("dashboard.admin.usersByRole")}>
          <ul className="divide-y divide-slate-100">
            {data.usersByRole.map(({ role, count }) => (
              <li key={role} className="flex items-center justify-between py-2.5 text-sm">
                <span className="text-slate-700">{t(`roles.${role}`)}</span>
                <span className="font-semibold tabular-nums" data-testid={`users-by-role-${role}`} data-value={count}>{f.number(count)}</span>
              </li>
            ))}
          </ul>
          <h3 className="mt-6 text-sm font-semibold text-slate-900">{t("dashboard.admin.orgsByStatus")}</h3>
          <ul className="mt-2 divide-y divide-slate-100">
            {data.partnerOrgs.byStatus.map(({ status, count }) => (
              <li key={status} className="flex items-center justify-between py-2.5 text-sm">
                <span className="text-slate-700">{t(`partnerStatus.${status}`)}</span>
                <span className="font-semibold tabular-nums" data-testid={`partner-orgs-${status}`} data-value={count}>{f.number(count)}</span>
              </li>
            ))}
          </ul>
        </Card>

        <Card
          className="lg:col-span-2"
          flush
          title={t("dashboard.admin.queueHealth")}
          description={t("jobs.windowHint")}
          action={<Link to="/admin/jobs" className="font-medium text-brand-600 hover:underline">{t("dashboard.admin.manageJobs")}</Link>}
        >
          <Table caption={t("dashboard.admin.queueHealth")} testId="queue-health">
            <thead>
              <tr>
                <Th>{t("jobs.columns.queue")}</Th>
                <Th>{t("jobs.columns.lastRun")}</Th>
                <Th numeric>{t("jobs.columns.active")}</Th>
                <Th numeric>{t("jobs.columns.failed")}</Th>
              </tr>
            </thead>
            <TBody>
              {data.queues.map((q) => (
                <tr key={q.queue}>
                  <RowHeader>
                    <span className="font-mono text-xs">{q.queue}</span>
                    {q.hasHandler ? null : <div className="mt-1"><Badge tone="slate">{t("jobs.notAvailable")}</Badge></div>}
                  </RowHeader>
                  <Td>
                    {q.lastRun ? (
                      <span className="flex flex-wrap items-center gap-2">
                        <JobStateBadge state={q.lastRun.status} />
                        <span className="text-xs text-slate-500">{f.dateTime(q.lastRun.at)}</span>
                      </span>
                    ) : (
                      <span className="text-slate-500">{t("jobs.neverRun")}</span>
                    )}
                  </Td>
                  <Td numeric>{f.number(q.active)}</Td>
                  <Td numeric className={q.failed > 0 ? "font-semibold text-red-700" : ""}>{f.number(q.failed)}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        </Card>
      </div>
    </div>
  );
}

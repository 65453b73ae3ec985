// The channel manager's dashboard: the approval queue against its SLA, deal intake, value won
// this quarter, and the partner base by tier and region.
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ManagerDashboard as ManagerDashboardData } from "../../../models/dashboards/manager.ts";
import { Badge, TierBadge } from "../ui/Badge.tsx";
import { Card } from "../ui/Card.tsx";
import { EmptyState } from "../ui/EmptyState.tsx";
import { Kpi, KpiGrid } from "../ui/Kpi.tsx";
import { RowHeader, Table, TBody, Td, Th } from "../ui/Table.tsx";
import { moneyValue, useFormat } from "../useFormat.ts";

export function ManagerDashboard({ data, now }: { data: ManagerDashboardData; now: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { pending, submitted, wonThisQuarter } = data;
  const waited = (iso: string) => f.duration(Date.parse(now) - Date.parse(iso));
  const activePartners = data.partnersByTier.reduce((sum, r) => sum + r.count, 0);
  return (
    <div className="space-y-8">
      <KpiGrid label={t("dashboard.keyFigures")}>
        <Kpi
          label={t("dashboard.manager.pending")}
          value={f.number(pending.count)}
          rawValue={pending.count}
          testId="kpi-pending-approvals"
          hint={
            pending.oldestSubmittedAt ? (
              <span data-testid="kpi-oldest-waiting" data-value={pending.oldestSubmittedAt}>
                {t("dashboard.manager.oldestWaiting", { duration: waited(pending.oldestSubmittedAt) })}
              </span>
            ) : (
              t("dashboard.manager.queueEmpty")
            )
          }
          href="/deals?status=SUBMITTED"
          linkLabel={t("dashboard.manager.openQueue")}
        />
        <Kpi
          label={t("dashboard.manager.overdue", { hours: data.slaHours })}
          value={f.number(pending.overdue)}
          rawValue={pending.overdue}
          testId="kpi-overdue-approvals"
          tone={pending.overdue > 0 ? "warning" : "good"}
          hint={t("dashboard.manager.overdueHint", { hours: data.slaHours })}
        />
        <Kpi
          label={t("dashboard.manager.submittedThisMonth")}
          value={f.number(submitted.thisMonth)}
          rawValue={submitted.thisMonth}
          testId="kpi-submitted-this-month"
          hint={
            <span data-testid="kpi-submitted-last-month" data-value={submitted.lastMonth}>
              {t("dashboard.manager.submittedLastMonth", { count: submitted.lastMonth, formatted: f.number(submitted.lastMonth) })}
            </span>
          }
        />
        <Kpi
          label={t("dashboard.manager.wonThisQuarter")}
          value={f.moneyLines(wonThisQuarter.value, true)}
          rawValue={moneyValue(wonThisQuarter.value)}
          testId="kpi-won-this-quarter"
          tone="good"
          hint={
            <span data-testid="kpi-won-count-this-quarter" data-value={wonThisQuarter.count}>
              {t("dashboard.manager.wonDeals", { count: wonThisQuarter.count, formatted: f.number(wonThisQuarter.count) })}
            </span>
          }
        />
      </KpiGrid>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card
          className="lg:col-span-2"
          flush
          title={t("dashboard.manager.oldestPending")}
          description={t("dashboard.manager.oldestPendingHint", { hours: data.slaHours })}
          action={<Link to="/deals?status=SUBMITTED" className="font-medium text-brand-600 hover:underline">{t("common.viewAll")}</Link>}
        >
          {pending.oldest.length === 0 ? (
            <EmptyState message={t("dashboard.manager.queueEmpty")} />
          ) : (
            <Table caption={t("dashboard.manager.oldestPending")} testId="pending-deals">
              <thead>
                <tr>
                  <Th>{t("deals.columns.deal")}</Th>
                  <Th>{t("deals.columns.partner")}</Th>
                  <Th numeric>{t("deals.columns.value")}</Th>
                  <Th numeric>{t("deals.columns.waiting")}</Th>
                </tr>
              </thead>
              <TBody>
                {pending.oldest.map((deal) => (
                  <tr key={deal.id} className="hover:bg-slate-50">
                    <RowHeader>
                      <Link to={`/deals/${deal.id}`} className="text-brand-700 hover:underline">{deal.title}</Link>
                      <div className="text-xs font-normal text-slate-500">{deal.customerName}</div>
                    </RowHeader>
                    <Td>{deal.partnerName}</Td>
                    <Td numeric>{f.money(deal.value)}</Td>
                    <Td numeric>
                      <span className="block">{waited(deal.submittedAt)}</span>
                      {deal.overdue ? <Badge tone="red">{t("dashboard.manager.overdueBadge")}</Badge> : null}
                    </Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          )}
        </Card>

        <Card
          title={t("dashboard.manager.partnersByTier")}
          description={t("dashboard.manager.assigned", { count: data.assignedPartners, formatted: f.number(data.assignedPartners) })}
          action={
            <span className="text-slate-500">
              <Trans
                i18nKey="dashboard.manager.activeTotal"
                values={{ formatted: f.number(activePartners) }}
                components={{ n: <span className="font-semibold text-slate-900 tabular-nums" data-testid="kpi-active-partners" data-value={activePartners} /> }}
              />
            </span>
          }
        >
          <span hidden data-testid="kpi-assigned-partners" data-value={data.assignedPartners} />
          <ul className="divide-y divide-slate-100">
            {data.partnersByTier.map(({ tier, count }) => (
              <li key={tier} className="flex items-center justify-between py-2.5">
                <TierBadge tier={tier} />
                <span className="text-lg font-semibold tabular-nums" data-testid={`partners-by-tier-${tier}`} data-value={count}>{f.number(count)}</span>
              </li>
            ))}
          </ul>
        </Card>
      </div>

      <Card flush title={t("dashboard.manager.partnersByRegion")} description={t("dashboard.manager.partnersByRegionHint")}>
        {data.partnersByRegion.length === 0 ? (
          <EmptyState message={t("dashboard.manager.noPartners")} />
        ) : (
          <Table caption={t("dashboard.manager.partnersByRegion")} testId="partners-by-region">
            <thead>
              <tr>
                <Th>{t("common.region")}</Th>
                {data.partnersByTier.map(({ tier }) => <Th key={tier} numeric>{t(`tiers.${tier}`)}</Th>)}
                <Th numeric>{t("common.total")}</Th>
              </tr>
            </thead>
            <TBody>
              {data.partnersByRegion.map((region) => (
                <tr key={region.regionCode}>
                  <RowHeader>{region.regionName}</RowHeader>
                  {data.partnersByTier.map(({ tier }) => <Td key={tier} numeric>{f.number(region.byTier[tier])}</Td>)}
                  <Td numeric className="font-semibold">{f.number(region.total)}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </div>
  );
}

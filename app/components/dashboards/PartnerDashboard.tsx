// The partner's dashboard: open pipeline, earnings, deals by status, protections about to
// lapse and the latest registrations of their own organization.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PartnerDashboard as PartnerDashboardData, PartnerDealRow } from "../../../models/dashboards/partner.ts";
import { Card } from "../ui/Card.tsx";
import { DealStatusBadge } from "../ui/Badge.tsx";
import { EmptyState } from "../ui/EmptyState.tsx";
import { Kpi, KpiGrid } from "../ui/Kpi.tsx";
import { RowHeader, Table, TBody, Td, Th } from "../ui/Table.tsx";
import { moneyValue, useFormat } from "../useFormat.ts";
import { StatusBreakdown } from "./StatusBreakdown.tsx";

export function PartnerDashboard({ data, now }: { data: PartnerDashboardData; now: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { openDeals, earnings } = data;
  const days = data.expiringProtections.withinDays;
  return (
    <div className="space-y-8">
      <KpiGrid label={t("dashboard.keyFigures")}>
        <Kpi
          label={t("dashboard.partner.openDeals")}
          value={f.number(openDeals.count)}
          rawValue={openDeals.count}
          testId="kpi-open-deals"
          hint={t("dashboard.partner.openDealsHint")}
          href="/deals?status=SUBMITTED"
          linkLabel={t("dashboard.partner.seeSubmitted")}
        />
        <Kpi
          label={t("dashboard.partner.openValue")}
          value={f.moneyLines(openDeals.value, true)}
          rawValue={moneyValue(openDeals.value)}
          testId="kpi-open-value"
          hint={openDeals.value.length > 0 ? f.moneyList(openDeals.value) : undefined}
        />
        <Kpi
          label={t("dashboard.partner.earnedThisYear")}
          value={f.moneyLines(earnings.thisYear, true)}
          rawValue={moneyValue(earnings.thisYear)}
          testId="kpi-earned-this-year"
          tone="good"
          hint={earnings.thisYear.length > 0 ? f.moneyList(earnings.thisYear) : undefined}
        />
        <Kpi
          label={t("dashboard.partner.earnedAllTime")}
          value={f.moneyLines(earnings.allTime, true)}
          rawValue={moneyValue(earnings.allTime)}
          testId="kpi-earned-all-time"
          hint={
            <span data-testid="kpi-paid-out" data-value={moneyValue(earnings.paidOut)}>
              {earnings.paidOut.length > 0 ? t("dashboard.partner.paidOut", { amount: f.moneyList(earnings.paidOut) }) : t("dashboard.partner.noPayouts")}
            </span>
          }
        />
      </KpiGrid>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("dashboard.partner.dealsByStatus")} description={t("dashboard.partner.dealsByStatusHint")}>
          <StatusBreakdown rows={data.dealsByStatus} linkToDeals />
        </Card>
        <Card
          className="lg:col-span-2"
          flush
          title={t("dashboard.partner.expiring", { days })}
          description={t("dashboard.partner.expiringHint")}
          action={
            <span className="rounded-full bg-amber-50 px-2.5 py-1 font-semibold text-amber-800 tabular-nums" data-testid="kpi-expiring-protections" data-value={data.expiringProtections.count}>
              {f.number(data.expiringProtections.count)}
            </span>
          }
        >
          {data.expiringProtections.deals.length === 0 ? (
            <EmptyState message={t("dashboard.partner.expiringEmpty", { days })} />
          ) : (
            <DealTable caption={t("dashboard.partner.expiring", { days })} deals={data.expiringProtections.deals} now={now} show="expiry" />
          )}
        </Card>
      </div>

      <Card
        flush
        title={t("dashboard.partner.recentDeals")}
        action={<Link to="/deals" className="font-medium text-brand-600 hover:underline">{t("common.viewAll")}</Link>}
      >
        {data.recentDeals.length === 0 ? (
          <EmptyState message={t("dashboard.partner.recentEmpty")} />
        ) : (
          <DealTable caption={t("dashboard.partner.recentDeals")} deals={data.recentDeals} now={now} show="submitted" testId="recent-deals" />
        )}
      </Card>
    </div>
  );
}

function DealTable({ caption, deals, show, now, testId }: { caption: string; deals: PartnerDealRow[]; show: "expiry" | "submitted"; now: string; testId?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Table caption={caption} testId={testId}>
      <thead>
        <tr>
          <Th>{t("deals.columns.deal")}</Th>
          <Th>{t("deals.columns.status")}</Th>
          <Th numeric>{t("deals.columns.value")}</Th>
          <Th numeric>{show === "expiry" ? t("deals.columns.protectionEnds") : t("deals.columns.submitted")}</Th>
        </tr>
      </thead>
      <TBody>
        {deals.map((deal) => (
          <tr key={deal.id} className="hover:bg-slate-50">
            <RowHeader>
              <Link to={`/deals/${deal.id}`} className="text-brand-700 hover:underline">{deal.title}</Link>
              <div className="text-xs font-normal text-slate-500">{deal.customerName}</div>
            </RowHeader>
            <Td><DealStatusBadge status={deal.status} /></Td>
            <Td numeric>{f.money(deal.value)}</Td>
            <Td numeric>
              {show === "expiry" && deal.protectionExpiresAt ? (
                <>
                  {f.date(deal.protectionExpiresAt)}
                  <div className="text-xs text-amber-700">{t("common.inDuration", { duration: f.duration(Date.parse(deal.protectionExpiresAt) - Date.parse(now)) })}</div>
                </>
              ) : (
                f.date(deal.submittedAt)
              )}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

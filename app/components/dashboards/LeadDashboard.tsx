// The regional lead's dashboard: sales of their regions (trailing year, change, 24-month trend),
// their market alerts and each region's top partners by revenue.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { LeadDashboard as LeadDashboardData } from "../../../models/dashboards/lead.ts";
import { SeverityBadge, TierBadge } from "../ui/Badge.tsx";
import { Card } from "../ui/Card.tsx";
import { EmptyState } from "../ui/EmptyState.tsx";
import { Kpi, KpiGrid } from "../ui/Kpi.tsx";
import { RowHeader, Table, TBody, Td, Th } from "../ui/Table.tsx";
import { useFormat } from "../useFormat.ts";
import { SalesTrendChart } from "./SalesTrendChart.tsx";

export function LeadDashboard({ data }: { data: LeadDashboardData }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { salesTrend, alerts } = data;
  const regionName = (code: string | null) => data.regions.find((r) => r.code === code)?.name ?? code ?? "";
  return (
    <div className="space-y-8">
      <KpiGrid label={t("dashboard.keyFigures")}>
        <Kpi
          label={t("dashboard.lead.unreadAlerts")}
          value={f.number(alerts.unread)}
          rawValue={alerts.unread}
          testId="kpi-unread-alerts"
          tone={alerts.unread > 0 ? "warning" : "default"}
          hint={t("dashboard.lead.unreadAlertsHint")}
        />
        {salesTrend.series.map((s) => (
          <Kpi
            key={`${s.regionCode}-${s.currency}`}
            label={t("dashboard.lead.sales12m", { region: s.regionName })}
            value={f.money({ amount: s.last12, currency: s.currency }, true)}
            rawValue={`${s.currency}:${s.last12}`}
            testId={`kpi-sales-12m-${s.regionCode}`}
            tone="default"
            hint={
              <span data-testid={`kpi-yoy-${s.regionCode}`} data-value={s.change ?? ""} className={s.change === null ? "" : s.change >= 0 ? "text-emerald-700" : "text-red-700"}>
                {t("dashboard.lead.yoy", { change: f.change(s.change) })}
              </span>
            }
          />
        ))}
      </KpiGrid>

      <Card
        title={t("dashboard.lead.trendTitle")}
        description={t("dashboard.lead.trendHint", { count: salesTrend.months.length })}
        action={<Link to="/forecasts" className="font-medium text-brand-700 hover:underline" data-testid="lead-forecast-link">{t("forecasts.dashboardLink")} <span aria-hidden="true">→</span></Link>}
      >
        {salesTrend.series.length === 0 ? (
          <EmptyState message={t("dashboard.lead.noRegions")} />
        ) : (
          <SalesTrendChart months={salesTrend.months} series={salesTrend.series} />
        )}
      </Card>

      <div className="grid items-start gap-6 lg:grid-cols-5">
        <Card
          flush
          className="lg:col-span-2"
          title={t("dashboard.lead.latestAlerts")}
          description={t("dashboard.lead.latestAlertsHint")}
          action={<Link to="/alerts" className="font-medium text-brand-700 hover:underline">{t("common.viewAll")}</Link>}
        >
          {alerts.latest.length === 0 ? (
            <EmptyState message={t("dashboard.lead.noAlerts")} testId="alerts-empty" />
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="latest-alerts">
              {alerts.latest.map((alert) => (
                <li key={alert.id} className="flex items-start gap-3 px-5 py-3">
                  <SeverityBadge severity={alert.severity} />
                  <div className="min-w-0 flex-1">
                    <Link to={`/alerts/${alert.id}`} className={`block truncate hover:underline ${alert.read ? "text-slate-700" : "font-semibold text-slate-900"}`}>
                      {alert.title}
                    </Link>
                    <p className="text-xs text-slate-500">
                      {[regionName(alert.regionCode), f.dateTime(alert.createdAt), alert.read ? null : t("dashboard.lead.unread")].filter(Boolean).join(" · ")}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card flush className="lg:col-span-3" title={t("dashboard.lead.topPartners")} description={t("dashboard.lead.topPartnersHint")}>
          {data.topPartners.length === 0 ? (
            <EmptyState message={t("dashboard.lead.noSales")} />
          ) : (
            <Table caption={t("dashboard.lead.topPartners")} testId="top-partners">
              <thead>
                <tr>
                  <Th>{t("common.partner")}</Th>
                  <Th>{t("common.region")}</Th>
                  <Th>{t("common.tier")}</Th>
                  <Th numeric>{t("dashboard.lead.revenue12m")}</Th>
                </tr>
              </thead>
              <TBody>
                {data.topPartners.map((partner) => (
                  <tr key={`${partner.id}-${partner.revenue12m.currency}`}>
                    <RowHeader>{partner.name}</RowHeader>
                    <Td>{regionName(partner.regionCode)}</Td>
                    <Td><TierBadge tier={partner.tier} /></Td>
                    <Td numeric>{f.money(partner.revenue12m)}</Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
      </div>
    </div>
  );
}

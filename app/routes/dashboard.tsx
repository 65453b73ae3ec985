// The landing page of every role: the loader picks the role's dashboard and loads its numbers.
import { useTranslation } from "react-i18next";
import { data } from "react-router";
import { adminDashboard } from "../../models/dashboards/admin.ts";
import { dashboardKindFor } from "../../models/dashboards/kind.ts";
import { leadDashboard } from "../../models/dashboards/lead.ts";
import { managerDashboard } from "../../models/dashboards/manager.ts";
import { partnerDashboard } from "../../models/dashboards/partner.ts";
import { db } from "../../models/db/client.ts";
import { queues } from "../../jobs/main.ts";
import { requireUser } from "../auth.server.ts";
import { AdminDashboard } from "../components/dashboards/AdminDashboard.tsx";
import { LeadDashboard } from "../components/dashboards/LeadDashboard.tsx";
import { ManagerDashboard } from "../components/dashboards/ManagerDashboard.tsx";
import { PartnerDashboard } from "../components/dashboards/PartnerDashboard.tsx";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { errorTitle, pageTitle } from "../components/pageTitle.ts";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import { useFormat } from "../components/useFormat.ts";
import type { Route } from "./+types/dashboard";

export function meta({ matches, error }: Route.MetaArgs) {
  return error ? errorTitle(matches, error) : pageTitle(matches, "nav.dashboard");
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  const now = new Date();
  const base = { now: now.toISOString(), userName: user.name, orgName: user.partnerOrgName, role: user.role };
  switch (dashboardKindFor(user.role)) {
    case "partner": {
      if (!user.partnerOrgId) throw data(null, { status: 403 });
      return { ...base, kind: "partner" as const, data: await partnerDashboard(db, { partnerOrgId: user.partnerOrgId, now }) };
    }
    case "manager":
      return { ...base, kind: "manager" as const, data: await managerDashboard(db, { managerId: user.id, now }) };
    case "lead":
      return { ...base, kind: "lead" as const, data: await leadDashboard(db, { userId: user.id, regionCodes: user.regionCodes, now }) };
    case "admin":
      return { ...base, kind: "admin" as const, data: await adminDashboard(db, { catalogue: queues, now }) };
  }
}

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const subtitle =
    loaderData.kind === "partner" && loaderData.orgName
      ? t("dashboard.partner.subtitle", { org: loaderData.orgName })
      : t(`dashboard.${loaderData.kind}.subtitle`);
  return (
    <>
      <PageHeader
        eyebrow={<span className="font-medium text-brand-600">{t(`roles.${loaderData.role}`)}</span>}
        title={t("dashboard.greeting", { name: loaderData.userName })}
        subtitle={subtitle}
        actions={<p className="text-sm text-slate-500">{t("dashboard.asOf", { time: f.dateTime(loaderData.now) })}</p>}
      />
      {loaderData.kind === "partner" ? <PartnerDashboard data={loaderData.data} now={loaderData.now} /> : null}
      {loaderData.kind === "manager" ? <ManagerDashboard data={loaderData.data} now={loaderData.now} /> : null}
      {loaderData.kind === "lead" ? <LeadDashboard data={loaderData.data} /> : null}
      {loaderData.kind === "admin" ? <AdminDashboard data={loaderData.data} /> : null}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

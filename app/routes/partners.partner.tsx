// A partner's 360 profile for channel managers, admins and regional leads (their regions; 404
// outside): KPIs, revenue, pipeline and activity charts, segment, health and churn risk with
// reasons and model quality, recent deals, incentives and the activity timeline.
import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import { can, canReadDeals } from "../../models/auth/permissions.ts";
import { db } from "../../models/db/client.ts";
import { getPartnerProfile } from "../../models/partners/profiles.ts";
import { requireUser } from "../auth.server.ts";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { errorTitle, titled } from "../components/pageTitle.ts";
import { ActivityChart, PipelineChart, RevenueChart } from "../components/partners/ProfileCharts.tsx";
import { ProfileKpis } from "../components/partners/ProfileKpis.tsx";
import { ActivityTimeline, ProfileDeals, ProfileIncentives } from "../components/partners/ProfileRecords.tsx";
import { ScoreCard } from "../components/partners/ScoreCard.tsx";
import { TierBadge } from "../components/ui/Badge.tsx";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import { useFormat } from "../components/useFormat.ts";
import type { Route } from "./+types/partners.partner";

export function meta({ matches, error, loaderData }: Route.MetaArgs) {
  return error || !loaderData ? errorTitle(matches, error) : titled(matches, loaderData.profile.partner.name);
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  if (!can(user, "partners:read")) throw data(null, { status: 403 });
  const profile = await getPartnerProfile(db, user, params.partnerOrgId);
  if (!profile) throw data(null, { status: 404 });
  // Regional leads read profiles but not deal pages or statements: no links that would refuse them.
  return { profile, links: { deals: canReadDeals(user), statement: can(user, "incentives:read-all") } };
}

const statementHref = (partnerOrgId: string) => `/incentives?${new URLSearchParams({ partnerOrgId })}`;

export default function PartnerProfilePage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const { partner, kpis, revenueByMonth, pipelineByStage, activityByMonth, scoring, deals, ledger, timeline } = loaderData.profile;
  const { links } = loaderData;
  return (
    <div className="space-y-8" data-testid="partner-profile" data-partner-id={partner.id}>
      <PageHeader
        eyebrow={<Link to="/partners" className="font-medium text-brand-700 hover:underline">← {t("partnerProfile.back")}</Link>}
        title={partner.name}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <TierBadge tier={partner.tier} />
            <span>{t("partnerProfile.subtitle", { type: t(`partnerProfile.types.${partner.type}`), region: partner.region.name, country: f.country(partner.country), date: f.calendarDate(partner.joinedAt) })}</span>
            {partner.channelManager ? <span>· {t("partnerProfile.manager", { name: partner.channelManager })}</span> : null}
            {partner.parent ? <span>· {t("partnerProfile.parent", { name: partner.parent.name })}</span> : null}
          </span>
        }
      />
      <ProfileKpis kpis={kpis} statementHref={links.statement ? statementHref(partner.id) : null} />
      <ScoreCard scoring={scoring} />
      <div className="grid gap-6 lg:grid-cols-2">
        <RevenueChart series={revenueByMonth} />
        <PipelineChart stages={pipelineByStage} />
      </div>
      <ActivityChart months={activityByMonth} />
      <ProfileDeals deals={deals} linkDeals={links.deals} />
      <div className="grid gap-6 lg:grid-cols-2">
        <ProfileIncentives entries={ledger} statementHref={links.statement ? statementHref(partner.id) : null} />
        <ActivityTimeline activities={timeline} />
      </div>
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

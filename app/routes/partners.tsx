// The partner list for channel managers, admins and regional leads (their regions): filters by
// region, tier, segment, health band and name kept in the URL, sorted by churn risk by default,
// with each partner's segment, health and churn risk and the models' quality above the table.
import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import { z } from "zod";
import { can } from "../../models/auth/permissions.ts";
import { PARTNER_TIERS } from "../../models/dashboards/manager.ts";
import { db } from "../../models/db/client.ts";
import { HEALTH_BANDS } from "../../models/partners/health-bands.ts";
import { listPartners, PARTNER_SORTS, partnerFilterOptions } from "../../models/partners/partners-list.ts";
import { requireUser } from "../auth.server.ts";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { errorTitle, pageTitle } from "../components/pageTitle.ts";
import { ModelQuality } from "../components/partners/ModelQuality.tsx";
import { PartnerFilters } from "../components/partners/PartnerFilters.tsx";
import { PartnerTable } from "../components/partners/PartnerTable.tsx";
import { NoRunMessage } from "../components/segments/NoRunMessage.tsx";
import { Card } from "../components/ui/Card.tsx";
import { EmptyState } from "../components/ui/EmptyState.tsx";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import { Pagination } from "../components/ui/Pagination.tsx";
import type { Route } from "./+types/partners";

const PAGE_SIZE = 25;

const optional = z.string().trim().max(200).optional().catch(undefined).transform((v) => v || undefined);
const listParams = z.object({
  region: optional,
  tier: z.enum(PARTNER_TIERS).optional().catch(undefined),
  segment: optional,
  healthBand: z.enum(HEALTH_BANDS).optional().catch(undefined),
  q: optional,
  sort: z.enum(PARTNER_SORTS).catch("churn"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function meta({ matches, error }: Route.MetaArgs) {
  return error ? errorTitle(matches, error) : pageTitle(matches, "partners.title");
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  if (!can(user, "partners:read")) throw data(null, { status: 403 });
  const params = new URL(request.url).searchParams;
  const query = listParams.parse(Object.fromEntries(params));
  const [list, options] = await Promise.all([listPartners(db, user, { ...query, pageSize: PAGE_SIZE }), partnerFilterOptions(db, user)]);
  return {
    ...list,
    filters: { region: query.region ?? "", tier: query.tier ?? "", segment: query.segment ?? "", healthBand: query.healthBand ?? "", q: query.q ?? "", sort: query.sort },
    options: { ...options, tiers: PARTNER_TIERS, sorts: PARTNER_SORTS },
    page: query.page,
    pageSize: PAGE_SIZE,
    leadRegions: user.role === "REGIONAL_LEAD" ? user.regionCodes : null,
  };
}

export default function Partners({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { items, total, run, filters, options, page, pageSize, leadRegions } = loaderData;
  return (
    <>
      <PageHeader
        title={t("partners.title")}
        subtitle={leadRegions ? t("partners.subtitleRegions", { regions: leadRegions.join(", ") }) : t("partners.subtitleAll")}
        actions={<Link to="/segments" className="rounded-md bg-white px-3 py-2 text-sm font-semibold text-slate-700 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50">{t("nav.segments")}</Link>}
      />
      <PartnerFilters values={filters} options={options} />
      {run ? (
        <div className="mb-4"><ModelQuality finishedAt={run.finishedAt} quality={run.quality} /></div>
      ) : (
        <NoRunMessage className="mb-4 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-800 ring-1 ring-amber-200" />
      )}
      <Card flush title={t("partners.listTitle", { count: total })}>
        {items.length === 0 ? <EmptyState message={t("partners.empty")} testId="partners-empty" /> : <PartnerTable partners={items} />}
        {total > 0 ? <Pagination page={page} pageSize={pageSize} total={total} /> : null}
      </Card>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

// The deal list: the deals the user may see (a partner: their organization's), filtered by
// status through `?status=` and paged through `?page=`.
import { useTranslation } from "react-i18next";
import { data } from "react-router";
import { z } from "zod";
import { canReadDeals } from "../../models/auth/permissions.ts";
import { isPartnerRole } from "../../models/auth/users.ts";
import { countDealsByStatus, DEAL_STATUSES, listDeals } from "../../models/deals/queries.ts";
import { db } from "../../models/db/client.ts";
import { requireUser } from "../auth.server.ts";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { errorTitle, pageTitle } from "../components/pageTitle.ts";
import { DealStatusFilter } from "../components/deals/DealStatusFilter.tsx";
import { DealTable } from "../components/deals/DealTable.tsx";
import { Card } from "../components/ui/Card.tsx";
import { EmptyState } from "../components/ui/EmptyState.tsx";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import { Pagination } from "../components/ui/Pagination.tsx";
import type { Route } from "./+types/deals";

const PAGE_SIZE = 25;

const listParams = z.object({
  status: z.enum(DEAL_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function meta({ matches, error }: Route.MetaArgs) {
  return error ? errorTitle(matches, error) : pageTitle(matches, "deals.title");
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  if (!canReadDeals(user)) throw data(null, { status: 403 });
  const url = new URL(request.url);
  const { status, page } = listParams.parse({ status: url.searchParams.get("status") ?? undefined, page: url.searchParams.get("page") ?? 1 });
  const [list, counts] = await Promise.all([
    listDeals(db, user, { status, page, pageSize: PAGE_SIZE }),
    countDealsByStatus(db, user),
  ]);
  return {
    ...list,
    counts,
    status: status ?? null,
    page,
    pageSize: PAGE_SIZE,
    ownOrg: isPartnerRole(user.role) ? user.partnerOrgName : null,
  };
}

export default function Deals({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { items, total, counts, status, page, pageSize, ownOrg } = loaderData;
  return (
    <>
      <PageHeader title={t("deals.title")} subtitle={ownOrg ? t("deals.subtitleOwn", { org: ownOrg }) : t("deals.subtitleAll")} />
      <DealStatusFilter counts={counts} current={status} />
      <Card flush title={status ? t(`dealStatus.${status}`) : t("deals.allDeals")} className="mt-6">
        {items.length === 0 ? (
          <EmptyState message={status ? t("deals.emptyFiltered", { status: t(`dealStatus.${status}`) }) : t("deals.empty")} testId="deals-empty" />
        ) : (
          <DealTable deals={items} showPartner={ownOrg === null} />
        )}
        {total > 0 ? <Pagination page={page} pageSize={pageSize} total={total} /> : null}
      </Card>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

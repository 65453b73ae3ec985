// The deal list: the deals the user may see (a partner: their organization's), filtered by
// status through `?status=` or to protection ending soon through `?expiring=1`, paged through
// `?page=`; with "Register a deal" for partners and a CSV export of the same selection.
import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import { z } from "zod";
import { can, canReadDeals } from "../../models/auth/permissions.ts";
import { isPartnerRole } from "../../models/auth/users.ts";
import { countDealsByStatus, DEAL_STATUSES, EXPIRING_SOON_DAYS, listDeals } from "../../models/deals/queries.ts";
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
  expiring: z.literal("1").optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function meta({ matches, error }: Route.MetaArgs) {
  return error ? errorTitle(matches, error) : pageTitle(matches, "deals.title");
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  if (!canReadDeals(user)) throw data(null, { status: 403 });
  const url = new URL(request.url);
  const { status, expiring, page } = listParams.parse({
    status: url.searchParams.get("status") ?? undefined,
    expiring: url.searchParams.get("expiring") ?? undefined,
    page: url.searchParams.get("page") ?? 1,
  });
  const expiringWithinDays = expiring ? EXPIRING_SOON_DAYS : undefined;
  const [list, counts] = await Promise.all([
    listDeals(db, user, { status, expiringWithinDays, page, pageSize: PAGE_SIZE }),
    countDealsByStatus(db, user),
  ]);
  return {
    ...list,
    counts,
    status: status ?? null,
    expiring: expiring === "1",
    expiringDays: EXPIRING_SOON_DAYS,
    canRegister: can(user, "deals:register"),
    page,
    pageSize: PAGE_SIZE,
    ownOrg: isPartnerRole(user.role) ? user.partnerOrgName : null,
  };
}

export default function Deals({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { items, total, counts, status, expiring, expiringDays, canRegister, page, pageSize, ownOrg } = loaderData;
  const selection = new URLSearchParams({ ...(status ? { status } : {}), ...(expiring ? { expiring: "1" } : {}) }).toString();
  const title = expiring ? t("deals.expiringSoonTitle", { days: expiringDays }) : status ? t(`dealStatus.${status}`) : t("deals.allDeals");
  const empty = expiring
    ? t("deals.emptyExpiring", { days: expiringDays })
    : status ? t("deals.emptyFiltered", { status: t(`dealStatus.${status}`) }) : t("deals.empty");
  return (
    <>
      <PageHeader
        title={t("deals.title")}
        subtitle={ownOrg ? t("deals.subtitleOwn", { org: ownOrg }) : t("deals.subtitleAll")}
        actions={
          <>
            <a href={`/deals/export.csv${selection ? `?${selection}` : ""}`} download className="rounded-md bg-white px-3 py-2 text-sm font-semibold text-slate-700 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50" data-testid="export-csv">
              {t("deals.exportCsv")}
            </a>
            {canRegister ? (
              <Link to="/deals/new" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700" data-testid="register-deal">
                {t("deals.register")}
              </Link>
            ) : null}
          </>
        }
      />
      <div className="flex flex-wrap items-center gap-2">
        <DealStatusFilter counts={counts} current={expiring ? null : status} />
        <Link
          to="/deals?expiring=1"
          aria-current={expiring ? "page" : undefined}
          className={`inline-flex items-center rounded-full px-3.5 py-1.5 text-sm font-medium ring-1 ${expiring ? "bg-amber-600 text-white ring-amber-600" : "bg-white text-amber-800 ring-amber-300 hover:bg-amber-50"}`}
          data-testid="filter-expiring"
        >
          {t("deals.expiringSoon")}
        </Link>
      </div>
      <Card flush title={title} className="mt-6">
        {items.length === 0 ? (
          <EmptyState message={empty} testId="deals-empty" />
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

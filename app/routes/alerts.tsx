// The regional lead's alert inbox: unread count, filters (severity, content type, region, unread),
// mark one or all read, and for tenders the recommended partners with "forward to a partner".
// Only the lead's own alerts; roles without alerts (partners, channel managers) get 403.
import { useTranslation } from "react-i18next";
import { data, Form } from "react-router";
import { z } from "zod";
import { can } from "../../models/auth/permissions.ts";
import { db } from "../../models/db/client.ts";
import { ALERT_CONTENT_TYPES, ALERT_SEVERITIES, listAlerts } from "../../models/market/alert-inbox.ts";
import { clientIp, requireUser } from "../auth.server.ts";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { ActionMessage } from "../components/market/alerts/ActionMessage.tsx";
import { handleAlertAction } from "../components/market/alerts/alert-actions.server.ts";
import { AlertCard } from "../components/market/alerts/AlertCard.tsx";
import { AlertFilters } from "../components/market/alerts/AlertFilters.tsx";
import { errorTitle, pageTitle } from "../components/pageTitle.ts";
import { EmptyState } from "../components/ui/EmptyState.tsx";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import { Pagination } from "../components/ui/Pagination.tsx";
import { useFormat } from "../components/useFormat.ts";
import type { Route } from "./+types/alerts";

const PAGE_SIZE = 20;

// Malformed filters read as "any" rather than failing the page: they come from the URL.
const listParams = z.object({
  severity: z.enum(ALERT_SEVERITIES).optional().catch(undefined),
  contentType: z.enum(ALERT_CONTENT_TYPES).optional().catch(undefined),
  region: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional().catch(undefined),
  unread: z.literal("1").optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function meta({ matches, error }: Route.MetaArgs) {
  return error ? errorTitle(matches, error) : pageTitle(matches, "alerts.title");
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  if (!can(user, "alerts:read")) throw data(null, { status: 403 });
  const search = new URL(request.url).searchParams;
  const params = listParams.parse(Object.fromEntries([...search.entries()].filter(([, v]) => v !== "")));
  const filters = { severity: params.severity, contentType: params.contentType, region: params.region, unreadOnly: params.unread === "1" };
  const [list, regions] = await Promise.all([
    listAlerts(db, user, { ...filters, page: params.page, pageSize: PAGE_SIZE }),
    db.region.findMany({ where: { code: { in: user.regionCodes } }, select: { code: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const filtered = Object.values(filters).some(Boolean);
  return {
    ...list,
    page: params.page,
    pageSize: PAGE_SIZE,
    filtered,
    values: { severity: params.severity ?? "", contentType: params.contentType ?? "", region: params.region ?? "", unread: filters.unreadOnly },
    options: { severities: ALERT_SEVERITIES, contentTypes: ALERT_CONTENT_TYPES, regions },
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser(request, context);
  if (!can(user, "alerts:read")) throw data(null, { status: 403 });
  return handleAlertAction(request, user, clientIp(context));
}

export default function Alerts({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const { items, total, unreadCount, page, pageSize, filtered, values, options } = loaderData;
  return (
    <>
      <PageHeader
        title={t("alerts.title")}
        subtitle={
          <>
            {t("alerts.subtitle")}{" "}
            <strong data-testid="alerts-unread" data-value={unreadCount}>{t("alerts.unreadCount", { count: unreadCount, formatted: f.number(unreadCount) })}</strong>
          </>
        }
        actions={
          unreadCount > 0 ? (
            <Form method="post">
              <button type="submit" name="intent" value="read-all" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700">
                {t("alerts.markAllRead")}
              </button>
            </Form>
          ) : null
        }
      />
      <ActionMessage result={actionData} />
      <AlertFilters values={values} options={options} />
      <section aria-label={t("alerts.listCaption")} className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        {items.length === 0 ? (
          <EmptyState message={filtered ? t("alerts.emptyFiltered") : t("alerts.empty")} testId="alerts-empty" />
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="alert-list">
            {items.map((alert) => (
              <li key={alert.id}>
                <AlertCard alert={alert} result={actionData} variant="list" />
              </li>
            ))}
          </ul>
        )}
        {total > 0 ? <Pagination page={page} pageSize={pageSize} total={total} /> : null}
      </section>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

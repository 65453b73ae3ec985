// The user's notifications, newest first, all or only the unread ones, with "mark as read" for
// one or all of them (plain forms: they work before JavaScript has loaded). A title links to a
// portal page, or opens an external http(s) page (a forwarded tender) in a new tab.
import { useTranslation } from "react-i18next";
import { data, Form, Link } from "react-router";
import { z } from "zod";
import { db } from "../../models/db/client.ts";
import { listNotifications, markRead, type NotificationItem, unreadCount } from "../../models/notifications/inbox.ts";
import { requireUser } from "../auth.server.ts";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { NotificationTitle } from "../components/notifications/NotificationTitle.tsx";
import { errorTitle, pageTitle } from "../components/pageTitle.ts";
import { Badge } from "../components/ui/Badge.tsx";
import { Card } from "../components/ui/Card.tsx";
import { EmptyState } from "../components/ui/EmptyState.tsx";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import { Pagination } from "../components/ui/Pagination.tsx";
import { MarkReadForm } from "../components/ui/MarkReadForm.tsx";
import { useFormat } from "../components/useFormat.ts";
import type { Route } from "./+types/notifications";

const PAGE_SIZE = 20;

const listParams = z.object({
  unread: z.literal("1").optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

const readForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read"), id: z.guid() }),
  z.object({ intent: z.literal("read-all") }),
]);

type ReadOutcome = { ok: true; updated: number } | { ok: false };

export function meta({ matches, error }: Route.MetaArgs) {
  return error ? errorTitle(matches, error) : pageTitle(matches, "notifications.title");
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  const url = new URL(request.url);
  const { unread, page } = listParams.parse({ unread: url.searchParams.get("unread") ?? undefined, page: url.searchParams.get("page") ?? 1 });
  const unreadOnly = unread === "1";
  const [list, unreadTotal] = await Promise.all([
    listNotifications(db, user.id, { unreadOnly, page, pageSize: PAGE_SIZE }),
    unreadCount(db, user.id),
  ]);
  return { ...list, unreadOnly, unreadTotal, page, pageSize: PAGE_SIZE };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser(request, context);
  const parsed = readForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data<ReadOutcome>({ ok: false }, { status: 400 });
  const updated = await markRead(db, user.id, parsed.data.intent === "read-all" ? "all" : [parsed.data.id]);
  return data<ReadOutcome>({ ok: true, updated });
}

function NotificationRow({ item }: { item: NotificationItem }) {
  const { t } = useTranslation();
  const f = useFormat();
  const unread = item.readAt === null;
  return (
    <li className={`flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-start sm:justify-between ${unread ? "bg-brand-50/40" : ""}`} data-testid="notification" data-unread={unread}>
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
          {unread ? <Badge tone="blue">{t("notifications.unreadBadge")}</Badge> : null}
          <NotificationTitle title={item.title} link={item.link} />
        </p>
        {item.body ? <p className="mt-1 text-sm text-slate-600">{item.body}</p> : null}
        <p className="mt-1 text-xs text-slate-500">
          <time dateTime={item.createdAt}>{f.dateTime(item.createdAt)}</time>
        </p>
      </div>
      {unread ? (
        <MarkReadForm idField="id" id={item.id} label={t("notifications.markRead")} ariaLabel={t("notifications.markReadLabel", { title: item.title })} />
      ) : null}
    </li>
  );
}

export default function Notifications({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const { items, total, unreadOnly, unreadTotal, page, pageSize } = loaderData;
  const filters = [
    { to: "/notifications", label: t("notifications.all"), selected: !unreadOnly },
    { to: "/notifications?unread=1", label: `${t("notifications.unread")} (${f.number(unreadTotal)})`, selected: unreadOnly },
  ];
  return (
    <>
      <PageHeader
        title={t("notifications.title")}
        subtitle={t("notifications.subtitle")}
        actions={
          unreadTotal > 0 ? (
            <Form method="post">
              <button
                type="submit"
                name="intent"
                value="read-all"
                className="rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
              >
                {t("notifications.markAllRead")}
              </button>
            </Form>
          ) : null
        }
      />
      <div role="status" aria-live="polite" className="mb-6 empty:hidden">
        {actionData ? (
          <p
            data-testid="read-result"
            className={`rounded-lg px-4 py-3 text-sm ring-1 ${actionData.ok ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-red-50 text-red-800 ring-red-200"}`}
          >
            {!actionData.ok
              ? t("notifications.invalidRequest")
              : actionData.updated > 0
                ? t("notifications.markedRead", { count: actionData.updated, formatted: f.number(actionData.updated) })
                : t("notifications.nothingToMark")}
          </p>
        ) : null}
      </div>
      <nav aria-label={t("notifications.filterLabel")} className="mb-6">
        <ul className="flex flex-wrap gap-2">
          {filters.map((filter) => (
            <li key={filter.to}>
              <Link
                to={filter.to}
                aria-current={filter.selected ? "page" : undefined}
                className={`inline-flex items-center rounded-full px-3.5 py-1.5 text-sm font-medium ring-1 transition-colors ${
                  filter.selected ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"
                }`}
              >
                {filter.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Card flush title={t("notifications.listCaption")}>
        {items.length === 0 ? (
          <EmptyState message={unreadOnly ? t("notifications.emptyUnread") : t("notifications.empty")} testId="notifications-empty" />
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="notification-list">
            {items.map((item) => (
              <NotificationRow key={item.id} item={item} />
            ))}
          </ul>
        )}
        {total > 0 ? <Pagination page={page} pageSize={pageSize} total={total} /> : null}
      </Card>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

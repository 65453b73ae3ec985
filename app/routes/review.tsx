// The channel manager's review queue: submitted registrations by SLA (overdue ones marked), each
// beside the registrations it conflicts with; approve, reject with a reason, bulk-approve the
// clean ones; and the extension requests waiting for a decision.
import { useTranslation } from "react-i18next";
import { data, Form, Link, useNavigation } from "react-router";
import { z } from "zod";
import { can } from "../../models/auth/permissions.ts";
import { approveDeal, bulkApproveDeals, decideExtension, pendingExtensionRequests, rejectDeal, reviewQueue, type ReviewQueueItem } from "../../models/deals/review.ts";
import { db } from "../../models/db/client.ts";
import { requireUser } from "../auth.server.ts";
import { ConflictList } from "../components/deals/ConflictList.tsx";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { errorTitle, pageTitle } from "../components/pageTitle.ts";
import { Badge } from "../components/ui/Badge.tsx";
import { Card } from "../components/ui/Card.tsx";
import { EmptyState } from "../components/ui/EmptyState.tsx";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import { Pagination } from "../components/ui/Pagination.tsx";
import { useFormat } from "../components/useFormat.ts";
import { dealOperationOptions, runDealAction } from "../deals.server.ts";
import type { Route } from "./+types/review";

const PAGE_SIZE = 25;
const BULK_FORM = "bulk-approve";

const pageParams = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

const reviewForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), dealId: z.string(), title: z.string(), note: z.string().optional() }),
  z.object({ intent: z.literal("reject"), dealId: z.string(), title: z.string(), reason: z.string().default("") }),
  z.object({ intent: z.literal("decide-extension"), dealId: z.string(), decision: z.enum(["approve", "refuse"]), note: z.string().optional() }),
]);

export function meta({ matches, error }: Route.MetaArgs) {
  return error ? errorTitle(matches, error) : pageTitle(matches, "review.title");
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  if (!can(user, "deals:review")) throw data(null, { status: 403 });
  const { page } = pageParams.parse({ page: new URL(request.url).searchParams.get("page") ?? 1 });
  const [queue, extensions] = await Promise.all([reviewQueue(db, user, { page, pageSize: PAGE_SIZE }), pendingExtensionRequests(db, user)]);
  return { ...queue, extensions, page, pageSize: PAGE_SIZE };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser(request, context);
  if (!can(user, "deals:review")) throw data(null, { status: 403 });
  const form = await request.formData();
  const options = dealOperationOptions(context);
  if (form.get("intent") === "bulk-approve") {
    const ids = form.getAll("dealIds").map(String);
    if (ids.length === 0) return data({ kind: "bulk" as const, approved: 0, skipped: 0 });
    const result = await bulkApproveDeals(db, user, ids, options);
    return data({ kind: "bulk" as const, approved: result.approved.length, skipped: result.skipped.length });
  }
  const parsed = reviewForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data({ kind: "invalid" as const }, { status: 400 });
  const input = parsed.data;
  const { outcome, status } = await runDealAction(input.intent, () => {
    if (input.intent === "approve") return approveDeal(db, user, input.dealId, { note: input.note }, options);
    if (input.intent === "reject") return rejectDeal(db, user, input.dealId, { reason: input.reason }, options);
    return decideExtension(db, user, input.dealId, { approve: input.decision === "approve", note: input.note }, options);
  });
  return data({ kind: "single" as const, dealId: input.dealId, title: "title" in input ? input.title : "", ...outcome }, { status });
}

const buttonClass = "rounded-md px-3 py-1.5 text-sm font-semibold shadow-sm disabled:opacity-60";
const inputClass = "block w-full rounded-md border-0 px-3 py-1.5 text-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600";

function QueueItem({ item, rejectError }: { item: ReviewQueueItem; rejectError: string | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const conflicts = item.conflicts.filter((c) => c.kind === "conflict").length;
  return (
    <li className={`px-5 py-4 ${item.overdue ? "bg-red-50/60" : ""}`} data-testid="review-item" data-deal-id={item.id} data-overdue={item.overdue}>
      <div className="flex flex-wrap items-start gap-3">
        <input
          type="checkbox"
          form={BULK_FORM}
          name="dealIds"
          value={item.id}
          disabled={item.hasConflicts}
          aria-label={t("review.select", { title: item.title })}
          className="mt-1 h-4 w-4 rounded border-slate-300 text-brand-600 disabled:opacity-40"
        />
        <div className="min-w-0 flex-1">
          <p className="flex flex-wrap items-center gap-2">
            <Link to={`/deals/${item.id}`} className="font-medium text-brand-700 hover:underline">{item.title}</Link>
            {item.overdue ? <Badge tone="red">{t("review.overdue")}</Badge> : null}
            {conflicts > 0 ? <Badge tone="amber">{t("review.conflictsBadge", { count: conflicts, formatted: f.number(conflicts) })}</Badge> : null}
          </p>
          <p className="text-xs text-slate-500">
            {item.partnerOrg.name} · {f.dateTime(item.submittedAt)} · <time dateTime={item.dueAt}>{t("review.dueIn", { time: f.dateTime(item.dueAt) })}</time>
          </p>
        </div>
        <span className="text-sm font-semibold tabular-nums">{f.money(item.value)}</span>
      </div>
      <div className={`mt-3 grid gap-4 ${item.conflicts.length > 0 ? "md:grid-cols-2" : ""}`}>
        <div className="rounded-lg px-4 py-3 text-sm ring-1 ring-slate-200">
          <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("review.theirs")}</p>
          <p className="mt-1 font-medium text-slate-900">{item.customer.name}</p>
          <p className="text-slate-600">{[item.customer.domain, f.country(item.customer.country)].filter(Boolean).join(" · ")}</p>
          <p className="mt-1 font-mono text-xs text-slate-500">{item.productSkus.join(", ")}</p>
        </div>
        {item.conflicts.length > 0 ? (
          <div>
            <p className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("review.existing")}</p>
            <ConflictList items={item.conflicts.map((c) => ({ ...c, ownOrganization: false }))} />
          </div>
        ) : null}
      </div>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <Form method="post">
          <input type="hidden" name="dealId" value={item.id} />
          <input type="hidden" name="title" value={item.title} />
          <button type="submit" name="intent" value="approve" className={`${buttonClass} bg-emerald-600 text-white hover:bg-emerald-700`}>{t("dealActions.approve")}</button>
        </Form>
        <Form method="post" className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="dealId" value={item.id} />
          <input type="hidden" name="title" value={item.title} />
          <div>
            <label htmlFor={`reason-${item.id}`} className="block text-xs font-medium text-slate-600">{t("dealActions.rejectReason")}</label>
            <input id={`reason-${item.id}`} name="reason" required minLength={3} className={inputClass} aria-invalid={rejectError !== undefined} />
          </div>
          <button type="submit" name="intent" value="reject" className={`${buttonClass} bg-white text-red-700 ring-1 ring-red-300 hover:bg-red-50`}>{t("dealActions.reject")}</button>
        </Form>
        {rejectError ? <p className="w-full text-sm text-red-700" role="alert">{rejectError}</p> : null}
      </div>
    </li>
  );
}

export default function Review({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigation = useNavigation();
  const { items, total, slaHours, extensions, page, pageSize } = loaderData;
  const failed = actionData?.kind === "single" && !actionData.ok ? actionData : null;
  const message =
    actionData?.kind === "bulk"
      ? [
          t("review.bulkApproved", { count: actionData.approved, formatted: f.number(actionData.approved) }),
          actionData.skipped > 0 ? t("review.bulkSkipped", { count: actionData.skipped, formatted: f.number(actionData.skipped) }) : "",
        ].join(" ")
      : actionData?.kind === "single" && actionData.ok && actionData.intent !== "decide-extension"
        ? t(actionData.intent === "approve" ? "review.approved" : "review.rejected", { title: actionData.title })
        : actionData?.kind === "single" && actionData.ok
          ? t("deal.done.extension")
          : failed && failed.error !== "invalid"
            ? t(`dealActions.${failed.error}`)
            : null;
  const rejectError = failed?.error === "invalid" ? Object.values(failed.fields).join(" ") : undefined;
  const cleanCount = items.filter((i) => !i.hasConflicts).length;
  return (
    <>
      <PageHeader
        title={t("review.title")}
        subtitle={t("review.subtitle", { hours: slaHours })}
        actions={
          <Form method="post" id={BULK_FORM}>
            <button
              type="submit"
              name="intent"
              value="bulk-approve"
              disabled={cleanCount === 0 || navigation.state === "submitting"}
              className={`${buttonClass} bg-brand-600 text-white hover:bg-brand-700`}
              data-testid="bulk-approve"
            >
              {t("review.approveSelected")}
            </button>
          </Form>
        }
      />
      {message ? <p role="status" className="mb-4 rounded-md bg-brand-50 px-4 py-3 text-sm text-brand-900 ring-1 ring-brand-200" data-testid="review-message">{message}</p> : null}
      <Card flush title={t("review.listCaption")} description={t("review.approveSelectedHint")}>
        {items.length === 0 ? (
          <EmptyState message={t("review.empty")} testId="review-empty" />
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="review-queue">
            {items.map((item) => (
              <QueueItem key={item.id} item={item} rejectError={failed && failed.dealId === item.id ? rejectError : undefined} />
            ))}
          </ul>
        )}
        {total > 0 ? <Pagination page={page} pageSize={pageSize} total={total} /> : null}
      </Card>
      <Card title={t("review.extensions")} className="mt-6">
        {extensions.length === 0 ? (
          <p className="text-sm text-slate-500">{t("review.extensionsEmpty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="extension-requests">
            {extensions.map((x) => (
              <li key={x.dealId} className="flex flex-wrap items-start justify-between gap-3 py-3 text-sm">
                <div className="min-w-0">
                  <Link to={`/deals/${x.dealId}`} className="font-medium text-brand-700 hover:underline">{x.title}</Link>
                  <p className="text-xs text-slate-500">
                    {x.partnerOrg.name} · {x.customerName}
                    {x.protectionExpiresAt ? ` · ${t("review.protectedUntil", { date: f.date(x.protectionExpiresAt) })}` : ""}
                  </p>
                  <p className="mt-1 text-slate-700">{x.reason}</p>
                </div>
                <Form method="post" className="flex gap-2">
                  <input type="hidden" name="intent" value="decide-extension" />
                  <input type="hidden" name="dealId" value={x.dealId} />
                  <button type="submit" name="decision" value="approve" className={`${buttonClass} bg-emerald-600 text-white hover:bg-emerald-700`}>{t("dealActions.approveExtension")}</button>
                  <button type="submit" name="decision" value="refuse" className={`${buttonClass} bg-white text-red-700 ring-1 ring-red-300 hover:bg-red-50`}>{t("dealActions.refuseExtension")}</button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

// One deal with its customer, products, dates and timeline. A deal the user may not see is a
// 404, exactly like one that does not exist, so its existence is never confirmed.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import { z } from "zod";
import { canReadDeals } from "../../models/auth/permissions.ts";
import { isPartnerRole } from "../../models/auth/users.ts";
import { getDealForUser } from "../../models/deals/queries.ts";
import { db } from "../../models/db/client.ts";
import { requireUser } from "../auth.server.ts";
import { DealTimeline } from "../components/deals/DealTimeline.tsx";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { errorTitle, titled } from "../components/pageTitle.ts";
import { DealStatusBadge } from "../components/ui/Badge.tsx";
import { Card } from "../components/ui/Card.tsx";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import { useFormat } from "../components/useFormat.ts";
import type { Route } from "./+types/deal";

const dealParams = z.object({ dealId: z.guid() });

export function meta({ matches, loaderData, error }: Route.MetaArgs) {
  return loaderData ? titled(matches, loaderData.deal.title) : errorTitle(matches, error);
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  if (!canReadDeals(user)) throw data(null, { status: 403 });
  const parsed = dealParams.safeParse(params);
  if (!parsed.success) throw data(null, { status: 404 });
  const deal = await getDealForUser(db, user, parsed.data.dealId);
  if (!deal) throw data(null, { status: 404 });
  return { deal, showPartner: !isPartnerRole(user.role) };
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="py-3 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-500">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900 sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  );
}

export default function Deal({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const { deal, showPartner } = loaderData;
  return (
    <>
      <PageHeader
        eyebrow={<Link to="/deals" className="font-medium text-brand-600 hover:underline"><span aria-hidden="true">← </span>{t("deal.back")}</Link>}
        title={deal.title}
        subtitle={showPartner ? `${deal.customer.name} · ${deal.partnerOrg.name}` : deal.customer.name}
        actions={
          <div className="flex items-center gap-3">
            <DealStatusBadge status={deal.status} />
            <span className="text-2xl font-semibold tabular-nums" data-testid="deal-value" data-value={`${deal.value.currency}:${deal.value.amount}`}>{f.money(deal.value)}</span>
          </div>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={t("deal.summary")}>
            <dl className="divide-y divide-slate-100">
              {showPartner ? <Field label={t("deal.partner")}>{deal.partnerOrg.name}</Field> : null}
              <Field label={t("deal.stage")}>{t(`dealStage.${deal.stage}`)}</Field>
              <Field label={t("deal.expectedClose")}>{f.calendarDate(deal.expectedCloseDate)}</Field>
              <Field label={t("deal.submitted")}>
                {f.dateTime(deal.submittedAt)}
                {deal.registeredBy ? <span className="text-slate-500"> · {t("deal.by", { actor: deal.registeredBy })}</span> : null}
              </Field>
              {deal.decidedAt ? (
                <Field label={t("deal.decided")}>
                  {f.dateTime(deal.decidedAt)}
                  {deal.decidedBy ? <span className="text-slate-500"> · {t("deal.by", { actor: deal.decidedBy })}</span> : null}
                </Field>
              ) : null}
              {deal.rejectionReason ? <Field label={t("deal.rejectionReason")}>{deal.rejectionReason}</Field> : null}
              <Field label={t("deal.protectionExpires")}>
                {deal.protectionExpiresAt ? f.dateTime(deal.protectionExpiresAt) : <span className="text-slate-500">{t("common.notSet")}</span>}
              </Field>
              {deal.closedAt ? <Field label={t("deal.closed")}>{f.dateTime(deal.closedAt)}</Field> : null}
              {deal.closedValue ? <Field label={t("deal.closedValue")}>{f.money(deal.closedValue)}</Field> : null}
              {deal.notes ? <Field label={t("deal.notes")}><span className="whitespace-pre-line">{deal.notes}</span></Field> : null}
            </dl>
          </Card>
          <Card title={t("deal.timeline")}>
            <DealTimeline events={deal.events} />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title={t("deal.customer")}>
            <dl className="space-y-3 text-sm">
              <div><dt className="sr-only">{t("deal.customer")}</dt><dd className="font-medium text-slate-900">{deal.customer.name}</dd></div>
              {deal.customer.domain ? <div><dt className="text-slate-500">{t("deal.domain")}</dt><dd>{deal.customer.domain}</dd></div> : null}
              <div><dt className="text-slate-500">{t("deal.country")}</dt><dd>{f.country(deal.customer.country)}</dd></div>
              {deal.customer.industry ? <div><dt className="text-slate-500">{t("deal.industry")}</dt><dd>{deal.customer.industry}</dd></div> : null}
            </dl>
          </Card>
          <Card title={t("deal.products")}>
            {deal.products.length === 0 ? (
              <p className="text-sm text-slate-500">{t("deal.noProducts")}</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm" data-testid="deal-products">
                {deal.products.map((p) => (
                  <li key={p.sku} className="flex items-baseline justify-between gap-3 py-2">
                    <span className="text-slate-900">{p.name}</span>
                    <span className="font-mono text-xs text-slate-500">{p.sku}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

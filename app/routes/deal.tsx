// One deal with its customer, products, dates, protection countdown, conflicts and timeline, and
// the actions the user's role may take from its status. A deal the user may not see is a 404,
// exactly like one that does not exist, so its existence is never confirmed.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import { z } from "zod";
import { can, canReadDeals } from "../../models/auth/permissions.ts";
import { isPartnerRole } from "../../models/auth/users.ts";
import { getDealForUser } from "../../models/deals/queries.ts";
import { approveDeal, closeDeal, decideExtension, refundDeal, rejectDeal, reopenDeal, requestExtension } from "../../models/deals/review.ts";
import { getWinModelQuality } from "../../models/deals/win-model/score.ts";
import { db } from "../../models/db/client.ts";
import { requireUser } from "../auth.server.ts";
import { ConflictList } from "../components/deals/ConflictList.tsx";
import { DealActions } from "../components/deals/DealActions.tsx";
import { DealTimeline } from "../components/deals/DealTimeline.tsx";
import { WinProbability } from "../components/deals/WinProbability.tsx";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { errorTitle, titled } from "../components/pageTitle.ts";
import { DealStatusBadge } from "../components/ui/Badge.tsx";
import { Card } from "../components/ui/Card.tsx";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import { useFormat } from "../components/useFormat.ts";
import { dealOperationOptions, runDealAction } from "../deals.server.ts";
import { toMinorUnits } from "../lib/money-input.ts";
import type { Route } from "./+types/deal";

const dealParams = z.object({ dealId: z.guid() });
const DAY_MS = 86_400_000;

const dealForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), note: z.string().optional() }),
  z.object({ intent: z.literal("reject"), reason: z.string().default("") }),
  z.object({ intent: z.literal("close"), outcome: z.enum(["WON", "LOST"]), amount: z.string().default(""), currency: z.string() }),
  z.object({ intent: z.literal("extend"), reason: z.string().default("") }),
  z.object({ intent: z.literal("decide-extension"), decision: z.enum(["approve", "refuse"]), note: z.string().optional() }),
  z.object({ intent: z.literal("reopen"), reason: z.string().default("") }),
  z.object({ intent: z.literal("refund"), amount: z.string().default(""), currency: z.string(), reason: z.string().default("") }),
]);

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
  const partner = isPartnerRole(user.role);
  const expiresIn = deal.protectionExpiresAt ? new Date(deal.protectionExpiresAt).getTime() - Date.now() : null;
  return {
    deal,
    showPartner: !partner,
    // Partners never see win probabilities (getDealForUser already leaves them out for them).
    winModel: partner ? null : { quality: await getWinModelQuality(db) },
    protectionDaysLeft: expiresIn === null ? null : expiresIn < 0 ? -1 : Math.floor(expiresIn / DAY_MS),
    can: {
      review: can(user, "deals:review"),
      close: partner || can(user, "deals:review"),
      requestExtension: partner,
    },
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const user = requireUser(request, context);
  if (!canReadDeals(user)) throw data(null, { status: 403 });
  const parsed = dealParams.safeParse(params);
  if (!parsed.success) throw data(null, { status: 404 });
  const form = dealForm.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return data({ ok: false as const, intent: "invalid", error: "invalid" as const, fields: {} }, { status: 400 });
  const input = form.data;
  const id = parsed.data.dealId;
  const options = dealOperationOptions(context);
  const { outcome, status } = await runDealAction(input.intent, () => {
    switch (input.intent) {
      case "approve":
        return approveDeal(db, user, id, { note: input.note || undefined }, options);
      case "reject":
        return rejectDeal(db, user, id, { reason: input.reason }, options);
      case "close": {
        const amount = input.amount.trim() === "" ? undefined : (toMinorUnits(input.amount, input.currency) ?? Number.NaN);
        return closeDeal(db, user, id, { outcome: input.outcome, value: amount === undefined ? undefined : { amount, currency: input.currency } }, options);
      }
      case "extend":
        return requestExtension(db, user, id, { reason: input.reason }, options);
      case "decide-extension":
        return decideExtension(db, user, id, { approve: input.decision === "approve", note: input.note || undefined }, options);
      case "reopen":
        return reopenDeal(db, user, id, { reason: input.reason }, options);
      case "refund":
        return refundDeal(db, user, id, { refund: { amount: toMinorUnits(input.amount, input.currency) ?? Number.NaN, currency: input.currency }, reason: input.reason }, options);
    }
  });
  return data(outcome, { status });
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
  const { deal, showPartner, protectionDaysLeft } = loaderData;
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
                {deal.protectionExpiresAt ? (
                  <span data-testid="protection-expires">
                    {f.dateTime(deal.protectionExpiresAt)}
                    {deal.status === "APPROVED" && protectionDaysLeft !== null ? (
                      <span className={`ml-2 font-medium ${protectionDaysLeft <= 14 ? "text-amber-700" : "text-slate-500"}`} data-testid="protection-countdown" data-value={protectionDaysLeft}>
                        ({protectionDaysLeft < 0
                          ? t("deal.protectionLapsed")
                          : protectionDaysLeft === 0
                            ? t("deal.protectionEndsToday")
                            : t("deal.protectionLeft", { count: protectionDaysLeft, formatted: f.number(protectionDaysLeft) })})
                      </span>
                    ) : null}
                  </span>
                ) : (
                  <span className="text-slate-500">{t("common.notSet")}</span>
                )}
              </Field>
              {deal.extensionRequest ? (
                <Field label={t("dealActions.requestExtension")}>
                  <span data-testid="extension-pending">{t("deal.extensionPending", { date: f.date(deal.extensionRequest.requestedAt), reason: deal.extensionRequest.reason })}</span>
                </Field>
              ) : null}
              {deal.closedAt ? <Field label={t("deal.closed")}>{f.dateTime(deal.closedAt)}</Field> : null}
              {deal.closedValue ? <Field label={t("deal.closedValue")}>{f.money(deal.closedValue)}</Field> : null}
              {deal.notes ? <Field label={t("deal.notes")}><span className="whitespace-pre-line">{deal.notes}</span></Field> : null}
            </dl>
          </Card>
          <Card title={t("deal.conflicts")}>
            {deal.conflicts.length === 0 ? <p className="text-sm text-slate-500">{t("deal.noConflicts")}</p> : <ConflictList items={deal.conflicts} />}
          </Card>
          <Card title={t("deal.timeline")}>
            <DealTimeline events={deal.events} />
          </Card>
        </div>
        <div className="space-y-6">
          <DealActions deal={deal} can={loaderData.can} />
          {loaderData.winModel ? <WinProbability probability={deal.winProbability} status={deal.status} quality={loaderData.winModel.quality} /> : null}
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

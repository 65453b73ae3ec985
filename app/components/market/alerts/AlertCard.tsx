// One alert as the lead reads it: severity, kind, region and dates; the title as text with a link
// to the source (http(s) only, in a new tab, no referrer); the reasons; and for a tender the
// recommended partners with the forward form. Unread alerts carry a "mark as read" button.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AlertView } from "../../../../models/market/alert-inbox.ts";
import { Badge, SeverityBadge } from "../../ui/Badge.tsx";
import { MarkReadForm } from "../../ui/MarkReadForm.tsx";
import { useFormat } from "../../useFormat.ts";
import type { AlertActionResult } from "./action-result.ts";
import { RecommendedPartners } from "./RecommendedPartners.tsx";

const contentTones = { TENDER: "violet", COMPETITOR: "amber", INDUSTRY: "slate" } as const;

type Props = {
  alert: AlertView;
  result: AlertActionResult | undefined;
  /** The list shows each title as a heading and links to the detail page; the detail page has its own h1. */
  variant: "list" | "detail";
};

export function AlertCard({ alert, result, variant }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const { item } = alert;
  const unread = alert.readAt === null;
  const meta = [
    alert.regionName ?? alert.regionCode,
    t("alerts.received", { date: f.dateTime(alert.createdAt) }),
    item.publishedAt ? t("alerts.published", { date: f.date(item.publishedAt) }) : null,
    t("alerts.source", { name: item.sourceName }),
  ].filter(Boolean);
  const facts = [
    item.deadline ? { key: "deadline", text: t("alerts.deadline", { date: f.date(item.deadline) }) } : null,
    item.value ? { key: "value", text: t("alerts.value", { value: f.money(item.value) }) } : null,
    item.location ? { key: "location", text: t("alerts.location", { location: item.location }) } : null,
    item.reference ? { key: "reference", text: t("alerts.reference", { reference: item.reference }) } : null,
  ].filter((fact) => fact !== null);
  return (
    <article
      className={`px-5 py-4 ${unread ? "bg-brand-50/40" : ""}`}
      data-testid="alert"
      data-alert-id={alert.id}
      data-unread={unread}
      data-severity={alert.severity}
      aria-labelledby={variant === "list" ? `alert-title-${alert.id}` : undefined}
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <p className="flex flex-wrap items-center gap-2">
            <SeverityBadge severity={alert.severity} />
            <Badge tone={contentTones[item.contentType]}>{t(`alerts.contentTypes.${item.contentType}`)}</Badge>
            {unread ? <Badge tone="blue">{t("alerts.unreadBadge")}</Badge> : null}
            <span className="text-xs text-slate-500" data-value={alert.relevance}>{t("alerts.relevance", { value: f.percent(alert.relevance) })}</span>
          </p>
          {variant === "list" ? (
            <h2 id={`alert-title-${alert.id}`} className={`mt-2 text-base ${unread ? "font-semibold text-slate-900" : "font-medium text-slate-800"}`}>{item.title}</h2>
          ) : null}
          <p className="mt-1 text-xs text-slate-500">{meta.join(" · ")}</p>
          <p className="mt-2 flex flex-wrap gap-4 text-sm">
            {item.url ? (
              <a href={item.url} target="_blank" rel="noopener noreferrer" className="font-medium text-brand-700 hover:underline" data-testid="source-link">
                {t("alerts.openSource")} ↗<span className="sr-only"> {t("common.opensInNewTab")}</span>
              </a>
            ) : (
              <span className="text-slate-500">{t("alerts.noLink")}</span>
            )}
            {variant === "list" ? (
              <Link to={`/alerts/${alert.id}`} className="font-medium text-brand-700 hover:underline">
                {t("alerts.details")}<span className="sr-only">: {item.title}</span>
              </Link>
            ) : null}
          </p>
        </div>
        {unread ? (
          <MarkReadForm idField="alertId" id={alert.id} label={t("alerts.markRead")} ariaLabel={t("alerts.markReadLabel", { title: item.title })} />
        ) : null}
      </div>
      {item.summary ? <p className="mt-3 text-sm text-slate-700">{item.summary}</p> : null}
      {facts.length > 0 ? (
        <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm font-medium text-slate-800" data-testid="alert-facts">
          {facts.map((fact) => <span key={fact.key}>{fact.text}</span>)}
        </p>
      ) : null}
      {alert.reasons.length > 0 ? (
        <div className="mt-3">
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("alerts.reasons")}</h3>
          <ul className="mt-1 list-disc pl-5 text-sm text-slate-700" data-testid="alert-reasons">
            {alert.reasons.map((reason) => <li key={reason}>{reason}</li>)}
          </ul>
        </div>
      ) : null}
      {alert.forwards.length > 0 ? (
        <ul className="mt-3 space-y-1 text-sm text-emerald-800" data-testid="alert-forwards">
          {alert.forwards.map((fw) => (
            <li key={fw.partnerOrgId}>
              {t("alerts.forwardedTo", { name: fw.partnerName, date: f.dateTime(fw.createdAt) })}
              {fw.note ? <span className="block text-xs text-slate-600">{t("alerts.forwardedNote", { note: fw.note })}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {item.contentType === "TENDER" ? <RecommendedPartners alert={alert} result={result} /> : null}
    </article>
  );
}

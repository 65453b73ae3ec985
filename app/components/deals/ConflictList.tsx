// Conflict findings as a list: kind, how sure we are, and each reason in words. For partners
// another organization's deal stays anonymous ("Another partner"); staff get a link to it.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ConflictView, Reason } from "../../../models/deals/conflicts.ts";
import { Badge } from "../ui/Badge.tsx";
import { useFormat } from "../useFormat.ts";

export type ConflictItem = Pick<ConflictView, "dealId" | "kind" | "similarity" | "reasons" | "ownOrganization" | "customerName">;

function useReasonText() {
  const { t } = useTranslation();
  const f = useFormat();
  return (reason: Reason): string => {
    const p = reason.params;
    switch (reason.code) {
      case "shared_products": {
        const count = Number(p.count ?? 0);
        return t("conflicts.reasons.shared_products", { count, formatted: f.number(count) });
      }
      case "registered_ago":
        return t("conflicts.reasons.registered_ago", { days: p.days, status: t(`dealStatus.${String(p.status).toUpperCase() === "APPROVED" ? "APPROVED" : "SUBMITTED"}`).toLowerCase() });
      case "same_country":
        return t("conflicts.reasons.same_country", { country: f.country(String(p.country)) });
      default:
        return t(`conflicts.reasons.${reason.code}`, p);
    }
  };
}

export function ConflictList({ items, testId = "conflicts" }: { items: readonly ConflictItem[]; testId?: string }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  return (
    <ul className="space-y-3" data-testid={testId}>
      {items.map((item, i) => (
        <li key={item.dealId ?? `hidden-${i}`} className="rounded-lg bg-slate-50 px-4 py-3 text-sm ring-1 ring-slate-200" data-testid="conflict" data-kind={item.kind} data-deal-id={item.dealId ?? ""}>
          <p className="flex flex-wrap items-center gap-2">
            <Badge tone={item.kind === "conflict" ? "red" : "amber"}>{t(`conflicts.kind.${item.kind}`)}</Badge>
            <span className="font-medium text-slate-900" data-testid="conflict-similarity" data-value={item.similarity}>
              {t("conflicts.similarity", { percent: Math.round(item.similarity * 100) })}
            </span>
            <span className="text-slate-500">· {item.ownOrganization ? t("conflicts.own") : item.customerName ?? t("conflicts.otherPartner")}</span>
            {item.dealId ? (
              <Link to={`/deals/${item.dealId}`} className="text-brand-700 hover:underline">{t("conflicts.viewDeal")}</Link>
            ) : null}
          </p>
          <p className="mt-1 text-slate-600" data-testid="conflict-reasons">{item.reasons.map(reasonText).join(" · ")}</p>
        </li>
      ))}
    </ul>
  );
}

// Counts per deal status as labelled bars, each linking to the deal list filtered by it.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DealStatusName } from "../ui/Badge.tsx";
import { useFormat } from "../useFormat.ts";

const barColors: Record<DealStatusName, string> = {
  SUBMITTED: "bg-amber-400",
  APPROVED: "bg-brand-500",
  REJECTED: "bg-red-400",
  WON: "bg-emerald-500",
  LOST: "bg-slate-400",
  EXPIRED: "bg-zinc-300",
};

export function StatusBreakdown({ rows, linkToDeals }: { rows: { status: DealStatusName; count: number }[]; linkToDeals: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <ul className="space-y-3">
      {rows.map(({ status, count }) => {
        const label = t(`dealStatus.${status}`);
        return (
          <li key={status}>
            <div className="flex items-baseline justify-between text-sm">
              {linkToDeals ? (
                <Link to={`/deals?status=${status}`} className="font-medium text-slate-700 hover:text-brand-700 hover:underline">{label}</Link>
              ) : (
                <span className="font-medium text-slate-700">{label}</span>
              )}
              <span className="tabular-nums text-slate-900" data-testid={`deals-by-status-${status}`} data-value={count}>{f.number(count)}</span>
            </div>
            <div className="mt-1 h-2 rounded-full bg-slate-100" aria-hidden="true">
              <div className={`h-2 rounded-full ${barColors[status]}`} style={{ width: `${(count / max) * 100}%` }} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}

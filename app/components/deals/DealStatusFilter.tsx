// The status filter of the deal list: one link per status with its count, the current one marked.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DealStatusName } from "../ui/Badge.tsx";
import { useFormat } from "../useFormat.ts";

export function DealStatusFilter({ counts, current }: { counts: Record<DealStatusName, number>; current: DealStatusName | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const options: { status: DealStatusName | null; label: string; count: number }[] = [
    { status: null, label: t("deals.allStatuses"), count: total },
    ...(Object.keys(counts) as DealStatusName[]).map((status) => ({ status, label: t(`dealStatus.${status}`), count: counts[status] })),
  ];
  return (
    <nav aria-label={t("deals.filterLabel")}>
      <ul className="flex flex-wrap gap-2">
        {options.map(({ status, label, count }) => {
          const selected = status === current;
          return (
            <li key={status ?? "all"}>
              <Link
                to={status ? `/deals?status=${status}` : "/deals"}
                aria-current={selected ? "page" : undefined}
                className={`inline-flex items-center gap-2 rounded-full px-3.5 py-1.5 text-sm font-medium ring-1 transition-colors ${
                  selected ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"
                }`}
              >
                {label}
                <span className={`tabular-nums ${selected ? "text-brand-100" : "text-slate-500"}`} data-testid={`deal-count-${status ?? "ALL"}`} data-value={count}>
                  {f.number(count)}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

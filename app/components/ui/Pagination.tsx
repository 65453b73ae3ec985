// Previous / next links for a paged list, keeping the other search parameters.
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useFormat } from "../useFormat.ts";

export function Pagination({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [params] = useSearchParams();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const hrefFor = (target: number) => {
    const next = new URLSearchParams(params);
    if (target === 1) next.delete("page");
    else next.set("page", String(target));
    const query = next.toString();
    return query ? `?${query}` : "?";
  };
  const from = Math.min(total, (page - 1) * pageSize + 1);
  const to = Math.min(total, page * pageSize);
  const link = "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-50";
  const disabled = "rounded-md px-3 py-1.5 text-sm font-medium text-slate-400 ring-1 ring-slate-200";
  return (
    <nav aria-label={t("common.pagination")} className="flex items-center justify-between gap-4 border-t border-slate-100 px-5 py-3">
      <p className="text-sm text-slate-600">
        {t("common.showingRange", { from: f.number(from), to: f.number(to), total: f.number(total) })}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link to={hrefFor(page - 1)} className={link} rel="prev">{t("common.previous")}</Link>
        ) : (
          <span className={disabled} aria-disabled="true">{t("common.previous")}</span>
        )}
        {page < pages ? (
          <Link to={hrefFor(page + 1)} className={link} rel="next">{t("common.next")}</Link>
        ) : (
          <span className={disabled} aria-disabled="true">{t("common.next")}</span>
        )}
      </div>
    </nav>
  );
}

// The navigation's "Alerts" link text with the unread count as a badge (read out as "3 unread").
import { useTranslation } from "react-i18next";
import { useFormat } from "../../useFormat.ts";

export function AlertsNavLabel({ unread }: { unread: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <span className="inline-flex items-center gap-1.5" data-testid="nav-alerts">
      {t("alerts.nav")}
      {unread > 0 ? (
        <span className="rounded-full bg-amber-400 px-1.5 text-xs font-semibold text-brand-900" data-testid="nav-alerts-unread" data-value={unread}>
          <span aria-hidden="true">{f.number(unread)}</span>
          <span className="sr-only">{t("alerts.navUnread", { count: unread, formatted: f.number(unread) })}</span>
        </span>
      ) : null}
    </span>
  );
}

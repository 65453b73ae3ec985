// The bell in the portal header: a link to the notifications page with the unread count as a
// badge. The link's accessible name carries the count, so the badge is hidden from screen readers.
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useFormat } from "../useFormat.ts";

export function NotificationBell({ count }: { count: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const label = count > 0 ? t("notifications.bellUnread", { count, formatted: f.number(count) }) : t("notifications.bell");
  return (
    <NavLink
      to="/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      data-value={count}
      className={({ isActive }) =>
        `relative inline-flex h-9 w-9 items-center justify-center rounded-full text-white transition-colors hover:bg-white/10 ${isActive ? "bg-white/15" : ""}`
      }
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.5} className="h-6 w-6">
        <path
          strokeLinecap="round"
          strokeLinejoin="round"
          d="M14.857 17.082a23.848 23.848 0 0 0 5.454-1.31A8.967 8.967 0 0 1 18 9.75V9A6 6 0 0 0 6 9v.75a8.967 8.967 0 0 1-2.312 6.022c1.733.64 3.56 1.085 5.455 1.31m5.714 0a24.255 24.255 0 0 1-5.714 0m5.714 0a3 3 0 1 1-5.714 0"
        />
      </svg>
      {count > 0 ? (
        <span
          aria-hidden="true"
          className="absolute -top-1 -right-1 flex h-5 min-w-5 items-center justify-center rounded-full bg-red-600 px-1 text-xs font-semibold text-white tabular-nums ring-2 ring-brand-900"
        >
          {count > 99 ? "99+" : f.number(count)}
        </span>
      ) : null}
    </NavLink>
  );
}

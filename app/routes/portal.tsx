// The signed-in shell: role-aware navigation around every portal page. A link appears only
// when the user's role may open the page behind it.
import { useTranslation } from "react-i18next";
import { Form, Link, NavLink, Outlet } from "react-router";
import { can, canReadDeals, canReadIncentives } from "../../models/auth/permissions.ts";
import { db } from "../../models/db/client.ts";
import { mayReadForecasts } from "../../models/forecasts/access.ts";
import { canManageSources } from "../../models/market/source-access.ts";
import { unreadAlertCount } from "../../models/market/alert-inbox.ts";
import { unreadCount } from "../../models/notifications/inbox.ts";
import { requireUser } from "../auth.server.ts";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { InsideShell } from "../components/landmarks.ts";
import { AlertsNavLabel } from "../components/market/alerts/AlertsNavLabel.tsx";
import { NotificationBell } from "../components/notifications/NotificationBell.tsx";
import type { Route } from "./+types/portal";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  const [unreadNotifications, unreadAlerts] = await Promise.all([unreadCount(db, user.id), can(user, "alerts:read") ? unreadAlertCount(db, user) : 0]);
  return {
    user: { name: user.name, email: user.email, role: user.role, partnerOrgName: user.partnerOrgName },
    nav: {
      deals: canReadDeals(user),
      review: can(user, "deals:review"),
      incentives: canReadIncentives(user),
      programs: can(user, "incentives:manage"),
      dealSettings: can(user, "deals:configure"),
      jobs: can(user, "admin:jobs"),
      partners: can(user, "partners:read"),
      segments: can(user, "partners:read"),
      forecasts: mayReadForecasts(user),
      alerts: can(user, "alerts:read"),
      marketSources: canManageSources(user),
    },
    unreadNotifications,
    unreadAlerts,
  };
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? "")
    .join("");
}

export default function Portal({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { user, nav, unreadNotifications, unreadAlerts } = loaderData;
  const links = [
    { to: "/dashboard", label: t("nav.dashboard"), show: true },
    { to: "/alerts", label: <AlertsNavLabel unread={unreadAlerts} />, show: nav.alerts },
    { to: "/market/sources", label: t("marketSources.nav"), show: nav.marketSources },
    { to: "/deals", label: t("nav.deals"), show: nav.deals },
    { to: "/review", label: t("nav.review"), show: nav.review },
    { to: "/incentives", label: t("nav.incentives"), show: nav.incentives },
    { to: "/incentives/programs", label: t("nav.programs"), show: nav.programs },
    { to: "/partners", label: t("nav.partners"), show: nav.partners },
    { to: "/segments", label: t("nav.segments"), show: nav.segments },
    { to: "/forecasts", label: t("forecasts.nav"), show: nav.forecasts },
    { to: "/settings/deals", label: t("nav.dealSettings"), show: nav.dealSettings },
    { to: "/admin/jobs", label: t("nav.jobs"), show: nav.jobs },
  ].filter((link) => link.show);
  const linkClass = ({ isActive }: { isActive: boolean }) =>
    `rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors ${
      isActive ? "bg-white/15 text-white" : "text-brand-100 hover:bg-white/10 hover:text-white"
    }`;
  return (
    <div className="min-h-screen">
      <a href="#main" className="skip-link">{t("app.skipToContent")}</a>
      <header className="bg-brand-900 shadow-sm">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-8 gap-y-2 px-4 py-3 sm:px-6 lg:px-8">
          <Link to="/dashboard" className="flex items-center gap-2 rounded-md text-white">
            <img src="/favicon.svg" alt="" className="h-8 w-8" />
            <span className="text-lg font-bold tracking-tight">{t("app.name")}</span>
          </Link>
          <nav aria-label={t("nav.main")} className="order-last -mx-1 w-full overflow-x-auto md:order-none md:mx-0 md:w-auto">
            <ul className="flex gap-1">
              {links.map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to} end={link.to === "/incentives"} className={linkClass} prefetch="intent">{link.label}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="ml-auto flex items-center gap-3">
            <NotificationBell count={unreadNotifications} />
            <div className="hidden text-right text-sm leading-tight sm:block">
              <p className="font-medium text-white" data-testid="current-user">{user.name}</p>
              <p className="text-brand-100">
                {t(`roles.${user.role}`)}
                {user.partnerOrgName ? ` · ${user.partnerOrgName}` : ""}
              </p>
            </div>
            <span aria-hidden="true" className="flex h-9 w-9 items-center justify-center rounded-full bg-brand-600 text-sm font-semibold text-white ring-2 ring-white/20">
              {initials(user.name)}
            </span>
            <Link to="/settings/api-keys" className="hidden rounded-md px-2 py-1.5 text-sm text-brand-100 hover:bg-white/10 hover:text-white lg:block">{t("nav.apiKeys")}</Link>
            <Form method="post" action="/logout">
              <button type="submit" className="rounded-md px-3 py-1.5 text-sm font-medium text-white ring-1 ring-white/30 hover:bg-white/10">
                {t("nav.signOut")}
              </button>
            </Form>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-8 outline-none sm:px-6 lg:px-8">
        <InsideShell value={true}>
          <Outlet />
        </InsideShell>
      </main>
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

// The signed-in shell: role-aware navigation around every portal page.
import { useTranslation } from "react-i18next";
import { Form, NavLink, Outlet } from "react-router";
import { can } from "../../models/auth/permissions.ts";
import { requireUser } from "../auth.server.ts";
import { ErrorPage } from "../components/ErrorPage.tsx";
import type { Route } from "./+types/portal";

export function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  return {
    user,
    nav: {
      deals: can(user, "deals:read-own") || can(user, "deals:read-all"),
      jobs: can(user, "admin:jobs"),
    },
  };
}

export default function Portal({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { user, nav } = loaderData;
  const link = ({ isActive }: { isActive: boolean }) =>
    `rounded-md px-3 py-2 text-sm font-medium ${isActive ? "bg-brand-700 text-white" : "text-brand-100 hover:bg-brand-600 hover:text-white"}`;
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only">{t("app.skipToContent")}</a>
      <header className="bg-brand-900">
        <div className="mx-auto flex max-w-7xl items-center justify-between px-4 py-3">
          <div className="flex items-center gap-6">
            <span className="text-lg font-bold text-white">{t("app.name")}</span>
            <nav aria-label={t("nav.main")} className="flex gap-1">
              <NavLink to="/dashboard" className={link}>{t("nav.dashboard")}</NavLink>
              {nav.deals ? <NavLink to="/deals" className={link}>{t("nav.deals")}</NavLink> : null}
              {nav.jobs ? <NavLink to="/admin/jobs" className={link}>{t("nav.jobs")}</NavLink> : null}
            </nav>
          </div>
          <div className="flex items-center gap-4 text-sm text-brand-100">
            <span>
              {user.name} · {t(`roles.${user.role}`)}
              {user.partnerOrgName ? ` · ${user.partnerOrgName}` : ""}
            </span>
            <Form method="post" action="/logout">
              <button type="submit" className="rounded-md border border-brand-500 px-3 py-1.5 text-white hover:bg-brand-700">
                {t("nav.signOut")}
              </button>
            </Form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-8">
        <Outlet />
      </main>
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

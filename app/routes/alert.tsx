// One alert in full for its lead (/alerts/:alertId): reasons, deadline, the source link, who it
// was forwarded to, and for a tender the recommended partners with "forward to a partner". Another
// lead's alert, or a malformed id, is a 404; roles without alerts get 403.
import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import { can } from "../../models/auth/permissions.ts";
import { db } from "../../models/db/client.ts";
import { getAlert, isOwnAlert } from "../../models/market/alert-inbox.ts";
import { clientIp, requireUser } from "../auth.server.ts";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { ActionMessage } from "../components/market/alerts/ActionMessage.tsx";
import { handleAlertAction } from "../components/market/alerts/alert-actions.server.ts";
import { AlertCard } from "../components/market/alerts/AlertCard.tsx";
import { errorTitle, titled } from "../components/pageTitle.ts";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import type { Route } from "./+types/alert";

export function meta({ matches, error, loaderData }: Route.MetaArgs) {
  return error || !loaderData ? errorTitle(matches, error) : titled(matches, loaderData.alert.item.title);
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  if (!can(user, "alerts:read")) throw data(null, { status: 403 });
  const alert = await getAlert(db, user, params.alertId);
  if (!alert) throw data(null, { status: 404 });
  return { alert };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const user = requireUser(request, context);
  if (!can(user, "alerts:read")) throw data(null, { status: 403 });
  if (!(await isOwnAlert(db, user, params.alertId))) throw data(null, { status: 404 });
  return handleAlertAction(request, user, clientIp(context));
}

export default function AlertPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { alert } = loaderData;
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={<Link to="/alerts" className="font-medium text-brand-700 hover:underline">← {t("alerts.back")}</Link>}
        title={alert.item.title}
      />
      <ActionMessage result={actionData} />
      <div className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        <AlertCard alert={alert} result={actionData} variant="detail" />
      </div>
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

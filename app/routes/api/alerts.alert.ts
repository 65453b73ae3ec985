// GET /api/v1/alerts/:alertId → { alert }: one of the signed-in lead's own alerts in full (reasons,
// recommended partners, forwards). Another lead's alert or a malformed id → 404; partner roles 403.
import { can } from "../../../models/auth/permissions.ts";
import { db } from "../../../models/db/client.ts";
import { getAlert } from "../../../models/market/alert-inbox.ts";
import { apiError, apiRoute, methodNotAllowed } from "../../api.server.ts";
import { requireApiUser } from "../../auth.server.ts";
import { toApiAlert } from "../../components/market/alerts/alert-api.server.ts";
import type { Route } from "./+types/alerts.alert";

export function loader({ context, params }: Route.LoaderArgs) {
  return apiRoute(async () => {
    const user = requireApiUser(context);
    if (!can(user, "alerts:read")) return apiError(403, "forbidden", "Only regional leads have market alerts.");
    const alert = await getAlert(db, user, params.alertId);
    if (!alert) return apiError(404, "not_found", "No such alert, or not yours.");
    return Response.json({ alert: toApiAlert(alert) });
  });
}

export function action() {
  return methodNotAllowed("GET");
}

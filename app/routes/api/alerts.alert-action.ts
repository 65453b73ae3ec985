// POST /api/v1/alerts/:alertId/read → { alert: { id, readAt } } marks one of the lead's own alerts
// read (again is fine). POST /api/v1/alerts/:alertId/forward { partnerOrgId, note? } → 201
// { forward } sends a tender to a partner of the lead's regions as a lead: 409 not_a_tender or
// already_forwarded, 422 with fields. Another lead's alert → 404; partner roles 403.
import { z } from "zod";
import { can } from "../../../models/auth/permissions.ts";
import { db } from "../../../models/db/client.ts";
import { isOwnAlert, markAlertReadAt } from "../../../models/market/alert-inbox.ts";
import { AlertForwardError, forwardAlertToPartner } from "../../../models/market/forward.ts";
import { apiError, apiRoute, methodNotAllowed, readJson } from "../../api.server.ts";
import { clientIp, requireApiUser } from "../../auth.server.ts";
import type { Route } from "./+types/alerts.alert-action";

// Types only here; forwardAlertToPartner checks the values (a partner of the lead's regions, the note's length).
const forwardBody = z.object({ partnerOrgId: z.string({ error: "Send the partner organization's id" }), note: z.string({ error: "Send the note as text" }).nullish() });

const notFound = () => apiError(404, "not_found", "No such alert, or not yours.");
const FORWARD_STATUS = { not_found: 404, not_a_tender: 409, already_forwarded: 409, validation_failed: 422 } as const;

export function loader() {
  return methodNotAllowed("POST");
}

export function action({ request, context, params }: Route.ActionArgs) {
  return apiRoute(async () => {
    if (request.method !== "POST") return methodNotAllowed("POST");
    const user = requireApiUser(context);
    if (!can(user, "alerts:read")) return apiError(403, "forbidden", "Only regional leads have market alerts.");
    if (params.action === "read") {
      const readAt = await markAlertReadAt(db, user, params.alertId);
      return readAt === null ? notFound() : Response.json({ alert: { id: params.alertId, readAt: readAt.toISOString() } });
    }
    if (params.action === "forward") {
      // Someone else's alert is a 404 whatever the body says.
      if (!(await isOwnAlert(db, user, params.alertId))) return notFound();
      const input = await readJson(request, forwardBody);
      try {
        const forward = await forwardAlertToPartner(db, user, params.alertId, { partnerOrgId: input.partnerOrgId, note: input.note ?? undefined }, { ipAddress: clientIp(context) });
        return Response.json({ forward: { id: forward.forwardId, partnerOrgId: forward.partnerOrgId, partnerName: forward.partnerName, recipients: forward.recipients } }, { status: 201 });
      } catch (error) {
        if (!(error instanceof AlertForwardError)) throw error;
        const fields = Object.keys(error.fields).length > 0 ? error.fields : undefined;
        return apiError(FORWARD_STATUS[error.code], error.code, error.message, fields);
      }
    }
    return apiError(404, "not_found", "No such alert action: use read or forward.");
  });
}

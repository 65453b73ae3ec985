// GET /api/v1/partners/:partnerOrgId → { partner } (API.md): profile, KPIs, segment, health and
// churn risk with reasons and the models' quality. Channel managers and admins: any partner;
// regional leads: their regions (404 outside). Partner users are refused — unless the program
// shows partners their own segment (setting partners.showOwnSegment): then their own organization
// answers with segment and health only, never the churn risk, and any other 404.
import { can } from "../../../models/auth/permissions.ts";
import { isPartnerRole } from "../../../models/auth/users.ts";
import { db } from "../../../models/db/client.ts";
import { getPartnerSummary } from "../../../models/partners/profiles.ts";
import { ownSegmentView } from "../../../models/partners/segment-visibility.ts";
import { apiError, apiRoute, methodNotAllowed } from "../../api.server.ts";
import { requireApiUser } from "../../auth.server.ts";
import { toApiOwnPartner, toApiProfile } from "../../components/partners/partner-api.server.ts";
import type { Route } from "./+types/partners.partner";

const notFound = () => apiError(404, "not_found", "No such partner, or not yours to see.");

export function loader({ context, params }: Route.LoaderArgs) {
  return apiRoute(async () => {
    const user = requireApiUser(context);
    if (isPartnerRole(user.role)) {
      const view = await ownSegmentView(db, user, params.partnerOrgId);
      if (view === "forbidden") return apiError(403, "forbidden", "Your role may not read partner profiles.");
      if (view === "not_found") return notFound();
      return Response.json({ partner: toApiOwnPartner(view) });
    }
    if (!can(user, "partners:read")) return apiError(403, "forbidden", "Your role may not read partner profiles.");
    const profile = await getPartnerSummary(db, user, params.partnerOrgId);
    if (!profile) return notFound();
    return Response.json({ partner: toApiProfile(profile) });
  });
}

export function action() {
  return methodNotAllowed("GET");
}

// GET /api/v1/partners?region=&tier=&segment=&healthBand=&q=&sort=&page=&pageSize= → { items, total }
// (API.md): the partners the user may see — all for channel managers and admins, a regional lead's
// regions — with segment, health and churn risk from the latest run; partner roles are refused.
import { z } from "zod";
import { can } from "../../../models/auth/permissions.ts";
import { db } from "../../../models/db/client.ts";
import { PARTNER_TIERS } from "../../../models/dashboards/manager.ts";
import { HEALTH_BANDS } from "../../../models/partners/health-bands.ts";
import { listPartners, PARTNER_SORTS } from "../../../models/partners/partners-list.ts";
import { apiError, apiRoute, methodNotAllowed, readPaging, zodFields } from "../../api.server.ts";
import { requireApiUser } from "../../auth.server.ts";
import { toApiListItem, toApiListRun } from "../../components/partners/partner-api.server.ts";
import type { Route } from "./+types/partners";

const listQuery = z.object({
  region: z.string().trim().min(1).max(50).optional(),
  tier: z.enum(PARTNER_TIERS, { error: `must be one of ${PARTNER_TIERS.join(", ")}` }).optional(),
  segment: z.string().trim().min(1).max(200).optional(),
  healthBand: z.enum(HEALTH_BANDS, { error: `must be one of ${HEALTH_BANDS.join(", ")}` }).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(PARTNER_SORTS, { error: `must be one of ${PARTNER_SORTS.join(", ")}` }).default("churn"),
});

export function loader({ request, context }: Route.LoaderArgs) {
  return apiRoute(async () => {
    const user = requireApiUser(context);
    if (!can(user, "partners:read")) throw apiError(403, "forbidden", "Your role may not read partner profiles.");
    const params = new URL(request.url).searchParams;
    const given = (key: string) => params.get(key) || undefined;
    const parsed = listQuery.safeParse({
      region: given("region"), tier: given("tier"), segment: given("segment"), healthBand: given("healthBand"), q: given("q"), sort: given("sort"),
    });
    if (!parsed.success) throw apiError(400, "invalid_query", "Some query parameters are invalid.", zodFields(parsed.error));
    const { page, pageSize } = readPaging(request);
    const list = await listPartners(db, user, { ...parsed.data, page, pageSize });
    return Response.json({ items: list.items.map((item) => toApiListItem(item, list.run)), total: list.total, page, pageSize, run: toApiListRun(list.run) });
  });
}

export function action() {
  return methodNotAllowed("GET");
}

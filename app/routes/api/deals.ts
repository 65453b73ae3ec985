// GET /api/v1/deals?status=&expiringWithinDays=&page=&pageSize= → { items, total }: the deals the
// user may see, newest first. POST /api/v1/deals → 201 { deal }: a partner registers a deal
// (idempotent per clientRequestId: a repeat answers 200 with the same deal).
import { z } from "zod";
import { canReadDeals } from "../../../models/auth/permissions.ts";
import { getDealForUser, listDealDetails, DEAL_STATUSES } from "../../../models/deals/queries.ts";
import { registerDeal } from "../../../models/deals/registration.ts";
import { db } from "../../../models/db/client.ts";
import { apiError, readJsonBody, readPaging, zodFields } from "../../api.server.ts";
import { requireApiUser } from "../../auth.server.ts";
import { dealApiRoute, dealOperationOptions, toApiDeal } from "../../deals.server.ts";
import type { Route } from "./+types/deals";

const listQuery = z.object({
  status: z.enum(DEAL_STATUSES, { error: `must be one of ${DEAL_STATUSES.join(", ")}` }).optional(),
  expiringWithinDays: z.coerce.number().int().min(1).max(365).optional(),
});

export function loader({ request, context }: Route.LoaderArgs) {
  return dealApiRoute(async () => {
    const user = requireApiUser(context);
    if (!canReadDeals(user)) throw apiError(403, "forbidden", "Your role may not read deals.");
    const url = new URL(request.url);
    const parsed = listQuery.safeParse({
      status: url.searchParams.get("status") ?? undefined,
      expiringWithinDays: url.searchParams.get("expiringWithinDays") ?? undefined,
    });
    if (!parsed.success) throw apiError(400, "invalid_query", "Some query parameters are invalid.", zodFields(parsed.error));
    const { page, pageSize } = readPaging(request);
    const { items, total } = await listDealDetails(db, user, { ...parsed.data, page, pageSize });
    return Response.json({ items: items.map(toApiDeal), total });
  });
}

export function action({ request, context }: Route.ActionArgs) {
  return dealApiRoute(async () => {
    if (request.method !== "POST") return apiError(405, "method_not_allowed", "Use GET or POST.", undefined, { Allow: "GET, POST" });
    const user = requireApiUser(context);
    // The raw JSON body: registerDeal validates it (422 with fields).
    const input = await readJsonBody(request);
    const result = await registerDeal(db, user, input, dealOperationOptions(context));
    const deal = await getDealForUser(db, user, result.dealId);
    if (!deal) throw new Error(`Registered deal ${result.dealId} is not visible to its registrant`);
    return Response.json({ deal: toApiDeal(deal) }, { status: result.created ? 201 : 200 });
  });
}

// GET /api/v1/deals/:dealId → { deal }: one deal with its conflicts and timeline. Another
// organization's deal answers 404, exactly like a missing one.
import { getDealForUser } from "../../../models/deals/queries.ts";
import { db } from "../../../models/db/client.ts";
import { methodNotAllowed } from "../../api.server.ts";
import { requireApiUser } from "../../auth.server.ts";
import { dealApiRoute, dealNotFound, toApiDeal } from "../../deals.server.ts";
import type { Route } from "./+types/deals.deal";

export function loader({ context, params }: Route.LoaderArgs) {
  return dealApiRoute(async () => {
    const user = requireApiUser(context);
    const deal = await getDealForUser(db, user, params.dealId);
    if (!deal) return dealNotFound();
    return Response.json({ deal: toApiDeal(deal) });
  });
}

export function action() {
  return methodNotAllowed("GET");
}

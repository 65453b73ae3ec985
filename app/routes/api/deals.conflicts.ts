// GET /api/v1/deals/conflicts?customerName=&domain=&country=&products= → { items: [{ dealId,
// similarity, reasons }] }: what a registration would conflict with, before it is made. A partner
// learns that a conflict exists and why, never another organization's deal (dealId null).
import { can } from "../../../models/auth/permissions.ts";
import { conflictQueryInput, findDealConflicts, redactForPartner } from "../../../models/deals/conflicts.ts";
import { db } from "../../../models/db/client.ts";
import { apiError, methodNotAllowed, zodFields } from "../../api.server.ts";
import { requireApiUser } from "../../auth.server.ts";
import { dealApiRoute } from "../../deals.server.ts";
import type { Route } from "./+types/deals.conflicts";

export function loader({ request, context }: Route.LoaderArgs) {
  return dealApiRoute(async () => {
    const user = requireApiUser(context);
    if (!can(user, "deals:register") && !can(user, "deals:read-all")) throw apiError(403, "forbidden", "Your role may not check deal conflicts.");
    const url = new URL(request.url);
    const products = url.searchParams.getAll("products").flatMap((p) => p.split(",")).map((p) => p.trim()).filter(Boolean);
    const parsed = conflictQueryInput.safeParse({
      customerName: url.searchParams.get("customerName") ?? undefined,
      domain: url.searchParams.get("domain") || undefined,
      country: url.searchParams.get("country") ?? undefined,
      productSkus: products,
    });
    if (!parsed.success) throw apiError(422, "validation_failed", "Some fields are invalid.", zodFields(parsed.error));
    const { customerName, domain, country, productSkus } = parsed.data;
    const { items } = await findDealConflicts(db, { customerName, domain: domain || null, country, productSkus, partnerOrgId: user.partnerOrgId ?? undefined });
    return Response.json({
      items: redactForPartner(items, user).map((f) => ({
        dealId: f.dealId,
        kind: f.kind,
        similarity: f.similarity,
        score: f.score,
        ownOrganization: f.ownOrganization,
        customerName: f.customerName,
        reasons: f.reasons,
      })),
    });
  });
}

export function action() {
  return methodNotAllowed("GET");
}

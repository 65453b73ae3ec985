// POST /api/v1/deals/:dealId/{approve|reject|close|extend|extension|reopen|refund} → { deal }: the deal's
// transitions (API.md). The tenant is checked first, so a partner of another organization gets
// 404 on every one of them; a transition the status does not allow answers 409.
import { z } from "zod";
import type { SessionUser } from "../../../models/auth/users.ts";
import type { DealOperationOptions } from "../../../models/deals/deal-record.ts";
import { canSeeDeal, getDealForUser } from "../../../models/deals/queries.ts";
import { approveDeal, closeDeal, decideExtension, refundDeal, rejectDeal, reopenDeal, requestExtension } from "../../../models/deals/review.ts";
import { db } from "../../../models/db/client.ts";
import { methodNotAllowed, readJson } from "../../api.server.ts";
import { requireApiUser } from "../../auth.server.ts";
import { dealApiRoute, dealNotFound, dealOperationOptions, toApiDeal } from "../../deals.server.ts";
import type { Route } from "./+types/deals.transition";

type Transition = (user: SessionUser, dealId: string, body: unknown, options: DealOperationOptions) => Promise<unknown>;

// Bodies are only shaped here (an object); the domain validates them and answers 422 with fields.
const anyObject = z.record(z.string(), z.unknown(), { error: "must be a JSON object" });

const TRANSITIONS: Record<string, Transition> = {
  approve: (user, id, body, options) => approveDeal(db, user, id, body as { note?: string }, options),
  reject: (user, id, body, options) => rejectDeal(db, user, id, body as { reason: string }, options),
  close: (user, id, body, options) => closeDeal(db, user, id, body as { outcome: "WON" | "LOST" }, options),
  extend: (user, id, body, options) => requestExtension(db, user, id, body as { reason: string }, options),
  extension: (user, id, body, options) => decideExtension(db, user, id, body as { approve: boolean }, options),
  reopen: (user, id, body, options) => reopenDeal(db, user, id, body as { reason: string }, options),
  refund: (user, id, body, options) => refundDeal(db, user, id, body as { refund: { amount: number; currency: string }; reason: string }, options),
};

export function loader() {
  return methodNotAllowed("POST");
}

export function action({ request, context, params }: Route.ActionArgs) {
  return dealApiRoute(async () => {
    if (request.method !== "POST") return methodNotAllowed("POST");
    const user = requireApiUser(context);
    const run = Object.hasOwn(TRANSITIONS, params.transition) ? TRANSITIONS[params.transition] : undefined;
    if (!run || !(await canSeeDeal(db, user, params.dealId))) return dealNotFound();
    const body = await readJson(request, anyObject);
    await run(user, params.dealId, body, dealOperationOptions(context));
    const deal = await getDealForUser(db, user, params.dealId);
    if (!deal) return dealNotFound();
    return Response.json({ deal: toApiDeal(deal) });
  });
}

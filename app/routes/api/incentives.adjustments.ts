// GET /api/v1/incentives/adjustments?partnerOrgId=&page=&pageSize= → { items, total }: a partner's
// manual adjustments and payouts (partners: their own organization only). POST → 201 { entry }:
// a channel manager credits, debits or pays out (`kind` ADJUSTMENT | PAYOUT); a repeated
// clientRequestId answers 200 with the first entry; a payout above the balance → 409.
import { z } from "zod";
import { canReadIncentives } from "../../../models/auth/permissions.ts";
import { db } from "../../../models/db/client.ts";
import { listManualEntries, ManualEntryError, recordManualEntry } from "../../../models/incentives/adjustments.ts";
import { apiError, apiRoute, methodNotAllowed, readJson, readPaging } from "../../api.server.ts";
import { clientIp, requireApiUser } from "../../auth.server.ts";
import type { Route } from "./+types/incentives.adjustments";

export function loader({ request, context }: Route.LoaderArgs) {
  return apiRoute(async () => {
    const user = requireApiUser(context);
    if (!canReadIncentives(user)) throw apiError(403, "forbidden", "Your role may not read incentives.");
    const url = new URL(request.url);
    const partnerOrgId = url.searchParams.get("partnerOrgId") ?? user.partnerOrgId ?? "";
    if (!z.guid().safeParse(partnerOrgId).success) throw apiError(400, "invalid_query", "Some query parameters are invalid.", { partnerOrgId: "is required: a partner id" });
    const { page, pageSize } = readPaging(request);
    const result = await listManualEntries(db, user, { partnerOrgId, page, pageSize });
    if (result === null) return apiError(404, "partner_not_found", "No such partner, or not yours");
    return Response.json(result);
  });
}

export function action({ request, context }: Route.ActionArgs) {
  return apiRoute(async () => {
    if (request.method !== "POST") return methodNotAllowed("GET, POST");
    const user = requireApiUser(context);
    const body = await readJson(request, z.record(z.string(), z.unknown()));
    try {
      const { entry, created } = await recordManualEntry(db, user, body, { ipAddress: clientIp(context) });
      return Response.json({ entry }, { status: created ? 201 : 200 });
    } catch (error) {
      if (error instanceof ManualEntryError) return apiError(error.status, error.code, error.message, error.fields);
      throw error;
    }
  });
}

// POST /api/v1/incentives/programs/:programId/simulate { months?, asOf? } → 200 the what-if report:
// what this programme version would have cost over the last months next to the active version,
// written nowhere (channel managers, admins).
import { z } from "zod";
import { can } from "../../../models/auth/permissions.ts";
import { db } from "../../../models/db/client.ts";
import { MAX_REPLAY_MONTHS, MIN_REPLAY_MONTHS, SimulationError, simulateProgram } from "../../../models/incentives/simulate.ts";
import { apiError, apiRoute, methodNotAllowed, readJson } from "../../api.server.ts";
import { requireApiUser } from "../../auth.server.ts";
import type { Route } from "./+types/incentives.simulate";

const monthsError = `must be a whole number of months from ${MIN_REPLAY_MONTHS} to ${MAX_REPLAY_MONTHS}`;

const body = z.object({
  months: z.int({ error: monthsError }).min(MIN_REPLAY_MONTHS, { error: monthsError }).max(MAX_REPLAY_MONTHS, { error: monthsError }).default(12),
  asOf: z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: "must be an ISO 8601 date or date-time" })
    .transform((text) => new Date(text.length === 10 ? `${text}T23:59:59.999Z` : text))
    .optional(),
});

export function loader() {
  return methodNotAllowed("POST");
}

export function action({ request, params, context }: Route.ActionArgs) {
  return apiRoute(async () => {
    if (request.method !== "POST") return methodNotAllowed("POST");
    const user = requireApiUser(context);
    if (!can(user, "incentives:manage")) throw apiError(403, "forbidden", "Only channel managers and admins may simulate incentive programmes.");
    const input = request.headers.get("content-length") === "0" ? { months: 12 } : await readJson(request, body);
    try {
      return Response.json(await simulateProgram(db, params.programId, input));
    } catch (error) {
      if (error instanceof SimulationError) throw apiError(error.status, error.code, error.message, Object.keys(error.fields).length > 0 ? error.fields : undefined);
      throw error;
    }
  });
}

// POST /api/v1/market/sources/:sourceId/run → 202 { jobId }: scrape the source now (the
// `scrape-source` job), whatever its schedule or back-off. Same access as editing it.
import { db } from "../../../models/db/client.ts";
import { requestSourceRun } from "../../../models/market/run-request.ts";
import { apiError, methodNotAllowed } from "../../api.server.ts";
import { clientIp, requireApiUser } from "../../auth.server.ts";
import { requireSourceManager, sourceApiRoute } from "../../components/market/sources/source-api.server.ts";
import type { Route } from "./+types/market.sources.run";

export function loader() {
  return methodNotAllowed("POST");
}

export function action({ request, context, params }: Route.ActionArgs) {
  return sourceApiRoute(async () => {
    if (request.method !== "POST") return methodNotAllowed("POST");
    const user = requireApiUser(context);
    requireSourceManager(user);
    const queued = await requestSourceRun(db, user, params.sourceId, { ipAddress: clientIp(context) });
    if (queued === null) return apiError(503, "jobs_unavailable", "The job queue is not running in this process.");
    return Response.json(queued, { status: 202 });
  });
}

// GET /api/v1/admin/jobs/:queue/:jobId → { state, output?, error? } (admin).
import { getJobState } from "../../../models/jobs/admin.ts";
import { getJobQueue } from "../../../models/services.ts";
import { apiError, apiRoute, methodNotAllowed } from "../../api.server.ts";
import { requireApiUser } from "../../auth.server.ts";
import type { Route } from "./+types/admin.jobs.job";

export function loader({ params, context }: Route.LoaderArgs) {
  return apiRoute(async () => {
    requireApiUser(context, ["ADMIN"]);
    const boss = getJobQueue();
    if (!boss) return apiError(503, "jobs_unavailable", "The job queue is not running in this process.");
    const job = await getJobState(boss, params.queue, params.jobId);
    if (!job) return apiError(404, "not_found", "There is no such job in that queue.");
    return Response.json(job);
  });
}

export function action() {
  return methodNotAllowed("GET");
}

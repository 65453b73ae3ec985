// GET /api/v1/segments → the latest finished segmentation run (API.md): { runId, k, silhouette,
// segments: [{ label, size, centroid, description }] } plus its quality (churn AUC and Brier) and
// finishedAt; 404 no_segment_run before the first run. For roles that read partner profiles.
import { can } from "../../../models/auth/permissions.ts";
import { db } from "../../../models/db/client.ts";
import { latestSegmentRun } from "../../../models/partners/segment-runs.ts";
import { apiError, apiRoute, methodNotAllowed } from "../../api.server.ts";
import { requireApiUser } from "../../auth.server.ts";
import { toApiSegmentRun } from "../../components/partners/partner-api.server.ts";
import type { Route } from "./+types/segments";

export function loader({ context }: Route.LoaderArgs) {
  return apiRoute(async () => {
    const user = requireApiUser(context);
    if (!can(user, "partners:read")) return apiError(403, "forbidden", "Your role may not read segments.");
    const run = await latestSegmentRun(db);
    if (!run) return apiError(404, "no_segment_run", "Segments are computed nightly; none yet — run segment-partners from the jobs page.");
    return Response.json(toApiSegmentRun(run));
  });
}

export function action() {
  return methodNotAllowed("GET");
}

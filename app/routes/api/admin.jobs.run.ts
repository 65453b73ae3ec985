// POST /api/v1/admin/jobs/:queue/run { data? } → 202 { jobId } (admin).
import { z } from "zod";
import { queues } from "../../../jobs/queues.ts";
import { recordAudit } from "../../../models/audit/log.ts";
import { db } from "../../../models/db/client.ts";
import { runJobNow } from "../../../models/jobs/admin.ts";
import { getJobQueue } from "../../../models/services.ts";
import { apiError, apiRoute, methodNotAllowed, readJson } from "../../api.server.ts";
import { clientIp, requireApiUser } from "../../auth.server.ts";
import type { Route } from "./+types/admin.jobs.run";

const body = z.object({ data: z.record(z.string(), z.unknown()).optional() });
const statusFor = { "unknown-queue": 404, "no-handler": 409, "invalid-data": 422 } as const;
const codeFor = { "unknown-queue": "not_found", "no-handler": "no_handler", "invalid-data": "validation_failed" } as const;

export function loader() {
  return methodNotAllowed("POST");
}

export function action({ request, params, context }: Route.ActionArgs) {
  return apiRoute(async () => {
    if (request.method !== "POST") return methodNotAllowed("POST");
    const user = requireApiUser(context, ["ADMIN"]);
    const input = request.headers.get("content-length") === "0" ? {} : await readJson(request, body);
    const boss = getJobQueue();
    if (!boss) return apiError(503, "jobs_unavailable", "The job queue is not running in this process.");
    const result = await runJobNow(boss, queues, params.queue, input.data ?? {});
    if (!result.ok) return apiError(statusFor[result.reason], codeFor[result.reason], result.message);
    await recordAudit(db, { actorUserId: user.id, action: "job.run", entityType: "Job", entityId: result.jobId, ipAddress: clientIp(context), data: { queue: params.queue } });
    return Response.json({ jobId: result.jobId }, { status: 202 });
  });
}

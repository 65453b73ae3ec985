// GET /api/v1/admin/jobs → { items: [{ queue, created, active, completed, failed, lastRun }] } (admin).
import { queues } from "../../../jobs/queues.ts";
import { db } from "../../../models/db/client.ts";
import { listQueueHealth } from "../../../models/jobs/admin.ts";
import { apiRoute, methodNotAllowed } from "../../api.server.ts";
import { requireApiUser } from "../../auth.server.ts";
import type { Route } from "./+types/admin.jobs";

export function loader({ context }: Route.LoaderArgs) {
  return apiRoute(async () => {
    requireApiUser(context, ["ADMIN"]);
    const items = await listQueueHealth(db, queues);
    return Response.json({
      items: items.map((q) => ({ ...q, lastRun: q.lastRun ? { ...q.lastRun, at: q.lastRun.at.toISOString() } : null })),
    });
  });
}

export function action() {
  return methodNotAllowed("GET");
}

// GET /api/v1/admin/jobs → { items: [{ queue, created, active, completed, failed, lastRun }] } (admin).
import { queues } from "../../../jobs/queues.ts";
import { listQueueHealthRows } from "../../../models/dashboards/admin.ts";
import { db } from "../../../models/db/client.ts";
import { apiRoute, methodNotAllowed } from "../../api.server.ts";
import { requireApiUser } from "../../auth.server.ts";
import type { Route } from "./+types/admin.jobs";

export function loader({ context }: Route.LoaderArgs) {
  return apiRoute(async () => {
    requireApiUser(context, ["ADMIN"]);
    return Response.json({ items: await listQueueHealthRows(db, queues) });
  });
}

export function action() {
  return methodNotAllowed("GET");
}

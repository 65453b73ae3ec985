// POST /api/v1/notifications/read { ids: [...] } or { all: true } → { updated }: marks the signed-in
// user's own notifications read. Ids that are not the user's are ignored, never revealed.
import { z } from "zod";
import { db } from "../../../models/db/client.ts";
import { markRead } from "../../../models/notifications/inbox.ts";
import { apiRoute, methodNotAllowed, readJson } from "../../api.server.ts";
import { requireApiUser } from "../../auth.server.ts";
import type { Route } from "./+types/notifications.read";

const body = z
  .object({
    ids: z.array(z.guid("Not a notification id")).min(1).max(500).optional(),
    all: z.literal(true).optional(),
  })
  .refine((b) => (b.ids === undefined) !== (b.all === undefined), { message: "Send either ids or all: true" });

export function loader() {
  return methodNotAllowed("POST");
}

export function action({ request, context }: Route.ActionArgs) {
  return apiRoute(async () => {
    if (request.method !== "POST") return methodNotAllowed("POST");
    const user = requireApiUser(context);
    const input = await readJson(request, body);
    const updated = await markRead(db, user.id, input.all ? "all" : (input.ids ?? []));
    return Response.json({ updated });
  });
}

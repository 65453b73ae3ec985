// GET /api/v1/notifications?unread=&page=&pageSize= → { items, total, unreadCount }: the signed-in
// user's own notifications, newest first (`unread=true` for the unread ones only).
import { z } from "zod";
import { db } from "../../../models/db/client.ts";
import { listNotifications, unreadCount } from "../../../models/notifications/inbox.ts";
import { apiError, apiRoute, methodNotAllowed, readPaging, zodFields } from "../../api.server.ts";
import { requireApiUser } from "../../auth.server.ts";
import type { Route } from "./+types/notifications";

const query = z.object({
  unread: z.enum(["true", "false", "1", "0"]).optional().transform((v) => v === "true" || v === "1"),
});

export function loader({ request, context }: Route.LoaderArgs) {
  return apiRoute(async () => {
    const user = requireApiUser(context);
    const parsed = query.safeParse({ unread: new URL(request.url).searchParams.get("unread") ?? undefined });
    if (!parsed.success) throw apiError(400, "invalid_query", "unread must be true or false.", zodFields(parsed.error));
    const { page, pageSize } = readPaging(request);
    const [list, unread] = await Promise.all([
      listNotifications(db, user.id, { unreadOnly: parsed.data.unread, page, pageSize }),
      unreadCount(db, user.id),
    ]);
    return Response.json({ ...list, unreadCount: unread });
  });
}

export function action() {
  return methodNotAllowed("GET");
}

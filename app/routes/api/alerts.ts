// GET /api/v1/alerts?unread=&severity=&contentType=&region=&page=&pageSize= → { items, total,
// unreadCount }: the signed-in regional lead's own alerts, newest first. Partner roles and channel
// managers get 403 (they have no alerts to list).
import { z } from "zod";
import { can } from "../../../models/auth/permissions.ts";
import { db } from "../../../models/db/client.ts";
import { ALERT_CONTENT_TYPES, ALERT_SEVERITIES, listAlerts } from "../../../models/market/alert-inbox.ts";
import { apiError, apiRoute, methodNotAllowed, readPaging, zodFields } from "../../api.server.ts";
import { requireApiUser } from "../../auth.server.ts";
import { toApiAlert } from "../../components/market/alerts/alert-api.server.ts";
import type { Route } from "./+types/alerts";

const query = z.object({
  unread: z.enum(["true", "false", "1", "0"]).optional().transform((v) => v === "true" || v === "1"),
  severity: z.preprocess((v) => (typeof v === "string" ? v.toUpperCase() : v), z.enum(ALERT_SEVERITIES).optional()),
  contentType: z.preprocess((v) => (typeof v === "string" ? v.toUpperCase() : v), z.enum(ALERT_CONTENT_TYPES).optional()),
  region: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a region code").optional(),
});

export function loader({ request, context }: Route.LoaderArgs) {
  return apiRoute(async () => {
    const user = requireApiUser(context);
    if (!can(user, "alerts:read")) return apiError(403, "forbidden", "Only regional leads have market alerts.");
    const params = new URL(request.url).searchParams;
    const parsed = query.safeParse({
      unread: params.get("unread") ?? undefined,
      severity: params.get("severity") ?? undefined,
      contentType: params.get("contentType") ?? undefined,
      region: params.get("region") ?? undefined,
    });
    if (!parsed.success) throw apiError(400, "invalid_query", "Some filters are invalid.", zodFields(parsed.error));
    const { page, pageSize } = readPaging(request);
    const { unread, ...filters } = parsed.data;
    const list = await listAlerts(db, user, { ...filters, unreadOnly: unread, page, pageSize });
    return Response.json({ items: list.items.map(toApiAlert), total: list.total, unreadCount: list.unreadCount });
  });
}

export function action() {
  return methodNotAllowed("GET");
}

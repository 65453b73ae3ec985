// GET /api/v1/me → { user }.
import { toPublicUser } from "../../../models/auth/users.ts";
import { apiRoute, methodNotAllowed } from "../../api.server.ts";
import { requireApiUser } from "../../auth.server.ts";
import type { Route } from "./+types/me";

export function loader({ context }: Route.LoaderArgs) {
  return apiRoute(async () => Response.json({ user: toPublicUser(requireApiUser(context)) }));
}

export function action() {
  return methodNotAllowed("GET");
}

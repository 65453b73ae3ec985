// POST /api/v1/auth/logout → 204, the session revoked and the cookie cleared.
import { apiRoute, methodNotAllowed } from "../../api.server.ts";
import { endSession } from "../../auth.server.ts";
import type { Route } from "./+types/auth.logout";

export function loader() {
  return methodNotAllowed("POST");
}

export function action({ request }: Route.ActionArgs) {
  return apiRoute(async () => {
    if (request.method !== "POST") return methodNotAllowed("POST");
    return new Response(null, { status: 204, headers: { "Set-Cookie": await endSession(request) } });
  });
}

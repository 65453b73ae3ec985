// POST /api/v1/auth/login { email, password } → 200 { user } with the session cookie.
import { z } from "zod";
import { attemptLogin } from "../../../models/auth/login.ts";
import { toPublicUser } from "../../../models/auth/users.ts";
import { db } from "../../../models/db/client.ts";
import { apiError, apiRoute, methodNotAllowed, readJson } from "../../api.server.ts";
import { clientIp, startSession } from "../../auth.server.ts";
import type { Route } from "./+types/auth.login";

const credentials = z.object({
  email: z.string().trim().min(1, "Required").email("Not an e-mail address").max(320),
  password: z.string().min(1, "Required").max(1024),
});

export function loader() {
  return methodNotAllowed("POST");
}

export function action({ request, context }: Route.ActionArgs) {
  return apiRoute(async () => {
    if (request.method !== "POST") return methodNotAllowed("POST");
    const input = await readJson(request, credentials);
    const result = await attemptLogin(db, { ...input, ipAddress: clientIp(context) });
    if (!result.ok) {
      if (result.reason === "invalid_credentials") {
        return apiError(401, "invalid_credentials", "The e-mail and password do not match an account.");
      }
      return apiError(
        429,
        result.reason,
        result.reason === "locked"
          ? "Too many failed attempts for this account from your address; try again later."
          : "Too many sign-in attempts from your address; try again later.",
        undefined,
        { "Retry-After": String(result.retryAfterSeconds) },
      );
    }
    const setCookie = await startSession(request, context, result.user);
    return Response.json({ user: toPublicUser(result.user) }, { headers: { "Set-Cookie": setCookie } });
  });
}

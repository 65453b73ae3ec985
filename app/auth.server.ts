// Session glue for the portal: the session cookie (only an id), the root middleware that loads
// the signed-in user once per request, and guards that throw a redirect (pages) or a JSON
// error (API) so route code reads top to bottom.
import { createCookie, data, redirect, type RouterContextProvider } from "react-router";
import { userOfApiKey } from "../models/auth/api-keys.ts";
import { createSession, getSessionUser, revokeSession } from "../models/auth/sessions.ts";
import type { Role, SessionUser } from "../models/auth/users.ts";
import { db } from "../models/db/client.ts";
import { env } from "../models/env.ts";
import { apiError } from "./api.server.ts";
import { requestInfoContext, userContext } from "./context.ts";

const SESSION_COOKIE = "cw_session";

/** The router context as loaders, actions and middleware receive it. */
export type RequestContext = Readonly<RouterContextProvider>;

let cookie: ReturnType<typeof createCookie> | undefined;
function sessionCookie() {
  const e = env();
  cookie ??= createCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: e.NODE_ENV === "production" || Boolean(e.APP_URL?.startsWith("https:")),
    secrets: [e.SESSION_SECRET ?? "development-only-secret-do-not-use-in-production"],
  });
  return cookie;
}

async function sessionIdOf(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** The key of `Authorization: Bearer <key>` on a JSON API request, or null. Pages take only the session cookie. */
function bearerKeyOf(request: Request): string | null {
  if (!new URL(request.url).pathname.startsWith("/api/")) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}

/** Root middleware: resolves the session cookie (or, on the API, a bearer key) to a user (or null) for every loader and action. */
export async function loadUserMiddleware({ request, context }: { request: Request; context: RequestContext }) {
  const sessionId = await sessionIdOf(request);
  if (sessionId) {
    context.set(userContext, await getSessionUser(db, sessionId));
    return;
  }
  const key = bearerKeyOf(request);
  context.set(userContext, key ? ((await userOfApiKey(db, key))?.user ?? null) : null);
}

export function optionalUser(context: RequestContext): SessionUser | null {
  return context.get(userContext);
}

/** The path the user asked for, without React Router's `.data` suffix, for `redirectTo`. */
function requestedPath(request: Request): string {
  const url = new URL(request.url);
  const path = url.pathname.replace(/\.data$/, "").replace(/^\/_root$/, "/") || "/";
  url.searchParams.delete("_routes");
  const search = url.searchParams.toString();
  return path + (search ? `?${search}` : "");
}

/** For pages: the signed-in user, or a redirect to the login page that comes back here. */
export function requireUser(request: Request, context: RequestContext, roles?: readonly Role[]): SessionUser {
  const user = context.get(userContext);
  if (!user) {
    throw redirect(`/login?${new URLSearchParams({ redirectTo: requestedPath(request) })}`);
  }
  if (roles && !roles.includes(user.role)) {
    throw data({ message: "forbidden" }, { status: 403 });
  }
  return user;
}

/** For the JSON API: the signed-in user, or a 401/403 in the API's error format. */
export function requireApiUser(context: RequestContext, roles?: readonly Role[]): SessionUser {
  const user = context.get(userContext);
  if (!user) throw apiError(401, "unauthenticated", "Sign in first: send the session cookie, or a valid API key as Authorization: Bearer <key>.");
  if (roles && !roles.includes(user.role)) throw apiError(403, "forbidden", "Your role may not do this.");
  return user;
}

export function clientIp(context: RequestContext): string {
  return context.get(requestInfoContext).ip;
}

/** Starts a session for `user` and returns the Set-Cookie header value. */
export async function startSession(request: Request, context: RequestContext, user: SessionUser): Promise<string> {
  const session = await createSession(db, user.id, {
    ttlHours: env().SESSION_TTL_HOURS,
    ipAddress: clientIp(context),
    userAgent: request.headers.get("user-agent"),
  });
  return sessionCookie().serialize(session.id, { expires: session.expiresAt });
}

/** Revokes the request's session (if any) and returns a Set-Cookie header that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const sessionId = await sessionIdOf(request);
  if (sessionId) await revokeSession(db, sessionId);
  return sessionCookie().serialize("", { maxAge: 0, expires: new Date(0) });
}

/** Where each role lands after signing in. */
export function homePathFor(_user: SessionUser): string {
  return "/dashboard";
}

/** A same-site path from `?redirectTo=`, never an absolute or protocol-relative URL. */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return fallback;
  }
  return target;
}

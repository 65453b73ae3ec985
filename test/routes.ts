// Calls route loaders and actions directly with a real router context, as React Router would
// after the root middleware has resolved the session (tests choose the signed-in user).
import { RouterContextProvider } from "react-router";
import { requestInfoContext, userContext } from "../app/context.ts";
import { sessionUserSelect, type SessionUser, toSessionUser } from "../models/auth/users.ts";
import { db } from "../models/db/client.ts";

export function routeContext(user: SessionUser | null, ip = "127.0.0.1"): RouterContextProvider {
  const context = new RouterContextProvider();
  context.set(requestInfoContext, { ip, cspNonce: "" });
  context.set(userContext, user);
  return context;
}

export async function demoUser(email: string): Promise<SessionUser> {
  return toSessionUser(await db.user.findUniqueOrThrow({ where: { email }, select: sessionUserSelect }));
}

const DEMO_EMAILS = {
  manager: "manager@example.com",
  admin: "admin@example.com",
  lead: "lead@example.com",
  partner: "partner@example.com",
  partner2: "partner2@example.com",
} as const;

/** The demo's users by role, for tests that ask the same thing as every role. */
export async function demoUsers(): Promise<Record<keyof typeof DEMO_EMAILS, SessionUser>> {
  const entries = await Promise.all(Object.entries(DEMO_EMAILS).map(async ([role, email]) => [role, await demoUser(email)] as const));
  return Object.fromEntries(entries) as Record<keyof typeof DEMO_EMAILS, SessionUser>;
}

export function jsonRequest(url: string, body: unknown, init: RequestInit = {}): Request {
  return new Request(`http://localhost${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...init.headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
    ...init,
  });
}

type Args = { request: Request; context: RouterContextProvider; params: Record<string, string | undefined> };

type DataWithInit = { data: unknown; init: ResponseInit | null; type?: string };
const isDataWithInit = (value: unknown): value is DataWithInit =>
  typeof value === "object" && value !== null && "data" in value && "init" in value;

/** What React Router would send for a loader/action result: a Response, or `data(...)` with its status. */
function toResponse(value: unknown): Response {
  if (value instanceof Response) return value;
  if (isDataWithInit(value)) return Response.json(value.data, value.init ?? undefined);
  return Response.json(value);
}

/** Invokes a route function (loader or action) and returns its Response, thrown or returned. */
export async function invoke(fn: (args: never) => unknown, args: Args): Promise<Response> {
  try {
    return toResponse(await (fn as (a: Args) => unknown)(args));
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return toResponse(thrown);
    throw thrown;
  }
}

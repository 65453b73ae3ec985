// Refuses text PostgreSQL cannot store: a NUL character in the query string or a form field would
// otherwise reach a query and fail there as a 500. Pages answer 400; the JSON API its error format.
import { data } from "react-router";
import { apiError } from "./api.server.ts";

const NUL = "\u0000";

function hasNul(params: URLSearchParams): boolean {
  for (const [name, value] of params) if (name.includes(NUL) || value.includes(NUL)) return true;
  return false;
}

/** True when the request's query string or url-encoded form body carries a NUL character. */
export async function carriesNul(request: Request): Promise<boolean> {
  const url = new URL(request.url);
  if (/%00/.test(url.pathname) || hasNul(url.searchParams)) return true;
  if (!(request.headers.get("content-type") ?? "").includes("application/x-www-form-urlencoded")) return false;
  return hasNul(new URLSearchParams(await request.clone().text()));
}

/** Root middleware: a request carrying NUL never reaches a loader or action. */
export async function rejectNulMiddleware({ request }: { request: Request }) {
  if (!(await carriesNul(request))) return;
  if (new URL(request.url).pathname.startsWith("/api/")) throw apiError(400, "invalid_text", "Text may not contain NUL characters (\\u0000).");
  throw data(null, { status: 400 });
}

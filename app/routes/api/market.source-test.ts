// POST /api/v1/market/sources/test (a source) → 200 { status, finalUrl, pages, items }: fetches
// the source once and returns what would be extracted (with matched keywords and competitors),
// saving nothing. 422 with fields for an invalid source, or `fetch_failed` when the page could
// not be fetched or read. Admins and regional leads.
import { testSource } from "../../../models/market/source-test.ts";
import { methodNotAllowed, readJson } from "../../api.server.ts";
import { requireApiUser } from "../../auth.server.ts";
import { requireSourceManager, sourceApiRoute, sourceBody } from "../../components/market/sources/source-api.server.ts";
import type { Route } from "./+types/market.source-test";

export function loader() {
  return methodNotAllowed("POST");
}

export function action({ request, context }: Route.ActionArgs) {
  return sourceApiRoute(async () => {
    if (request.method !== "POST") return methodNotAllowed("POST");
    const user = requireApiUser(context);
    requireSourceManager(user);
    return Response.json(await testSource(user, await readJson(request, sourceBody)));
  });
}

// GET /api/v1/market/sources/:sourceId → { source }. PATCH (or PUT) merges the fields sent over
// the stored source → { source }; DELETE → 204 (with the items it found first). Regional leads
// change only sources wholly within their regions (403 otherwise; 404 for ones they cannot see).
import { db } from "../../../models/db/client.ts";
import { deleteSource, getSource, updateSource } from "../../../models/market/sources.ts";
import { methodNotAllowed, readJson } from "../../api.server.ts";
import { clientIp, requireApiUser } from "../../auth.server.ts";
import { requireSourceManager, requireSourceReader, sourceApiRoute, sourceBody, sourceNotFound } from "../../components/market/sources/source-api.server.ts";
import type { Route } from "./+types/market.source";

export function loader({ context, params }: Route.LoaderArgs) {
  return sourceApiRoute(async () => {
    const user = requireApiUser(context);
    requireSourceReader(user);
    const source = await getSource(db, user, params.sourceId);
    return source === null ? sourceNotFound() : Response.json({ source });
  });
}

export function action({ request, context, params }: Route.ActionArgs) {
  return sourceApiRoute(async () => {
    if (!["PATCH", "PUT", "DELETE"].includes(request.method)) return methodNotAllowed("GET, PATCH, PUT, DELETE");
    const user = requireApiUser(context);
    requireSourceManager(user);
    const options = { ipAddress: clientIp(context) };
    if (request.method === "DELETE") {
      await deleteSource(db, user, params.sourceId, options);
      return new Response(null, { status: 204 });
    }
    await updateSource(db, user, params.sourceId, await readJson(request, sourceBody), options);
    const source = await getSource(db, user, params.sourceId);
    return source === null ? sourceNotFound() : Response.json({ source });
  });
}

// GET /api/v1/market/sources?page=&pageSize= → { items, total }: the sources the user may see
// (admins and managers all, regional leads those of their regions), with run status.
// POST /api/v1/market/sources → 201 { source } (admins; regional leads for their own regions).
import { db } from "../../../models/db/client.ts";
import { createSource, getSource, listSources } from "../../../models/market/sources.ts";
import { methodNotAllowed, readJson, readPaging } from "../../api.server.ts";
import { clientIp, requireApiUser } from "../../auth.server.ts";
import { requireSourceManager, requireSourceReader, sourceApiRoute, sourceBody, sourceNotFound } from "../../components/market/sources/source-api.server.ts";
import type { Route } from "./+types/market.sources";

export function loader({ request, context }: Route.LoaderArgs) {
  return sourceApiRoute(async () => {
    const user = requireApiUser(context);
    requireSourceReader(user);
    const { skip, take } = readPaging(request);
    return Response.json(await listSources(db, user, { skip, take }));
  });
}

export function action({ request, context }: Route.ActionArgs) {
  return sourceApiRoute(async () => {
    if (request.method !== "POST") return methodNotAllowed("GET, POST");
    const user = requireApiUser(context);
    requireSourceManager(user);
    const id = await createSource(db, user, await readJson(request, sourceBody), { ipAddress: clientIp(context) });
    const source = await getSource(db, user, id);
    return source === null ? sourceNotFound() : Response.json({ source }, { status: 201 });
  });
}

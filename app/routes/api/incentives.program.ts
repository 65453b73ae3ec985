// GET /api/v1/incentives/programs/:programId → { program }. PATCH (or PUT) changes a draft
// version in place → { program }; 409 once it is active or archived. DELETE removes a draft → 204.
// A partner sees only ACTIVE versions (anything else is a 404) and may not write (403).
import { z } from "zod";
import { db } from "../../../models/db/client.ts";
import { getProgramVersion } from "../../../models/incentives/program-queries.ts";
import { deleteDraftProgram, updateDraftProgram } from "../../../models/incentives/programs.ts";
import { methodNotAllowed, readJson } from "../../api.server.ts";
import { clientIp, requireApiUser } from "../../auth.server.ts";
import { programApiRoute, programNotFound, requireProgramManager, requireProgramReader } from "../../components/incentives/programs/program-api.server.ts";
import type { Route } from "./+types/incentives.program";

const anyObject = z.record(z.string(), z.unknown(), { error: "must be a JSON object" });

export function loader({ context, params }: Route.LoaderArgs) {
  return programApiRoute(async () => {
    const user = requireApiUser(context);
    requireProgramReader(user);
    const program = await getProgramVersion(db, user, params.programId);
    return program === null ? programNotFound() : Response.json({ program });
  });
}

export function action({ request, context, params }: Route.ActionArgs) {
  return programApiRoute(async () => {
    if (!["PATCH", "PUT", "DELETE"].includes(request.method)) return methodNotAllowed("GET, PATCH, PUT, DELETE");
    const user = requireApiUser(context);
    requireProgramManager(user);
    const options = { ipAddress: clientIp(context) };
    if (request.method === "DELETE") {
      await deleteDraftProgram(db, user, params.programId, options);
      return new Response(null, { status: 204 });
    }
    const patch = await readJson(request, anyObject);
    await updateDraftProgram(db, user, params.programId, patch, options);
    const program = await getProgramVersion(db, user, params.programId);
    return program === null ? programNotFound() : Response.json({ program });
  });
}

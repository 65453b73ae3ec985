// POST /api/v1/incentives/programs/:programId/{activate|archive|new-version} → { program }: the
// programme lifecycle (channel managers and admins). A step the version's status does not
// allow answers 409; an unknown step 404; the new version answers 201 with the new draft.
import type { SessionUser } from "../../../models/auth/users.ts";
import { db } from "../../../models/db/client.ts";
import { getProgramVersion } from "../../../models/incentives/program-queries.ts";
import { activateProgram, archiveProgram, createNextVersion, type ProgramOperationOptions } from "../../../models/incentives/programs.ts";
import { apiError, methodNotAllowed } from "../../api.server.ts";
import { clientIp, requireApiUser } from "../../auth.server.ts";
import { programApiRoute, programNotFound, requireProgramManager } from "../../components/incentives/programs/program-api.server.ts";
import type { Route } from "./+types/incentives.program-action";

type Step = (user: SessionUser, id: string, options: ProgramOperationOptions) => Promise<{ id: string; status: number }>;

const STEPS: Record<string, Step> = {
  activate: async (user, id, options) => {
    await activateProgram(db, user, id, options);
    return { id, status: 200 };
  },
  archive: async (user, id, options) => {
    await archiveProgram(db, user, id, options);
    return { id, status: 200 };
  },
  "new-version": async (user, id, options) => ({ id: await createNextVersion(db, user, id, options), status: 201 }),
};

export function loader() {
  return methodNotAllowed("POST");
}

export function action({ request, context, params }: Route.ActionArgs) {
  return programApiRoute(async () => {
    if (request.method !== "POST") return methodNotAllowed("POST");
    const user = requireApiUser(context);
    requireProgramManager(user);
    const step = Object.hasOwn(STEPS, params.action) ? STEPS[params.action] : undefined;
    if (step === undefined) return apiError(404, "not_found", `No such program action: ${params.action}. Use activate, archive or new-version.`);
    const result = await step(user, params.programId, { ipAddress: clientIp(context) });
    const program = await getProgramVersion(db, user, result.id);
    return program === null ? programNotFound() : Response.json({ program }, { status: result.status });
  });
}

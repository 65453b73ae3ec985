// GET /api/v1/incentives/programs?status=&kind=&page=&pageSize= → { items, total }: programme
// versions by key, newest version first (partners: only ACTIVE ones, without budgets).
// POST /api/v1/incentives/programs → 201 { program }: a new programme as a draft version 1.
import { z } from "zod";
import { db } from "../../../models/db/client.ts";
import { PROGRAM_KINDS, PROGRAM_STATUSES } from "../../../models/incentives/program-kinds.ts";
import { getProgramVersion, listProgramVersions } from "../../../models/incentives/program-queries.ts";
import { createProgram } from "../../../models/incentives/programs.ts";
import { apiError, methodNotAllowed, readJson, readPaging, zodFields } from "../../api.server.ts";
import { clientIp, requireApiUser } from "../../auth.server.ts";
import { programApiRoute, programNotFound, requireProgramManager, requireProgramReader } from "../../components/incentives/programs/program-api.server.ts";
import type { Route } from "./+types/incentives.programs";

const listQuery = z.object({
  status: z.enum(PROGRAM_STATUSES, { error: `must be one of ${PROGRAM_STATUSES.join(", ")}` }).optional(),
  kind: z.enum(PROGRAM_KINDS, { error: `must be one of ${PROGRAM_KINDS.join(", ")}` }).optional(),
});

// The body is only shaped here (an object); the domain validates it and answers 422 with fields.
const anyObject = z.record(z.string(), z.unknown(), { error: "must be a JSON object" });

export function loader({ request, context }: Route.LoaderArgs) {
  return programApiRoute(async () => {
    const user = requireApiUser(context);
    requireProgramReader(user);
    const url = new URL(request.url);
    const parsed = listQuery.safeParse({ status: url.searchParams.get("status") ?? undefined, kind: url.searchParams.get("kind") ?? undefined });
    if (!parsed.success) throw apiError(400, "invalid_query", "Some query parameters are invalid.", zodFields(parsed.error));
    const { skip, take } = readPaging(request);
    return Response.json(await listProgramVersions(db, user, { ...parsed.data, skip, take }));
  });
}

export function action({ request, context }: Route.ActionArgs) {
  return programApiRoute(async () => {
    if (request.method !== "POST") return methodNotAllowed("GET, POST");
    const user = requireApiUser(context);
    requireProgramManager(user);
    const body = await readJson(request, anyObject);
    const id = await createProgram(db, user, body, { ipAddress: clientIp(context) });
    const program = await getProgramVersion(db, user, id);
    if (program === null) return programNotFound();
    return Response.json({ program }, { status: 201 });
  });
}

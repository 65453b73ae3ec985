// Glue between the programme lifecycle and the JSON API: ProgramError → the API's error format,
// and the permission checks every programme endpoint shares.
import { can, canReadIncentives } from "../../../../models/auth/permissions.ts";
import type { SessionUser } from "../../../../models/auth/users.ts";
import { ProgramError, ProgramValidationError } from "../../../../models/incentives/program-errors.ts";
import { apiError, apiRoute } from "../../../api.server.ts";

/** `apiRoute` that also answers the programme domain's refusals (403, 404, 409, 422 with fields). */
export function programApiRoute(handler: () => Promise<Response>): Promise<Response> {
  return apiRoute(async () => {
    try {
      return await handler();
    } catch (error) {
      if (!(error instanceof ProgramError)) throw error;
      return apiError(error.status, error.code, error.message, error instanceof ProgramValidationError ? error.fields : undefined);
    }
  });
}

export const programNotFound = () => apiError(404, "program_not_found", "No such incentive program");

/** Partners (their programmes to earn from) and managers read; regional leads do not. */
export function requireProgramReader(user: SessionUser): void {
  if (!canReadIncentives(user)) throw apiError(403, "forbidden", "Your role may not read incentive programs.");
}

export function requireProgramManager(user: SessionUser): void {
  if (!can(user, "incentives:manage")) throw apiError(403, "forbidden", "Only channel managers and admins manage incentive programs.");
}

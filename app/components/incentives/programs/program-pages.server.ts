// Server glue of the program pages: only managers reach them (others get 403), and the editor
// form's save — typed text → programme input → the domain — with every error keyed by field.
import { data } from "react-router";
import { can } from "../../../../models/auth/permissions.ts";
import type { SessionUser } from "../../../../models/auth/users.ts";
import { ProgramValidationError } from "../../../../models/incentives/program-errors.ts";
import { parseProgramDraft } from "../../../../models/incentives/program-input.ts";
import { requireUser, type RequestContext } from "../../../auth.server.ts";
import { formErrorsOf, programInputOf, valuesOf, type FormErrors, type ProgramFormValues } from "./program-form.ts";

/** The signed-in channel manager or admin; anyone else gets a 403 (page and `.data` alike). */
export function requireProgramManagerPage(request: Request, context: RequestContext): SessionUser {
  const user = requireUser(request, context);
  if (!can(user, "incentives:manage")) throw data(null, { status: 403 });
  return user;
}

export type FormRejection = { intent: "save"; ok: false; values: ProgramFormValues; errors: FormErrors };

/**
 * Reads the editor form and runs `save` with the programme input. A value that cannot be read,
 * or that the domain refuses, comes back as a 422 with what was typed and the field errors.
 */
export async function saveProgramForm<T>(form: FormData, save: (input: Record<string, unknown>) => Promise<T>): Promise<{ ok: true; result: T } | { ok: false; response: ReturnType<typeof data<FormRejection>> }> {
  const values = valuesOf(form);
  const { input, errors } = programInputOf(values);
  const reject = (fieldErrors: FormErrors) => ({ ok: false as const, response: data<FormRejection>({ intent: "save", ok: false, values, errors: fieldErrors }, { status: 422 }) });
  if (Object.keys(errors).length > 0) {
    // Report the domain's other complaints too, so the user fixes everything in one go.
    try {
      parseProgramDraft(input);
    } catch (error) {
      if (error instanceof ProgramValidationError) return reject({ ...formErrorsOf(error.fields, values), ...errors });
      throw error;
    }
    return reject(errors);
  }
  try {
    return { ok: true, result: await save(input) };
  } catch (error) {
    if (error instanceof ProgramValidationError) return reject(formErrorsOf(error.fields, values));
    throw error;
  }
}

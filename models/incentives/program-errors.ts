// The typed refusals of the programme lifecycle, each with the HTTP status the API answers with:
// not found (or not visible), forbidden, a state change the status does not allow, bad fields.

export type ProgramErrorCode = "program_not_found" | "forbidden" | "invalid_program" | "invalid_program_state";

/** Base of every error a programme operation throws on purpose; `status` is the HTTP answer. */
export class ProgramError extends Error {
  constructor(
    readonly code: ProgramErrorCode,
    readonly status: 403 | 404 | 409 | 422,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ProgramNotFoundError extends ProgramError {
  constructor() {
    super("program_not_found", 404, "No such incentive program");
  }
}

export class ProgramForbiddenError extends ProgramError {
  constructor(message = "Only channel managers and admins manage incentive programs") {
    super("forbidden", 403, message);
  }
}

/** A lifecycle step the version's status (or its neighbours) does not allow; nothing changed. */
export class ProgramStateError extends ProgramError {
  constructor(message: string) {
    super("invalid_program_state", 409, message);
  }
}

/** Input that fails a rule, per field path (`rules.tiers.1.fromAmount`); nothing changed. */
export class ProgramValidationError extends ProgramError {
  constructor(readonly fields: Record<string, string>) {
    super("invalid_program", 422, `Invalid program: ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("; ")}`);
  }
}

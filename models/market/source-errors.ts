// The typed refusals of source operations, each with the HTTP status the API answers with:
// not found (or not visible), forbidden, invalid fields, and a test fetch that failed.

export type SourceErrorCode = "source_not_found" | "forbidden" | "invalid_source" | "fetch_failed";

export class SourceError extends Error {
  constructor(
    readonly code: SourceErrorCode,
    readonly status: 403 | 404 | 422,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class SourceNotFoundError extends SourceError {
  constructor() {
    super("source_not_found", 404, "No such market source");
  }
}

export class SourceForbiddenError extends SourceError {
  constructor(message = "Your role may not change this market source") {
    super("forbidden", 403, message);
  }
}

/** Input that fails a rule, per field path (`selectors.item`); nothing changed. */
export class SourceValidationError extends SourceError {
  constructor(readonly fields: Record<string, string>) {
    super("invalid_source", 422, `Invalid source: ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("; ")}`);
  }
}

/** A test fetch that could not reach or read the page; `failureCode` is the fetcher's own code. */
export class SourceFetchError extends SourceError {
  constructor(
    readonly failureCode: string,
    message: string,
  ) {
    super("fetch_failed", 422, message);
  }
}

// Glue between market sources and the JSON API: SourceError → the API's error format, and the
// checks every source endpoint shares (partners and anyone else without access get 403).
import { canManageSources, canReadSources } from "../../../../models/market/source-access.ts";
import { SourceError, SourceFetchError, SourceValidationError } from "../../../../models/market/source-errors.ts";
import type { SessionUser } from "../../../../models/auth/users.ts";
import { z } from "zod";
import { apiError, apiRoute } from "../../../api.server.ts";

/** `apiRoute` that also answers the sources domain's refusals (403, 404, 422 with fields). */
export function sourceApiRoute(handler: () => Promise<Response>): Promise<Response> {
  return apiRoute(async () => {
    try {
      return await handler();
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      const fields = error instanceof SourceValidationError ? error.fields : error instanceof SourceFetchError ? { url: error.message } : undefined;
      return apiError(error.status, error.code, error.message, fields);
    }
  });
}

/** A source body is only shaped in the API (an object); the domain validates it and answers 422 with fields. */
export const sourceBody = z.record(z.string(), z.unknown(), { error: "must be a JSON object" });

export const sourceNotFound = () => apiError(404, "source_not_found", "No such market source");

export function requireSourceReader(user: SessionUser): void {
  if (!canReadSources(user)) throw apiError(403, "forbidden", "Your role may not see market sources.");
}

export function requireSourceManager(user: SessionUser): void {
  if (!canManageSources(user)) throw apiError(403, "forbidden", "Only admins and regional leads configure market sources.");
}

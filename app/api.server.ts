// The JSON API's conventions (API.md): the error envelope, JSON bodies validated with zod, and
// paging. Handlers throw `apiError(...)`; `apiRoute` turns anything thrown into a response,
// so bad input is a 4xx with a stable code and never a 500.
import { z } from "zod";
import { fieldErrors } from "../models/validation.ts";

export type ApiErrorBody = {
  error: { code: string; message: string; fields?: Record<string, string> };
};

export function apiError(status: number, code: string, message: string, fields?: Record<string, string>, headers?: HeadersInit): Response {
  const body: ApiErrorBody = { error: { code, message, ...(fields ? { fields } : {}) } };
  return Response.json(body, { status, headers });
}

export function zodFields(error: z.ZodError): Record<string, string> {
  return fieldErrors(error);
}

/** The JSON request body as sent (an empty body reads as `{}`); throws 400 for malformed JSON, 422 for NUL text. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) {
    throw apiError(400, "unsupported_media_type", "Send a JSON body with Content-Type: application/json.");
  }
  let body: unknown;
  let nulIn: string | null = null;
  try {
    const text = await request.text();
    // PostgreSQL cannot store NUL in text; refused here rather than failing in a query as a 500.
    body = text.length === 0 ? {} : JSON.parse(text, (key: string, value: unknown) => {
      if (nulIn === null && ((typeof value === "string" && value.includes("\u0000")) || key.includes("\u0000"))) nulIn = key || "body";
      return value;
    });
  } catch {
    throw apiError(400, "malformed_json", "The request body is not valid JSON.");
  }
  if (nulIn !== null) throw apiError(422, "validation_failed", "Some fields are invalid.", { [nulIn]: "may not contain NUL characters (\\u0000)" });
  return body;
}

/** Parses a JSON request body with `schema`; throws 400 for malformed JSON, 422 for invalid fields. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await readJsonBody(request));
  if (!parsed.success) throw apiError(422, "validation_failed", "Some fields are invalid.", zodFields(parsed.error));
  return parsed.data;
}

const pagingSchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export type Paging = { page: number; pageSize: number; skip: number; take: number };

export function readPaging(request: Request): Paging {
  const url = new URL(request.url);
  const parsed = pagingSchema.safeParse({
    page: url.searchParams.get("page") ?? undefined,
    pageSize: url.searchParams.get("pageSize") ?? undefined,
  });
  if (!parsed.success) throw apiError(400, "invalid_paging", "page must be ≥ 1 and pageSize between 1 and 200.", zodFields(parsed.error));
  const { page, pageSize } = parsed.data;
  return { page, pageSize, skip: (page - 1) * pageSize, take: pageSize };
}

/** Wraps an API loader/action: thrown Responses pass through, anything else becomes a logged 500. */
export async function apiRoute(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof Response) return error;
    console.error("API handler failed:", error);
    return apiError(500, "internal_error", "Something went wrong on our side. Try again; if it persists, tell your administrator.");
  }
}

export function methodNotAllowed(allowed: string): Response {
  return apiError(405, "method_not_allowed", `Use ${allowed}.`, undefined, { Allow: allowed });
}

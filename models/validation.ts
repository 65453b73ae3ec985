// zod's issues as the per-field messages every form and the API show: one message per field
// path ("amount.currency"), the first one zod reports, with `fallback` for the input as a whole.
// Also the id check that keeps a malformed id from reaching PostgreSQL's uuid columns.
import type { z } from "zod";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `id` can be compared with a uuid column; anything else would make Prisma throw. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

export function fieldErrors(error: z.ZodError, fallback = "body"): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join(".") || fallback] ??= issue.message;
  return fields;
}

// zod's issues as the per-field messages every form and the API show: one message per field
// path ("amount.currency"), the first one zod reports, with `fallback` for the input as a whole.
import type { z } from "zod";

export function fieldErrors(error: z.ZodError, fallback = "body"): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join(".") || fallback] ??= issue.message;
  return fields;
}

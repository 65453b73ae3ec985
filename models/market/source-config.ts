// The market source shape of ../shared/API.md, validated with zod: used by the sources API, the
// scrape job and `npm run scrape -- --config`. HTML and JavaScript sources need selectors.
import { z } from "zod";
import { fieldErrors } from "../validation.ts";
import { cssSelectorProblem } from "./html-list.ts";
import { cronProblem } from "./schedule.ts";
import type { SourceConfig } from "./types.ts";

/** True for a five-field cron expression that the scheduler (schedule.ts, cron-parser) can run: one rule for saving and running. */
export function isCronExpression(text: string): boolean {
  return cronProblem(text) === null;
}

const cssSelector = (emptyMessage: string) =>
  z.string().trim().min(1, emptyMessage).max(500, "must be at most 500 characters").refine((selector) => cssSelectorProblem(selector) === null, "is not a valid CSS selector");
const required = () => cssSelector("is required");
const optional = () => cssSelector("must not be empty").optional();

export const sourceSelectorsSchema = z.object({
  item: required(),
  title: required(),
  link: required(),
  date: optional(),
  summary: optional(),
  deadline: optional(),
  value: optional(),
  location: optional(),
  reference: optional(),
  next: optional(),
});

const words = z.array(z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters")).max(100, "at most 100 entries");

/** The fields without the cross-field rule, for `.partial()` (an update) or `.extend()`. */
export const sourceConfigFields = z.object({
  name: z.string().trim().min(1, "is required").max(120, "must be at most 120 characters"),
  url: z
    .string()
    .trim()
    .max(2048, "must be at most 2048 characters")
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), "must be an absolute http:// or https:// URL"),
  kind: z.enum(["rss", "html", "js"], { error: 'must be "rss", "html" or "js"' }),
  contentType: z.enum(["tender", "competitor", "industry"], { error: 'must be "tender", "competitor" or "industry"' }),
  regionCodes: z.array(z.string().trim().min(1, "must not be empty").max(20, "must be at most 20 characters")).max(50, "at most 50 regions").default([]),
  competitors: words.default([]),
  keywords: words.default([]),
  // The scheduler's own rule and words (schedule.ts), so a saved schedule is one that runs.
  schedule: z
    .string()
    .trim()
    .superRefine((text, ctx) => {
      const problem = cronProblem(text);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  enabled: z.boolean().default(true),
  selectors: sourceSelectorsSchema.optional(),
});

/** A whole source, as created through the API or read from a `--config` file. */
export const sourceConfigSchema = sourceConfigFields.superRefine((source, ctx) => {
  if (source.kind !== "rss" && !source.selectors) {
    ctx.addIssue({ code: "custom", path: ["selectors"], message: `are required for ${source.kind === "html" ? "an HTML" : "a JavaScript"} source (item, title and link at least)` });
  }
});

export type ReadSourceConfig = { ok: true; source: SourceConfig } | { ok: false; errors: Record<string, string> };

/** Validates parsed JSON as a source; errors are per field ("selectors.item": "is required"). */
export function readSourceConfig(json: unknown): ReadSourceConfig {
  const result = sourceConfigSchema.safeParse(json);
  return result.success ? { ok: true, source: result.data } : { ok: false, errors: fieldErrors(result.error, "source") };
}

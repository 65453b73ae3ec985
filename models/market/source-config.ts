// The market source shape of ../shared/API.md, validated with zod: used by the sources API, the
// scrape job and `npm run scrape -- --config`. HTML and JavaScript sources need selectors.
import { load } from "cheerio";
import { z } from "zod";
import { fieldErrors } from "../validation.ts";
import type { SourceConfig } from "./types.ts";

const CRON_FIELDS: { min: number; max: number; names?: string[] }[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"] },
  { min: 0, max: 7, names: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] },
];

/** True for a five-field cron expression (minute hour day-of-month month day-of-week) with values in range. */
export function isCronExpression(text: string): boolean {
  const fields = text.trim().split(/\s+/);
  if (fields.length !== CRON_FIELDS.length) return false;
  return fields.every((field, i) => {
    const { min, max, names } = CRON_FIELDS[i];
    const value = (v: string) => {
      const named = names?.indexOf(v.toLowerCase()) ?? -1;
      const n = named >= 0 ? named + (i === 3 ? 1 : 0) : /^\d+$/.test(v) ? Number(v) : NaN;
      return n >= min && n <= max ? n : NaN;
    };
    return field.split(",").every((part) => {
      const [range, step, extra] = part.split("/");
      if (extra !== undefined || (step !== undefined && !/^[1-9]\d*$/.test(step))) return false;
      if (range === "*") return true;
      const [from, to, more] = range.split("-");
      if (more !== undefined) return false;
      const a = value(from);
      return to === undefined ? !Number.isNaN(a) && step === undefined : !Number.isNaN(a) && value(to) >= a;
    });
  });
}

const probe = load("<p></p>");
function isCssSelector(selector: string): boolean {
  try {
    probe(selector);
    return true;
  } catch {
    return false;
  }
}

const cssSelector = (emptyMessage: string) =>
  z.string().trim().min(1, emptyMessage).max(500, "must be at most 500 characters").refine(isCssSelector, "is not a valid CSS selector");
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
  schedule: z.string().trim().refine(isCronExpression, 'must be a five-field cron expression such as "0 */6 * * *"'),
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

// "Test source": fetches a source once, as configured (saved or only typed), and returns what
// would be extracted with the keywords and competitors each item matches. Saves nothing.
import type { SessionUser } from "../auth/users.ts";
import { env } from "../env.ts";
import { fieldErrors } from "../validation.ts";
import { describeSourceFailure } from "./fetch-error.ts";
import { matchItemTerms } from "./items.ts";
import type { ScrapeSource } from "./run-source.ts";
import { scrapeSource } from "./scrape.ts";
import { allowHostsFor } from "./self-origin.ts";
import { canManageSources } from "./source-access.ts";
import { sourceConfigSchema } from "./source-config.ts";
import { SourceFetchError, SourceForbiddenError, SourceValidationError } from "./source-errors.ts";
import type { ExtractedItem } from "./types.ts";

export type TestedItem = ExtractedItem & { matchedKeywords: string[]; matchedCompetitors: string[] };
export type SourceTestResult = { status: "ok" | "not-modified"; finalUrl: string; pages: number; items: TestedItem[] };

/** What a test needs beyond the URL, kind and selectors, when the caller has not filled it in yet. */
const TEST_DEFAULTS = { name: "Source under test", schedule: "0 * * * *", contentType: "industry" } as const;

export async function testSource(actor: SessionUser, input: unknown, options: { scrape?: ScrapeSource } = {}): Promise<SourceTestResult> {
  if (!canManageSources(actor)) throw new SourceForbiddenError("Only admins and regional leads test market sources");
  const raw = typeof input === "object" && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const filled = Object.fromEntries(Object.entries(TEST_DEFAULTS).map(([key, fallback]) => [key, raw[key] === undefined || raw[key] === "" ? fallback : raw[key]]));
  const parsed = sourceConfigSchema.safeParse({ ...raw, ...filled });
  if (!parsed.success) throw new SourceValidationError(fieldErrors(parsed.error));
  const config = parsed.data;
  const scrape = options.scrape ?? scrapeSource;
  try {
    const result = await scrape(config, { allowHosts: allowHostsFor(config.url, env()) });
    return {
      status: result.status,
      finalUrl: result.finalUrl,
      pages: result.pages,
      items: result.items.map((item) => ({ ...item, ...matchItemTerms({ title: item.title, summary: item.summary }, config) })),
    };
  } catch (error) {
    const failure = describeSourceFailure(error);
    throw new SourceFetchError(failure.code, failure.message);
  }
}

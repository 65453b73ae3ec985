// Handler of the `scrape-source` job. With a source id (the "run now" button and API) it scrapes
// that source now; without (the 10-minute cron) every enabled source that is due, one at a time.
// Failures are recorded on their source (which then backs off) and never fail the job, so a
// retry cannot bypass the back-off and one broken source does not stop the others.
import { z } from "zod";
import { findDueSourceIds } from "../models/market/due.ts";
import { runSource, type SourceRunOutcome } from "../models/market/run-source.ts";
import { isUuid } from "../models/validation.ts";
import type { JobHandler } from "./handler.ts";
import { defineHandler } from "./handler.ts";

export const scrapeSourcePayload = z.strictObject({ sourceId: z.string().refine(isUuid, "must be a source id (a UUID)").optional() });

export const scrapeSourceHandler: JobHandler = defineHandler(scrapeSourcePayload, async ({ sourceId }, { db, log }) => {
  const ids = sourceId ? [sourceId] : await findDueSourceIds(db);
  const outcomes: SourceRunOutcome[] = [];
  for (const id of ids) {
    const outcome = await runSource(db, id);
    outcomes.push(outcome);
    if (outcome.status === "failed") log(`scrape-source: source ${id} failed (${outcome.code}): ${outcome.message}`, "warn");
  }
  const newItems = outcomes.reduce((sum, o) => sum + ("newItemIds" in o ? o.newItemIds.length : 0), 0);
  const failed = outcomes.filter((o) => o.status === "failed").length;
  if (ids.length > 0) log(`scrape-source: ${ids.length} source(s) scraped, ${newItems} new item(s), ${failed} failed`);
  return {
    sources: ids.length,
    newItems,
    failed,
    outcomes: outcomes.map((o) => ("newItemIds" in o ? { sourceId: o.sourceId, status: o.status, found: o.found, new: o.newItemIds.length } : o)),
  };
});

// Scrapes one configured source and records the outcome: new items stored (deduplicated, see
// items.ts) and handed to the `route-alerts` job in the same transaction, the source's status
// (last run, last success, error, failures in a row for the back-off, conditional-GET
// validators). A failure is recorded, never thrown, so one bad source does not stop a run.
import type { PrismaClient } from "../db/generated/client.ts";
import { env } from "../env.ts";
import { enqueueJob } from "../jobs/enqueue.ts";
import { describeSourceFailure } from "./fetch-error.ts";
import { storeExtractedItems } from "./items.ts";
import { scrapeSource } from "./scrape.ts";
import { allowHostsFor } from "./self-origin.ts";
import { configOf, sourceRowSelect } from "./source-shape.ts";

export type ScrapeSource = typeof scrapeSource;

export type RunSourceOptions = {
  /** The scraper (tests pass one with a renderer of their own). */
  scrape?: ScrapeSource;
  now?: () => Date;
};

export type SourceRunOutcome =
  | { sourceId: string; status: "ok" | "not-modified"; found: number; newItemIds: string[]; seenAgain: number }
  | { sourceId: string; status: "failed"; code: string; message: string }
  | { sourceId: string; status: "missing" };

/** Longest error text kept with a source (messages quote URLs, which can be long). */
const MAX_ERROR_LENGTH = 1000;

export async function runSource(db: PrismaClient, sourceId: string, options: RunSourceOptions = {}): Promise<SourceRunOutcome> {
  const scrape = options.scrape ?? scrapeSource;
  const clock = options.now ?? (() => new Date());
  const row = await db.marketSource.findUnique({ where: { id: sourceId }, select: sourceRowSelect });
  if (row === null) return { sourceId, status: "missing" };
  const config = configOf(row);

  let result: Awaited<ReturnType<ScrapeSource>>;
  try {
    result = await scrape(config, { etag: row.etag ?? undefined, lastModified: row.lastModified ?? undefined, allowHosts: allowHostsFor(config.url, env()) });
  } catch (error) {
    const failure = describeSourceFailure(error);
    const message = failure.message.slice(0, MAX_ERROR_LENGTH);
    // updateMany: a source deleted while it was being fetched is simply gone, not an error.
    await db.marketSource.updateMany({
      where: { id: sourceId },
      data: { lastRunAt: clock(), lastStatus: failure.code, lastError: message, consecutiveFailures: { increment: 1 } },
    });
    return { sourceId, status: "failed", code: failure.code, message };
  }

  const now = clock();
  return db.$transaction(async (tx) => {
    const exists = await tx.marketSource.updateMany({
      where: { id: sourceId },
      data: {
        lastRunAt: now,
        lastSuccessAt: now,
        lastStatus: result.status,
        lastError: null,
        consecutiveFailures: 0,
        // A 304 keeps the validators it was answered for.
        ...(result.status === "ok" ? { etag: result.etag, lastModified: result.lastModified } : {}),
      },
    });
    if (exists.count === 0) return { sourceId, status: "missing" as const };
    const stored = await storeExtractedItems(tx, row, result.items, now);
    if (stored.newItemIds.length > 0) await enqueueJob(tx, "route-alerts", { itemIds: stored.newItemIds });
    return { sourceId, status: result.status, found: result.items.length, newItemIds: stored.newItemIds, seenAgain: stored.seenAgain };
  });
}

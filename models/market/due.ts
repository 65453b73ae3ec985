// Which enabled sources the periodic scrape takes now: due by their own cron since their last
// run, and not backing off after failures (schedule.ts), those never run first.
import type { PrismaClient } from "../db/generated/client.ts";
import { isDue } from "./schedule.ts";

export async function findDueSourceIds(db: PrismaClient, now = new Date()): Promise<string[]> {
  const sources = await db.marketSource.findMany({
    where: { enabled: true },
    select: { id: true, schedule: true, lastRunAt: true, consecutiveFailures: true },
    orderBy: [{ lastRunAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
  });
  return sources.filter((source) => isDue(source, now)).map((source) => source.id);
}

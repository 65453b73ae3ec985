// "Run now" on a source: queues a `scrape-source` job for it (the worker scrapes it at once,
// whatever its schedule or back-off), after the same checks as an edit; audited.
import { recordAudit } from "../audit/log.ts";
import type { SessionUser } from "../auth/users.ts";
import type { PrismaClient } from "../db/generated/client.ts";
import { getJobQueue } from "../services.ts";
import { findEditableSource } from "./sources.ts";

/** The job's id, or null when this process runs no job system (nothing was queued). */
export async function requestSourceRun(db: PrismaClient, actor: SessionUser, id: string, options: { ipAddress?: string | null } = {}): Promise<{ jobId: string } | null> {
  const source = await findEditableSource(db, actor, id);
  const boss = getJobQueue();
  if (boss === null) return null;
  const jobId = await boss.send("scrape-source", { sourceId: source.id });
  if (jobId === null) throw new Error('pg-boss did not accept a job for "scrape-source": is the queue created?');
  await recordAudit(db, { actorUserId: actor.id, action: "market_source.run", entityType: "MarketSource", entityId: source.id, ipAddress: options.ipAddress ?? null, data: { jobId } });
  return { jobId };
}

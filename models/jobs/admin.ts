// The admin view of background jobs: health of each queue read from pg-boss's own tables,
// "run now", and the state of one job. The queue catalogue is passed in (it lives in jobs/).
import type PgBoss from "pg-boss";
import { z } from "zod";
import type { PrismaClient } from "../db/generated/client.ts";
import { Prisma } from "../db/generated/client.ts";

/** The PostgreSQL schema pg-boss keeps its tables in (job, archive, queue, schedule). */
export const JOBS_SCHEMA = "pgboss";

/** How far back completed and failed jobs are counted. */
export const HEALTH_WINDOW_DAYS = 7;

export type QueueCatalogueEntry = {
  name: string;
  description: string;
  /** A handler exists: only then may the queue be run or scheduled. */
  handler: { payload: z.ZodType<object> } | undefined;
};

export type JobState = "created" | "retry" | "active" | "completed" | "cancelled" | "failed";

export type QueueHealth = {
  queue: string;
  description: string;
  /** The cron (UTC) pg-boss has on record, or null when the queue is not scheduled. */
  scheduled: string | null;
  hasHandler: boolean;
  /** Waiting to run (new or waiting for a retry). */
  created: number;
  active: number;
  /** Finished in the last HEALTH_WINDOW_DAYS days. */
  completed: number;
  failed: number;
  lastRun: { at: Date; status: JobState; durationMs: number | null } | null;
};

type CountRow = { name: string; created: number; active: number; completed: number; failed: number };
type LastRunRow = { name: string; state: JobState; started_on: Date; duration_ms: number | null };
type ScheduleRow = { name: string; cron: string };

const schema = Prisma.raw(JOBS_SCHEMA);

/** One row per catalogue queue, in catalogue order; zeros before pg-boss is installed. */
export async function listQueueHealth(
  db: Pick<PrismaClient, "$queryRaw">,
  catalogue: readonly QueueCatalogueEntry[],
): Promise<QueueHealth[]> {
  const names = catalogue.map((q) => q.name);
  const [{ installed }] = await db.$queryRaw<{ installed: boolean }[]>`
    SELECT to_regclass(${`${JOBS_SCHEMA}.archive`}) IS NOT NULL AS installed`;
  const [counts, lastRuns, schedules] = installed
    ? await Promise.all([
        db.$queryRaw<CountRow[]>`
          SELECT name,
            COUNT(*) FILTER (WHERE state IN ('created', 'retry'))::int AS created,
            COUNT(*) FILTER (WHERE state = 'active')::int AS active,
            COUNT(*) FILTER (WHERE state = 'completed' AND recent)::int AS completed,
            COUNT(*) FILTER (WHERE state = 'failed' AND recent)::int AS failed
          FROM (
            SELECT name, state, completed_on >= now() - make_interval(days => ${HEALTH_WINDOW_DAYS}) AS recent
            FROM ${schema}.job WHERE name = ANY(${names}::text[])
            UNION ALL
            SELECT name, state, true FROM ${schema}.archive
            WHERE name = ANY(${names}::text[]) AND state IN ('completed', 'failed')
              AND completed_on >= now() - make_interval(days => ${HEALTH_WINDOW_DAYS})
          ) jobs
          GROUP BY name`,
        db.$queryRaw<LastRunRow[]>`
          SELECT DISTINCT ON (name) name, state::text AS state, started_on,
            ROUND(EXTRACT(EPOCH FROM completed_on - started_on) * 1000)::int AS duration_ms
          FROM (
            SELECT name, state, started_on, completed_on FROM ${schema}.job
            WHERE name = ANY(${names}::text[]) AND started_on IS NOT NULL
            UNION ALL
            SELECT name, state, started_on, completed_on FROM ${schema}.archive
            WHERE name = ANY(${names}::text[]) AND started_on IS NOT NULL
          ) runs
          ORDER BY name, started_on DESC`,
        db.$queryRaw<ScheduleRow[]>`
          SELECT name, cron FROM ${schema}.schedule WHERE name = ANY(${names}::text[])`,
      ])
    : [[], [], []];

  return catalogue.map((q) => {
    const count = counts.find((c) => c.name === q.name);
    const last = lastRuns.find((r) => r.name === q.name);
    return {
      queue: q.name,
      description: q.description,
      scheduled: schedules.find((s) => s.name === q.name)?.cron ?? null,
      hasHandler: q.handler !== undefined,
      created: count?.created ?? 0,
      active: count?.active ?? 0,
      completed: count?.completed ?? 0,
      failed: count?.failed ?? 0,
      lastRun: last ? { at: last.started_on, status: last.state, durationMs: last.duration_ms } : null,
    };
  });
}

export type RunRefusal = "unknown-queue" | "no-handler" | "invalid-data";

export type RunJobResult =
  | { ok: true; jobId: string }
  | { ok: false; reason: RunRefusal; message: string };

/**
 * Sends one job now. Refused, and nothing sent, when the queue is unknown (→ 404), its
 * capability has no handler yet (→ 409) or the data does not fit its payload (→ 422).
 */
export async function runJobNow(
  boss: Pick<PgBoss, "send">,
  catalogue: readonly QueueCatalogueEntry[],
  queue: string,
  data: unknown = {},
): Promise<RunJobResult> {
  const entry = catalogue.find((q) => q.name === queue);
  if (!entry) return { ok: false, reason: "unknown-queue", message: `There is no job queue named "${queue}".` };
  if (!entry.handler) {
    return {
      ok: false,
      reason: "no-handler",
      message: `The queue "${queue}" has no handler in this release, so a job sent to it would never run.`,
    };
  }
  const parsed = entry.handler.payload.safeParse(data ?? {});
  if (!parsed.success) {
    return { ok: false, reason: "invalid-data", message: `Invalid data for "${queue}": ${z.prettifyError(parsed.error)}` };
  }
  const jobId = await boss.send(queue, parsed.data);
  // pg-boss answers null only when the queue is missing from its tables (not created yet).
  if (!jobId) throw new Error(`pg-boss did not accept a job for "${queue}": is the queue created?`);
  return { ok: true, jobId };
}

export type JobStatus = { state: JobState; output?: unknown; error?: string };

const jobIdSchema = z.guid();

/** The state of one job (also once archived), or null when there is no such job in that queue. */
export async function getJobState(
  boss: Pick<PgBoss, "getJobById">,
  queue: string,
  jobId: string,
): Promise<JobStatus | null> {
  if (!jobIdSchema.safeParse(jobId).success) return null;
  const job = await boss.getJobById(queue, jobId, { includeArchive: true });
  if (!job) return null;
  const output: unknown = job.output ?? undefined;
  // A failed (or failed-and-waiting-to-retry) job's output is the serialized error.
  if (job.state === "failed" || job.state === "retry") {
    return { state: job.state, error: errorMessage(output) };
  }
  return output === undefined ? { state: job.state } : { state: job.state, output };
}

// pg-boss stores a thrown error serialized, or wraps a bare message as { value: { message } }.
const failureOutput = z.union([
  z.object({ message: z.string() }),
  z.object({ value: z.object({ message: z.string() }) }).transform((o) => o.value),
]);

function errorMessage(output: unknown): string {
  return failureOutput.safeParse(output).data?.message ?? "The job failed without an error message.";
}

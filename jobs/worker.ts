// Starts pg-boss for this process: creates every queue, and on request works the queues that
// have a handler and keeps their cron schedules. The web process uses it only to send jobs
// (`work: false, schedule: false`); a worker process works them; `npm start` does both.
import pg from "pg";
import PgBoss from "pg-boss";
import { db as sharedDb } from "../models/db/client.ts";
import type { PrismaClient } from "../models/db/generated/client.ts";
import { JOBS_SCHEMA } from "../models/jobs/admin.ts";
import type { JobsLog } from "./handler.ts";
import type { QueueDefinition } from "./queues.ts";
import { queues } from "./queues.ts";
import { closeSharedRenderer } from "../models/market/render.ts";

export type StartJobsOptions = {
  connectionString: string;
  /** Work the queues that have a handler. */
  work: boolean;
  /** Keep the cron schedules (any number of processes may; pg-boss sends each once). */
  schedule: boolean;
  log: JobsLog;
  /** Defaults to the shared client (DATABASE_URL). */
  db?: PrismaClient;
  /** Overrides every queue's polling interval (tests use 0.5 s, the pg-boss minimum). */
  pollingIntervalSeconds?: number;
  /** How long stop() waits for running jobs before failing them back to the queue. */
  stopTimeoutMs?: number;
};

export type Jobs = { boss: PgBoss; stop(): Promise<void> };

/** Throttle slot of the start-up run: two processes starting together send it once. */
const STARTUP_SINGLETON_SECONDS = 15 * 60;

export async function startJobs(options: StartJobsOptions): Promise<Jobs> {
  const { work, schedule, log } = options;
  const db = options.db ?? sharedDb;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: JOBS_SCHEMA,
    application_name: work ? "channelwise-worker" : "channelwise-web",
    max: work ? 10 : 3,
    // Cron and maintenance (expiry, archiving) run where jobs are worked or scheduled.
    schedule,
    supervise: work || schedule,
  });
  // Without a listener an EventEmitter 'error' would throw and end the process.
  boss.on("error", (error: Error) => log(`pg-boss: ${error.message}`, "error"));
  await boss.start();

  try {
    await withSetupLock(options.connectionString, log, async () => {
      for (const queue of queues) await createQueue(boss, queue);
      if (schedule) {
        for (const queue of queues) await scheduleQueue(boss, queue);
      }
      if (work || schedule) {
        for (const queue of queues) await runIfNeverRun(boss, queue, db, log);
      }
    });
    if (work) {
      for (const queue of queues) await workQueue(boss, queue, db, log, options.pollingIntervalSeconds);
    }
  } catch (error) {
    await boss.stop({ graceful: false });
    throw error;
  }
  const worked = queues.filter((q) => q.handler).map((q) => q.name);
  log(`jobs started (${work ? `working ${worked.join(", ")}` : "sending only"}${schedule ? ", scheduling" : ""})`, "info");

  const stopTimeoutMs = options.stopTimeoutMs ?? 30_000;
  return {
    boss,
    stop: async () => {
      await boss.stop({ graceful: true, timeout: stopTimeoutMs });
      // JavaScript market sources share one Chromium per process: it goes with the worker.
      await closeSharedRenderer();
    },
  };
}

/**
 * Runs `setup` while holding a database-wide lock, so processes starting together take turns:
 * pg-boss creates each queue's partition table, and two creations at once deadlock.
 */
async function withSetupLock(connectionString: string, log: JobsLog, setup: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString, application_name: "channelwise-jobs-setup" });
  client.on("error", (error) => log(`jobs set-up connection: ${error.message}`, "error"));
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('channelwise.jobs.setup'))");
    try {
      await setup();
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('channelwise.jobs.setup'))");
    }
  } finally {
    await client.end();
  }
}

/** Creates the queue and its dead-letter queue, or brings an existing one's policy up to date. */
async function createQueue(boss: PgBoss, queue: QueueDefinition): Promise<void> {
  const { deadLetter, ...policy } = queue.policy;
  // Dead jobs are kept for inspection, not retried, so the dead-letter queue has no policy.
  await boss.createQueue(deadLetter, { name: deadLetter, retryLimit: 0, retentionMinutes: 30 * 24 * 60 });
  const options = { name: queue.name, policy: "standard" as const, ...policy, deadLetter };
  await boss.createQueue(queue.name, options);
  await boss.updateQueue(queue.name, options);
}

async function workQueue(
  boss: PgBoss,
  queue: QueueDefinition,
  db: PrismaClient,
  log: JobsLog,
  pollingIntervalSeconds = queue.pollingIntervalSeconds,
): Promise<void> {
  const handler = queue.handler;
  if (!handler) return;
  const name = queue.name;
  await boss.work(name, { batchSize: queue.batchSize, pollingIntervalSeconds }, async (jobs) => {
    // Each job of a batch completes or fails on its own, so one bad job does not fail (and
    // retry) the others; pg-boss's own completion afterwards then finds nothing left active.
    for (const job of jobs) {
      const started = Date.now();
      try {
        const output = await handler.run(job.data, { db, log, jobId: job.id });
        await settle(() => boss.complete(name, job.id, output), log);
        log(`job ${name} ${job.id} completed in ${Date.now() - started} ms`, "info");
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        log(`job ${name} ${job.id} failed after ${Date.now() - started} ms: ${failure.message}`, "warn");
        await settle(() => boss.fail(name, job.id, failure), log);
      }
    }
  });
}

/**
 * Records a job's outcome; if the database is unreachable the job stays active until pg-boss
 * expires it and retries it (handlers are idempotent), rather than the worker crashing.
 */
async function settle(record: () => Promise<unknown>, log: JobsLog): Promise<void> {
  try {
    await record();
  } catch (error) {
    log(`could not record a job's outcome: ${error instanceof Error ? error.message : String(error)}`, "error");
  }
}

async function scheduleQueue(boss: PgBoss, queue: QueueDefinition): Promise<void> {
  if (queue.handler && queue.cron) await boss.schedule(queue.name, queue.cron, undefined, { tz: "UTC" });
  else await boss.unschedule(queue.name);
}

/** Sends the first run of a job that has never produced anything, unless one is on its way. */
async function runIfNeverRun(boss: PgBoss, queue: QueueDefinition, db: PrismaClient, log: JobsLog): Promise<void> {
  if (!queue.handler || !queue.neverRun || !(await queue.neverRun(db))) return;
  if ((await boss.getQueueSize(queue.name, { before: "completed" })) > 0) return;
  const jobId = await boss.send(queue.name, {}, { singletonKey: "first-run", singletonSeconds: STARTUP_SINGLETON_SECONDS, startAfter: queue.firstRunDelaySeconds ?? 0 });
  if (jobId) log(`job ${queue.name} has never run: sent its first run (${jobId})`, "info");
}

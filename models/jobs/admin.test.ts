// The admin jobs functions against a real database and pg-boss, with a catalogue of its own
// (models/ does not know jobs/): health counts and last run, "run now" refusals, job state.
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "../db/client.ts";
import type { JobStatus, QueueCatalogueEntry } from "./admin.ts";
import { getJobState, JOBS_SCHEMA, listQueueHealth, runJobNow } from "./admin.ts";
import { until } from "../../test/until.ts";

const catalogue: QueueCatalogueEntry[] = [
  { name: "test-ready", description: "Has a handler", handler: { payload: z.strictObject({ fail: z.boolean().optional() }) } },
  { name: "test-pending", description: "Capability not landed", handler: undefined },
];

const boss = new PgBoss({ connectionString: process.env.DATABASE_URL ?? "", schema: JOBS_SCHEMA, schedule: false, supervise: false });
const bossErrors: string[] = [];
boss.on("error", (error: Error) => void bossErrors.push(error.message));


async function finished(queue: string, jobId: string, states: JobStatus["state"][]): Promise<JobStatus> {
  return until(async () => {
    const status = await getJobState(boss, queue, jobId);
    return status && states.includes(status.state) ? status : undefined;
  });
}

afterAll(async () => {
  await boss.stop({ graceful: true, timeout: 5_000 });
  expect(bossErrors).toEqual([]);
});

describe("listQueueHealth before pg-boss is installed", () => {
  it("lists every catalogue queue with zero counts and no last run", async () => {
    expect(await listQueueHealth(db, catalogue)).toEqual([
      { queue: "test-ready", description: "Has a handler", scheduled: null, hasHandler: true, created: 0, active: 0, completed: 0, failed: 0, lastRun: null },
      { queue: "test-pending", description: "Capability not landed", scheduled: null, hasHandler: false, created: 0, active: 0, completed: 0, failed: 0, lastRun: null },
    ]);
  });
});

describe("jobs admin", () => {
  beforeAll(async () => {
    await boss.start();
    await boss.createQueue("test-ready", { name: "test-ready", retryLimit: 2, retryDelay: 60, retryBackoff: true });
    await boss.createQueue("test-pending", { name: "test-pending" });
    await boss.schedule("test-ready", "0 3 * * *", undefined, { tz: "UTC" });
    await boss.work<{ fail?: boolean }>("test-ready", { pollingIntervalSeconds: 0.5 }, async ([job]) => {
      if (job.data.fail) throw new Error("the test asked this job to fail");
      return { done: true };
    });
  });

  it("runs a job now and reports its output", async () => {
    const result = await runJobNow(boss, catalogue, "test-ready");
    if (!result.ok) throw new Error(result.message);
    expect(await finished("test-ready", result.jobId, ["completed", "failed"])).toEqual({ state: "completed", output: { done: true } });
  }, 90_000);

  it("reports a failed job with its error, waiting for a retry", async () => {
    const result = await runJobNow(boss, catalogue, "test-ready", { fail: true });
    if (!result.ok) throw new Error(result.message);
    expect(await finished("test-ready", result.jobId, ["retry", "failed"])).toEqual({
      state: "retry",
      error: "the test asked this job to fail",
    });
  }, 90_000);

  it("counts the queue's jobs and shows its last run and schedule", async () => {
    const [ready, pending] = await listQueueHealth(db, catalogue);
    expect(ready).toMatchObject({ queue: "test-ready", scheduled: "0 3 * * *", hasHandler: true, created: 1, active: 0, completed: 1, failed: 0 });
    expect(ready.lastRun?.status).toBe("retry");
    expect(ready.lastRun?.at).toBeInstanceOf(Date);
    expect(pending).toMatchObject({ queue: "test-pending", scheduled: null, hasHandler: false, created: 0, lastRun: null });
  });

  it("counts archived jobs too, within the health window", async () => {
    const columns = "id, name, priority, data, state, retry_limit, retry_count, retry_delay, retry_backoff, start_after, started_on, singleton_key, singleton_on, expire_in, created_on, completed_on, keep_until, dead_letter, policy, output";
    // What pg-boss's maintenance does to finished jobs after 12 hours…
    await db.$executeRawUnsafe(`
      WITH moved AS (DELETE FROM ${JOBS_SCHEMA}.job WHERE name = 'test-ready' AND state = 'completed' RETURNING *)
      INSERT INTO ${JOBS_SCHEMA}.archive (${columns}) SELECT ${columns} FROM moved`);
    // …plus an old completed run (outside the window) and a newer failed one that took 30 s.
    await db.$executeRawUnsafe(`
      INSERT INTO ${JOBS_SCHEMA}.archive (${columns})
      SELECT gen_random_uuid(), name, priority, data, state, retry_limit, retry_count, retry_delay, retry_backoff,
        start_after, now() - interval '30 days', singleton_key, singleton_on, expire_in, created_on,
        now() - interval '30 days', keep_until, dead_letter, policy, output
      FROM ${JOBS_SCHEMA}.archive WHERE name = 'test-ready'
      UNION ALL
      SELECT gen_random_uuid(), name, priority, data, 'failed', retry_limit, retry_count, retry_delay, retry_backoff,
        start_after, now() + interval '1 minute', singleton_key, singleton_on, expire_in, created_on,
        now() + interval '90 seconds', keep_until, dead_letter, policy, output
      FROM ${JOBS_SCHEMA}.archive WHERE name = 'test-ready'`);
    const [ready] = await listQueueHealth(db, catalogue);
    expect(ready).toMatchObject({ created: 1, completed: 1, failed: 1, lastRun: { status: "failed", durationMs: 30_000 } });
  });

  it("refuses an unknown queue, a queue without a handler, and invalid data, sending nothing", async () => {
    expect(await runJobNow(boss, catalogue, "mine-bitcoin")).toMatchObject({ ok: false, reason: "unknown-queue" });
    expect(await runJobNow(boss, catalogue, "test-pending")).toMatchObject({ ok: false, reason: "no-handler" });
    expect(await runJobNow(boss, catalogue, "test-ready", { fail: "yes" })).toMatchObject({
      ok: false,
      reason: "invalid-data",
      message: expect.stringContaining("fail"),
    });
    expect(await boss.getQueueSize("test-pending")).toBe(0);
  });

  it("answers null for a job that does not exist", async () => {
    expect(await getJobState(boss, "test-ready", "6f1c1e7e-0000-4000-8000-000000000000")).toBeNull();
    expect(await getJobState(boss, "test-ready", "not-a-uuid")).toBeNull();
    expect(await getJobState(boss, "mine-bitcoin", "6f1c1e7e-0000-4000-8000-000000000000")).toBeNull();
  });
});

// A real pg-boss worker for tests of queued jobs: started before the file's tests and set as the
// app's job queue, so code that queues work in a transaction reaches it; stopped afterwards.
import { afterAll, beforeAll } from "vitest";
import { db } from "../models/db/client.ts";
import { setJobQueue } from "../models/services.ts";
import { startJobs, type Jobs } from "../jobs/worker.ts";

export function withJobWorker(): void {
  let worker: Jobs | undefined;
  beforeAll(async () => {
    worker = await startJobs({ connectionString: process.env.DATABASE_URL ?? "", work: true, schedule: false, log: () => {}, pollingIntervalSeconds: 0.5 });
    setJobQueue(worker.boss);
  });
  afterAll(async () => {
    setJobQueue(undefined);
    await worker?.stop();
  });
}

/** The payloads queued on `queue`, oldest first. */
export async function queuedJobs(queue: string): Promise<{ data: unknown }[]> {
  return db.$queryRaw<{ data: unknown }[]>`SELECT data FROM pgboss.job WHERE name = ${queue} ORDER BY created_on`;
}

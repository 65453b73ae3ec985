// startJobs against a real database: queues and dead-letter queues created, only queues with a
// handler scheduled, the never-run partner-features job sent once at start-up and worked, and
// the deal-expiry and notification jobs run on demand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../models/db/client.ts";
import type { JobStatus } from "../models/jobs/admin.ts";
import { getJobState, listQueueHealth, runJobNow } from "../models/jobs/admin.ts";
import type { JobsLog, JobsLogLevel } from "./handler.ts";
import { queues } from "./queues.ts";
import type { Jobs } from "./worker.ts";
import { startJobs } from "./worker.ts";
import { until } from "../test/until.ts";

const lines: { message: string; level: JobsLogLevel }[] = [];
const log: JobsLog = (message, level = "info") => void lines.push({ message, level });


const connectionString = () => process.env.DATABASE_URL ?? "";
let worker: Jobs;
let scheduler: Jobs;

/** "Run now" as the admin API does, then wait until the job has finished. */
async function runToEnd(queue: string, data?: unknown): Promise<JobStatus> {
  const result = await runJobNow(worker.boss, queues, queue, data);
  if (!result.ok) throw new Error(result.message);
  return until(async () => {
    const status = await getJobState(worker.boss, queue, result.jobId);
    return status && ["completed", "failed"].includes(status.state) ? status : undefined;
  });
}

beforeAll(async () => {
  // However the database was seeded: at least one partner, and features never computed.
  await db.region.create({ data: { code: "ZZ_WORKER", name: "Worker test region" } });
  await db.partnerOrg.create({ data: { name: "Worker Test Partner", regionCode: "ZZ_WORKER", country: "NL" } });
  await db.partnerFeatures.deleteMany();
  // Two processes starting together: one works and schedules, the other only schedules.
  [worker, scheduler] = await Promise.all([
    startJobs({ connectionString: connectionString(), work: true, schedule: true, log, pollingIntervalSeconds: 0.5 }),
    startJobs({ connectionString: connectionString(), work: false, schedule: true, log }),
  ]);
});

afterAll(async () => {
  await Promise.all([worker?.stop(), scheduler?.stop()]);
});

describe("startJobs", () => {
  it("creates every queue with its dead-letter queue and policy", async () => {
    const created = await worker.boss.getQueues();
    for (const queue of queues) {
      const found = created.find((q) => q.name === queue.name);
      expect(found, queue.name).toMatchObject({
        retryLimit: queue.policy.retryLimit,
        retryDelay: queue.policy.retryDelay,
        retryBackoff: true,
        expireInSeconds: queue.policy.expireInSeconds,
        deadLetter: `${queue.name}__dead`,
      });
      expect(created.some((q) => q.name === `${queue.name}__dead`), `${queue.name}__dead`).toBe(true);
    }
  });

  it("schedules only the queues that have a handler, in UTC", async () => {
    const schedules = await worker.boss.getSchedules();
    const byName = (name: string) => schedules.find((s) => s.name === name);
    expect(schedules.map((s) => s.name).sort()).toEqual(["alert-digest", "compute-incentives", "expire-deals", "forecast-regions", "partner-features", "score-deals", "scrape-source", "segment-partners", "send-notifications"]);
    expect(byName("compute-incentives")).toMatchObject({ cron: "40 2 * * *", timezone: "UTC" });
    expect(byName("partner-features")).toMatchObject({ cron: "15 2 * * *", timezone: "UTC" });
    expect(byName("expire-deals")).toMatchObject({ cron: "5 * * * *", timezone: "UTC" });
    expect(byName("send-notifications")).toMatchObject({ cron: "* * * * *", timezone: "UTC" });
    expect(byName("segment-partners")).toMatchObject({ cron: "45 2 * * *", timezone: "UTC" });
    expect(byName("score-deals")).toMatchObject({ cron: "0 4 * * *", timezone: "UTC" });
    expect(byName("forecast-regions")).toMatchObject({ cron: "30 3 * * *", timezone: "UTC" });
    expect(byName("scrape-source")).toMatchObject({ cron: "*/10 * * * *", timezone: "UTC" });
    expect(byName("alert-digest")).toMatchObject({ cron: "0 * * * *", timezone: "UTC" });
  });

  it("sends the demo sources' first scrape once, 30 s later, when the web server is up", async () => {
    const sent = await db.$queryRaw<{ delay: number }[]>`
      SELECT extract(epoch FROM start_after - created_on)::float8 AS delay FROM pgboss.job
      WHERE name = 'scrape-source' AND singleton_key = 'first-run'`;
    expect(sent).toHaveLength(1);
    expect(sent[0].delay).toBeGreaterThanOrEqual(29);
  });

  it("sends the never-run partner-features job once, and works it", async () => {
    const sent = await db.$queryRaw<{ count: number }[]>`
      SELECT COUNT(*)::int AS count FROM pgboss.job WHERE name = 'partner-features' AND singleton_key = 'first-run'`;
    expect(sent[0].count).toBe(1);

    const output = await until(async () => {
      const [job] = await db.$queryRaw<{ state: string; output: unknown }[]>`
        SELECT state::text AS state, output FROM pgboss.job
        WHERE name = 'partner-features' AND singleton_key = 'first-run'`;
      expect(job?.state).not.toBe("failed");
      return job?.state === "completed" ? job.output : undefined;
    });
    const partners = await db.partnerOrg.count();
    expect(output).toMatchObject({ partners });
    expect(await db.partnerFeatures.count()).toBe(partners);
  }, 90_000);

  it("does not send the first run again once features exist", async () => {
    const again = await startJobs({ connectionString: connectionString(), work: false, schedule: true, log });
    await again.stop();
    const [{ count }] = await db.$queryRaw<{ count: number }[]>`
      SELECT COUNT(*)::int AS count FROM pgboss.job WHERE name = 'partner-features' AND singleton_key = 'first-run'`;
    expect(count).toBe(1);
  });

  it("runs partner-features on demand, for every partner org", async () => {
    const status = await runToEnd("partner-features");
    const partners = await db.partnerOrg.count();
    const today = new Date().toISOString().slice(0, 10);
    expect(status).toEqual({ state: "completed", output: { partners, asOf: today } });
    expect(await db.partnerFeatures.count({ where: { asOf: new Date(`${today}T00:00:00Z`) } })).toBe(partners);
  }, 90_000);

  it("leaves the same data when the same job runs again", async () => {
    const snapshot = () =>
      db.partnerFeatures.findMany({
        where: { asOf: new Date("2025-01-01T00:00:00Z") },
        orderBy: { partnerOrgId: "asc" },
        omit: { computedAt: true },
      });
    const first = await runToEnd("partner-features", { asOf: "2025-01-01" });
    expect(first).toMatchObject({ state: "completed", output: { asOf: "2025-01-01" } });
    const before = await snapshot();
    expect(before.length).toBe(await db.partnerOrg.count());
    expect(await runToEnd("partner-features", { asOf: "2025-01-01" })).toEqual(first);
    expect(await snapshot()).toEqual(before);
  }, 120_000);

  it("runs expire-deals and send-notifications on demand", async () => {
    expect(await runToEnd("expire-deals")).toMatchObject({ state: "completed", output: { lapsed: expect.any(Number), warned: { "14": expect.any(Number), "3": expect.any(Number) } } });
    // Without SMTP_URL the mails stay in the outbox.
    expect(await runToEnd("send-notifications")).toMatchObject({ state: "completed", output: { smtpConfigured: false, sent: 0 } });
  }, 90_000);

  it("runs compute-incentives on demand: nothing to append on the freshly seeded ledger", async () => {
    expect(await runToEnd("compute-incentives")).toEqual({ state: "completed", output: { appended: 0, total: 0 } });
    const partner = await db.partnerOrg.findFirstOrThrow({ select: { id: true } });
    expect(await runToEnd("compute-incentives", { partnerOrgIds: [partner.id] })).toEqual({ state: "completed", output: { appended: 0, total: 0 } });
    expect(await runJobNow(worker.boss, queues, "compute-incentives", { partnerOrgIds: ["not-a-uuid"] })).toMatchObject({ ok: false, reason: "invalid-data" });
  }, 90_000);

  it("shows the completed runs in the queue health", async () => {
    const health = await listQueueHealth(db, queues);
    expect(health.map((h) => h.queue)).toEqual(queues.map((q) => q.name));
    const features = health.find((h) => h.queue === "partner-features");
    expect(features).toMatchObject({
      scheduled: "15 2 * * *",
      hasHandler: true,
      failed: 0,
      lastRun: { status: "completed" },
    });
    // the first run, one on demand, two reruns (and the nightly one, should 02:15 UTC pass by)
    expect(features?.completed).toBeGreaterThanOrEqual(4);
    expect(features?.lastRun?.durationMs).toBeGreaterThanOrEqual(0);
    // Every capability has landed: each queue has a handler the admin page reports.
    expect(health.filter((q) => !q.hasHandler).map((q) => q.queue)).toEqual([]);
  });

  it("refuses to run an unknown queue or one without a handler", async () => {
    expect(await runJobNow(worker.boss, queues, "mine-bitcoin")).toMatchObject({ ok: false, reason: "unknown-queue" });
    // A queue whose capability has not landed (no handler) is refused rather than left to pile up.
    const withoutRouting = queues.map((q) => (q.name === "route-alerts" ? { ...q, handler: undefined } : q));
    expect(await runJobNow(worker.boss, withoutRouting, "route-alerts")).toMatchObject({ ok: false, reason: "no-handler" });
    expect(await worker.boss.getQueueSize("route-alerts")).toBe(0);
  });

  it("logs no errors", () => {
    expect(lines.filter((l) => l.level === "error")).toEqual([]);
    expect(lines.some((l) => l.message.startsWith("job partner-features") && l.message.includes("completed"))).toBe(true);
  });

  it("stops gracefully", async () => {
    const extra = await startJobs({ connectionString: connectionString(), work: true, schedule: false, log, pollingIntervalSeconds: 0.5 });
    await expect(extra.stop()).resolves.toBeUndefined();
  });
});

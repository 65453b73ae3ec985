// `score-deals` against a real pg-boss worker: registering a deal queues its scoring in the same
// transaction (none when it rolls back) and the worker, finding no model, trains one and writes
// the deal's probability and reasons; the nightly run (no data) retrains and rescores every open deal.
import { beforeAll, describe, expect, it } from "vitest";
import { demoUser } from "../test/routes.ts";
import { queuedJobs, withJobWorker } from "../test/job-worker.ts";
import { until } from "../test/until.ts";
import type { SessionUser } from "../models/auth/users.ts";
import { db } from "../models/db/client.ts";
import { registerDeal } from "../models/deals/registration.ts";
import { requestDealScoring, SCORE_DEALS_QUEUE, scoreOnDealEvent } from "../models/deals/win-model/request.ts";
import { findQueue } from "./queues.ts";
import { scoreDealsHandler } from "./score-deals.ts";

let partner: SessionUser;

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  partner = await demoUser("partner@example.com");
});
withJobWorker();

describe("score-deals", () => {
  it("is a worked queue that runs at start-up until a model exists", async () => {
    const queue = findQueue(SCORE_DEALS_QUEUE);
    expect(queue?.handler).toBe(scoreDealsHandler);
    expect(await queue?.neverRun?.(db)).toBe(true);
  });

  it("refuses a payload that is not deal ids or retrain", () => {
    expect(scoreDealsHandler.payload.safeParse({ dealIds: ["not-a-uuid"] }).success).toBe(false);
    expect(scoreDealsHandler.payload.safeParse({ everything: true }).success).toBe(false);
    expect(scoreDealsHandler.payload.safeParse({ retrain: true }).success).toBe(true);
  });

  it("queues nothing when the transaction that asked rolls back", async () => {
    const before = (await queuedJobs(SCORE_DEALS_QUEUE)).length;
    await expect(
      db.$transaction(async (tx) => {
        expect(await requestDealScoring(tx, ["6f1c1e7e-0000-4000-8000-000000000000"])).toBe(true);
        throw new Error("rolled back on purpose");
      }),
    ).rejects.toThrow("rolled back on purpose");
    expect((await queuedJobs(SCORE_DEALS_QUEUE)).length).toBe(before);
  });

  it("queues a registered deal's scoring with it, and the worker trains a model and scores the deal", async () => {
    const skus = (await db.product.findMany({ where: { active: true }, select: { sku: true }, orderBy: { sku: "asc" }, take: 2 })).map((p) => p.sku);
    const result = await registerDeal(db, partner, {
      customer: { name: "Scorewerk Feinmechanik", country: "DE", industry: "manufacturing" },
      title: "Scorewerk ERP rollout",
      value: { amount: 9_000_000, currency: "EUR" },
      productSkus: skus,
      expectedCloseDate: inAMonth(),
    }, { onEvent: scoreOnDealEvent });
    const jobs = await queuedJobs(SCORE_DEALS_QUEUE);
    expect(jobs.at(-1)?.data).toEqual({ dealIds: [result.dealId] });

    const scored = await until(async () => {
      const deal = await db.deal.findUniqueOrThrow({ where: { id: result.dealId }, select: { winProbability: true, winReasons: true } });
      return deal.winProbability === null ? undefined : deal;
    }, 90_000);
    expect(scored.winProbability).toBeGreaterThan(0);
    expect(scored.winProbability).toBeLessThan(1);
    expect((scored.winReasons as { text: string }[]).map((r) => r.text).length).toBeGreaterThanOrEqual(1);
    expect(await db.dealScoreModel.count({ where: { status: "SUCCEEDED" } })).toBe(1);
    expect(await findQueue(SCORE_DEALS_QUEUE)?.neverRun?.(db)).toBe(false);
  }, 120_000);

  it("retrains and rescores every open deal on the nightly run", async () => {
    const log: string[] = [];
    const output = await scoreDealsHandler.run(null, { db, log: (m) => void log.push(m), jobId: "test" });
    const open = await db.deal.count({ where: { status: { in: ["SUBMITTED", "APPROVED"] } } });
    expect(output).toMatchObject({ scored: open, trained: { auc: expect.any(Number), brier: expect.any(Number) } });
    expect(await db.dealScoreModel.count({ where: { status: "SUCCEEDED" } })).toBe(2);
    expect(log).toEqual([]);
  }, 120_000);
});

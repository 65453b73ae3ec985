// Event-driven recompute against a real pg-boss worker: closing a deal as won queues its
// partner's `compute-incentives` job in the same transaction and the worker accrues the
// commission; a rolled-back change queues nothing; a deal lost from APPROVED queues nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { demoUser } from "../../test/routes.ts";
import { queuedJobs, withJobWorker } from "../../test/job-worker.ts";
import { until } from "../../test/until.ts";
import type { SessionUser } from "../auth/users.ts";
import { db } from "../db/client.ts";
import { closeDeal } from "../deals/review.ts";
import { COMPUTE_INCENTIVES_QUEUE, changesEarnings, recomputeOnDealEvent, requestIncentiveRecompute } from "./recompute.ts";

let partner: SessionUser;

/** An APPROVED deal of the demo partner, in euros (the seeded commission's currency). */
async function approvedDeal(skip = 0): Promise<{ id: string; amount: bigint }> {
  return db.deal.findFirstOrThrow({
    where: { partnerOrgId: partner.partnerOrgId ?? "", status: "APPROVED", currency: "EUR" },
    select: { id: true, amount: true },
    orderBy: { id: "asc" },
    skip,
  });
}

beforeAll(async () => {
  partner = await demoUser("partner@example.com");
});
withJobWorker();

describe("recompute on deal events", () => {
  it("counts only events into or out of WON", () => {
    expect(changesEarnings({ from: "APPROVED", to: "WON" })).toBe(true);
    expect(changesEarnings({ from: "WON", to: "LOST" })).toBe(true);
    expect(changesEarnings({ from: "APPROVED", to: "LOST" })).toBe(false);
    expect(changesEarnings({ from: "SUBMITTED", to: "APPROVED" })).toBe(false);
  });

  it("queues nothing when the transaction that asked rolls back", async () => {
    const before = (await queuedJobs(COMPUTE_INCENTIVES_QUEUE)).length;
    await expect(
      db.$transaction(async (tx) => {
        expect(await requestIncentiveRecompute(tx, [partner.partnerOrgId ?? ""])).toBe(true);
        throw new Error("rolled back on purpose");
      }),
    ).rejects.toThrow("rolled back on purpose");
    expect((await queuedJobs(COMPUTE_INCENTIVES_QUEUE)).length).toBe(before);
  });

  it("queues nothing for a deal lost from APPROVED", async () => {
    const before = (await queuedJobs(COMPUTE_INCENTIVES_QUEUE)).length;
    const deal = await approvedDeal();
    await closeDeal(db, partner, deal.id, { outcome: "LOST" }, { onEvent: recomputeOnDealEvent });
    expect((await queuedJobs(COMPUTE_INCENTIVES_QUEUE)).length).toBe(before);
  });

  it("accrues a won deal's commission through the worker, once", async () => {
    const deal = await approvedDeal();
    await closeDeal(db, partner, deal.id, { outcome: "WON" }, { onEvent: recomputeOnDealEvent });
    const jobs = await queuedJobs(COMPUTE_INCENTIVES_QUEUE);
    expect(jobs.at(-1)?.data).toEqual({ partnerOrgIds: [partner.partnerOrgId] });

    const entries = await until(async () => {
      const rows = await db.incentiveLedgerEntry.findMany({ where: { dealId: deal.id, program: { kind: "COMMISSION" } }, select: { kind: true, amount: true, explanation: true } });
      return rows.length > 0 ? rows : undefined;
    });
    expect(entries).toHaveLength(1);
    expect(entries[0].kind).toBe("ACCRUAL");
    expect(entries[0].amount).toBeGreaterThan(0n);
    expect(entries[0].explanation).toMatch(/%/);
  }, 90_000);
});

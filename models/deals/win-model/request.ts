// Asks the worker to score a newly submitted deal: the `score-deals` job is queued in the
// registration's transaction, so it exists exactly when the deal does.
import type { DealEventHook, Tx } from "../deal-record.ts";
import { enqueueJob } from "../../jobs/enqueue.ts";

export const SCORE_DEALS_QUEUE = "score-deals";

/** Queues scoring of these deals (inside `tx` when given); false when this process runs no job system. */
export async function requestDealScoring(tx: Tx | null, dealIds: readonly string[]): Promise<boolean> {
  return enqueueJob(tx, SCORE_DEALS_QUEUE, { dealIds: [...new Set(dealIds)].sort() });
}

/** The deal operations' hook: a registration queues the new deal's score with it. */
export const scoreOnDealEvent: DealEventHook = async (tx, event) => {
  if (event.action === "SUBMITTED") await requestDealScoring(tx, [event.dealId]);
};

// Asks the worker to bring the incentive ledger up to date after something that changes what
// partners earned: a deal won (or a won deal corrected), a programme activated or archived, a
// manual change. The job is inserted in the caller's transaction, so it exists exactly when the
// change committed; the worker's `compute-incentives` run is idempotent, so extra requests cost
// a recompute, never a double payment. The nightly full run catches up on anything missed.
import type { Prisma } from "../db/generated/client.ts";
import type { DealEventHook, DealEventRecord } from "../deals/deal-record.ts";
import { enqueueJob } from "../jobs/enqueue.ts";

export const COMPUTE_INCENTIVES_QUEUE = "compute-incentives";

type Tx = Prisma.TransactionClient;

/**
 * Queues a recompute for these partners (all partners when absent), inside `tx` when given.
 * False when this process runs no job system (a script, a test without jobs): nothing is queued
 * and the nightly run will pick the change up.
 */
export async function requestIncentiveRecompute(tx: Tx | null, partnerOrgIds?: readonly string[]): Promise<boolean> {
  const data = partnerOrgIds === undefined ? {} : { partnerOrgIds: [...new Set(partnerOrgIds)].sort() };
  return enqueueJob(tx, COMPUTE_INCENTIVES_QUEUE, data);
}

/** Deal events that change what a partner earned: a deal becoming WON, or leaving WON. */
export function changesEarnings(event: Pick<DealEventRecord, "from" | "to">): boolean {
  return event.to === "WON" || event.from === "WON";
}

/** The deal operations' hook: a won (or un-won) deal queues its partner's recompute with the change. */
export const recomputeOnDealEvent: DealEventHook = async (tx, event) => {
  if (changesEarnings(event)) await requestIncentiveRecompute(tx, [event.partnerOrgId]);
};

// Asks the worker to bring the incentive ledger up to date after something that changes what
// partners earned: a deal won (or a won deal corrected), a programme activated or archived, a
// manual change. The job is inserted in the caller's transaction, so it exists exactly when the
// change committed; the worker's `compute-incentives` run is idempotent, so extra requests cost
// a recompute, never a double payment. The nightly full run catches up on anything missed.
import type { Prisma } from "../db/generated/client.ts";
import type { DealEventHook, DealEventRecord } from "../deals/deal-record.ts";
import { getJobQueue } from "../services.ts";

export const COMPUTE_INCENTIVES_QUEUE = "compute-incentives";

type Tx = Prisma.TransactionClient;

/** pg-boss's `db` option, running its INSERT on the caller's Prisma transaction. */
function onTransaction(tx: Tx) {
  return {
    async executeSql(text: string, values: unknown[]) {
      // pg serializes objects as JSON itself; Prisma's driver adapter needs the text.
      const params = values.map((value) => (value !== null && typeof value === "object" && !(value instanceof Date) ? JSON.stringify(value) : value));
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...params);
      return { rows };
    },
  };
}

/**
 * Queues a recompute for these partners (all partners when absent), inside `tx` when given.
 * False when this process runs no job system (a script, a test without jobs): nothing is queued
 * and the nightly run will pick the change up.
 */
export async function requestIncentiveRecompute(tx: Tx | null, partnerOrgIds?: readonly string[]): Promise<boolean> {
  const boss = getJobQueue();
  if (boss === null) return false;
  const data = partnerOrgIds === undefined ? {} : { partnerOrgIds: [...new Set(partnerOrgIds)].sort() };
  const id = await boss.send(COMPUTE_INCENTIVES_QUEUE, data, tx === null ? {} : { db: onTransaction(tx) });
  return id !== null;
}

/** Deal events that change what a partner earned: a deal becoming WON, or leaving WON. */
export function changesEarnings(event: Pick<DealEventRecord, "from" | "to">): boolean {
  return event.to === "WON" || event.from === "WON";
}

/** The deal operations' hook: a won (or un-won) deal queues its partner's recompute with the change. */
export const recomputeOnDealEvent: DealEventHook = async (tx, event) => {
  if (changesEarnings(event)) await requestIncentiveRecompute(tx, [event.partnerOrgId]);
};

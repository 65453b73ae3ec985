// Sends a background job inside the caller's Prisma transaction (pg-boss's `db` option), so the
// job exists exactly when the change that asked for it commits. Outside a job system (a script,
// a test without a worker) nothing is sent and the queue's nightly run catches up.
import type { Prisma } from "../db/generated/client.ts";
import { getJobQueue } from "../services.ts";

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

/** Queues `data` on `queue`, inside `tx` when given. False when this process runs no job system. */
export async function enqueueJob(tx: Tx | null, queue: string, data: object): Promise<boolean> {
  const boss = getJobQueue();
  if (boss === null) return false;
  const id = await boss.send(queue, data, tx === null ? {} : { db: onTransaction(tx) });
  return id !== null;
}

// The ledger table as accrueIncentives reads and appends it: only the key and amount of every
// engine entry (a million rows must stay cheap), whole entries only for the few a reversal
// quotes, and appends in set-based chunks. Every call runs on the caller's transaction.
import { performance } from "node:perf_hooks";
import type { Prisma } from "../db/generated/client.ts";
import { toSafeNumber } from "../money.ts";
import { isEngineKey } from "./ledger.ts";
import type { AccrualDraft, ExplanationData, LedgerEntryInput } from "./types.ts";

type Tx = Prisma.TransactionClient;

/** An engine entry as reconciling needs it: its id (to read it whole later), key and amount. */
export type LedgerKeyAmount = { id: string; idempotencyKey: string; amount: number };

/** Rows per INSERT: one JSON parameter of ~40 MB, a few seconds of PostgreSQL's work — about as long as the engine takes over a large programme, so the two overlap. */
const APPEND_CHUNK = 50_000;
/**
 * Fewer queued rows than this wait for more (or for `finish`) instead of going at once: a scoped
 * run's few entries of several programmes then make one INSERT, not one round trip per programme.
 */
const EARLY_CHUNK = 5_000;
/**
 * How long after handing an INSERT to the driver the appender keeps the event loop free. Its
 * ~40 MB parameter leaves Node's socket only while the loop turns; the engine's next stretch of
 * synchronous work would otherwise hold most of it back, and PostgreSQL would wait for it.
 */
const FLUSH_MS = 100;

/** The engine's accruals and clawbacks of these programmes (and partners), in id order. */
export async function readEngineLedger(db: Tx, programIds: readonly string[], partnerOrgIds: readonly string[] | undefined): Promise<LedgerKeyAmount[]> {
  const rows = await db.$queryRaw<{ id: string; idempotencyKey: string; amount: bigint }[]>`
    SELECT e.id::text, e.idempotency_key AS "idempotencyKey", e.amount
    FROM incentive_ledger_entry e
    WHERE e.program_id = ANY(${[...programIds]}::uuid[]) AND e.kind IN ('ACCRUAL', 'CLAWBACK')
      AND (${partnerOrgIds === undefined} OR e.partner_org_id = ANY(${partnerOrgIds === undefined ? [] : [...partnerOrgIds]}::uuid[]))
    ORDER BY e.id`;
  return rows.flatMap((row) => (isEngineKey(row.idempotencyKey) ? [{ id: row.id, idempotencyKey: row.idempotencyKey, amount: toSafeNumber(row.amount) }] : []));
}

/**
 * Takes, in one pass in the table's physical order, the row lock the ledger's foreign key to
 * `deal` takes per appended entry (FOR KEY SHARE: deals stay editable, only deleting one waits),
 * on the won deals of these partners (all when absent). A large append references its deals in
 * engine order, which is random order on disk: each foreign-key check locking its deal there
 * dirties a random page, which past the server's buffer cache costs much of the INSERT's time at
 * 10⁶ deals. With the locks already held, each check finds its deal locked and writes nothing.
 */
export async function lockWonDeals(db: Tx, asOf: Date, partnerOrgIds: readonly string[] | undefined): Promise<void> {
  await db.$queryRaw`
    SELECT count(*)::int AS locked FROM (
      SELECT 1 FROM deal d
      WHERE d.status = 'WON' AND d.closed_amount IS NOT NULL AND d.closed_at <= ${asOf}::timestamptz
        AND (${partnerOrgIds === undefined} OR d.partner_org_id = ANY(${partnerOrgIds === undefined ? [] : [...partnerOrgIds]}::uuid[]))
      FOR KEY SHARE OF d) won`;
}

/** Whole entries by id (those a reversal quotes). */
export async function readFirstEntries(db: Tx, ids: readonly string[]): Promise<Map<string, LedgerEntryInput & { programId: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<(Omit<LedgerEntryInput, "amount" | "explanationData" | "programId"> & { id: string; amount: bigint; programId: string; explanationData: unknown })[]>`
    SELECT e.id::text, e.idempotency_key AS "idempotencyKey", e.partner_org_id::text AS "partnerOrgId", e.program_id::text AS "programId",
           e.kind::text AS kind, e.amount, rtrim(e.currency) AS currency, e.deal_id::text AS "dealId", e.activity_id::text AS "activityId",
           e.occurred_at AS "occurredAt", e.explanation, e.explanation_data AS "explanationData"
    FROM incentive_ledger_entry e
    WHERE e.id = ANY(${ids.map((id) => BigInt(id))}::bigint[])`;
  return new Map(
    rows.map(({ id, amount, explanationData, ...row }) => [
      id,
      // Written by the engine (or the seed through it): the shape `reconcile` reads back.
      { ...row, amount: toSafeNumber(amount), explanationData: explanationData as ExplanationData },
    ]),
  );
}

export type LedgerAppender = {
  /** Queues entries to insert after those queued before; returns once the next INSERT (if due) has reached PostgreSQL. */
  append(entries: readonly AccrualDraft[]): Promise<void>;
  /** Inserts whatever is queued and waits for it all; resolves to how many rows were inserted (or rejects with the first error). */
  finish(): Promise<number>;
};

/** One INSERT's rows, serialized as the JSON parameter json_to_recordset reads. */
type Chunk = { json: string; rows: number; serializeMs: number };

/**
 * Appends entries in the order queued, up to `APPEND_CHUNK` rows per INSERT, one INSERT in flight
 * on the transaction's connection at a time, while the caller computes what to append next. The
 * next chunk is serialized while PostgreSQL runs the current one, so it goes out the moment the
 * connection is free; a small run's entries wait for `finish` and go in one INSERT.
 */
export function ledgerAppender(db: Tx, options: { beforeLargeInsert?: () => Promise<void> } = {}): LedgerAppender {
  const queue: AccrualDraft[] = [];
  let ready: Chunk | null = null;
  let inserted = 0;
  let finishing = false;
  let sentAt = -Infinity;
  let draining: Promise<void> | null = null;
  const due = () => ready !== null || queue.length >= (finishing ? 1 : EARLY_CHUNK);
  const take = (): Chunk => {
    const chunk = ready ?? serializeChunk(queue.splice(0, APPEND_CHUNK));
    ready = null;
    return chunk;
  };
  // While an INSERT runs, the next full chunk is made ready (once the running one has been sent).
  const prepare = () => {
    if (draining !== null && ready === null && queue.length >= APPEND_CHUNK && performance.now() - sentAt >= FLUSH_MS) ready = serializeChunk(queue.splice(0, APPEND_CHUNK));
  };
  let largeInsertPrepared = false;
  const drain = async () => {
    while (due()) {
      const chunk = take();
      if (!largeInsertPrepared && chunk.rows >= EARLY_CHUNK && options.beforeLargeInsert !== undefined) {
        largeInsertPrepared = true;
        await options.beforeLargeInsert();
      }
      const sending = insertChunk(db, chunk);
      // Awaited just below; a failure meanwhile must not count as unhandled.
      sending.catch(() => {});
      sentAt = performance.now();
      // Serializing the next chunk would hold this one's parameter back: let it go out first.
      if (queue.length >= APPEND_CHUNK) {
        await settle(sentAt);
        prepare();
      }
      inserted += await sending;
    }
  };
  const startDraining = () => {
    if (draining !== null || !due()) return;
    draining = drain().finally(() => (draining = null));
    // Awaited in finish(); a failure meanwhile must not count as unhandled.
    draining.catch(() => {});
  };
  return {
    async append(entries) {
      for (const entry of entries) queue.push(entry);
      startDraining();
      await settle(sentAt);
      prepare();
    },
    async finish() {
      finishing = true;
      try {
        for (;;) {
          startDraining();
          if (draining === null) return inserted;
          await draining;
        }
      } finally {
        finishing = false;
      }
    },
  };
}

/** Turns the event loop at least once, and until `FLUSH_MS` after `sentAt`, so an INSERT's parameter reaches the server. */
async function settle(sentAt: number): Promise<void> {
  do await new Promise((resolve) => setImmediate(resolve));
  while (performance.now() - sentAt < FLUSH_MS);
}

function serializeChunk(entries: readonly AccrualDraft[]): Chunk {
  const started = performance.now();
  return { json: JSON.stringify(entries.map(toRow)), rows: entries.length, serializeMs: performance.now() - started };
}

function toRow(entry: AccrualDraft) {
  return {
    partner_org_id: entry.partnerOrgId,
    program_id: entry.programId,
    kind: entry.kind,
    amount: entry.amount,
    currency: entry.currency,
    deal_id: entry.dealId,
    activity_id: entry.activityId,
    explanation: entry.explanation,
    explanation_data: entry.explanationData,
    idempotency_key: entry.idempotencyKey,
    occurred_at: entry.occurredAt.toISOString(),
  };
}

/**
 * Inserts one chunk in order; a key already present (a run that raced this one past the lock
 * cannot exist, but the unique index is the last word) is skipped. Returns the rows inserted.
 */
async function insertChunk(db: Tx, { json, rows, serializeMs }: Chunk): Promise<number> {
  const started = performance.now();
  const inserted = await db.$executeRaw`
    INSERT INTO incentive_ledger_entry
      (partner_org_id, program_id, kind, amount, currency, deal_id, activity_id, explanation, explanation_data, idempotency_key, occurred_at)
    SELECT r.partner_org_id, r.program_id, r.kind::ledger_kind, r.amount, r.currency, r.deal_id, r.activity_id, r.explanation,
           r.explanation_data, r.idempotency_key, r.occurred_at
    FROM ROWS FROM (json_to_recordset(${json}::json) AS (
      partner_org_id uuid, program_id uuid, kind text, amount bigint, currency text, deal_id uuid, activity_id bigint,
      explanation text, explanation_data jsonb, idempotency_key text, occurred_at timestamptz)) WITH ORDINALITY
      AS r(partner_org_id, program_id, kind, amount, currency, deal_id, activity_id, explanation, explanation_data, idempotency_key, occurred_at, n)
    ORDER BY r.n
    ON CONFLICT (idempotency_key) DO NOTHING`;
  if (process.env.CW_TIMING === "1") process.stderr.write(`[cw-timing] insert ${rows} rows: serialize ${serializeMs.toFixed(0)} ms, db ${(performance.now() - started).toFixed(0)} ms\n`);
  return inserted;
}

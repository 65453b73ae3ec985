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
  /** Queues entries to insert after those queued before; returns once the next INSERT is on its way. */
  append(entries: readonly AccrualDraft[]): Promise<void>;
  /** Waits for every queued entry; resolves to how many rows were inserted (or rejects with the first error). */
  finish(): Promise<number>;
};

/**
 * Appends entries in the order queued, `APPEND_CHUNK` rows per INSERT, one INSERT in flight on
 * the transaction's connection at a time — while the caller computes what to append next, so
 * PostgreSQL writes one programme's entries as the engine computes the next programme's.
 */
export function ledgerAppender(db: Tx): LedgerAppender {
  const queue: AccrualDraft[] = [];
  let inserted = 0;
  let draining: Promise<void> | null = null;
  const drain = async () => {
    while (queue.length > 0) inserted += await insertChunk(db, queue.splice(0, APPEND_CHUNK));
  };
  return {
    async append(entries) {
      for (const entry of entries) queue.push(entry);
      if (draining === null) {
        draining = drain().finally(() => (draining = null));
        // Awaited in finish(); a failure meanwhile must not count as unhandled.
        draining.catch(() => {});
      }
      // Let the INSERT reach the socket before the caller's next stretch of synchronous work.
      await new Promise((resolve) => setImmediate(resolve));
    },
    async finish() {
      while (draining !== null) await draining;
      return inserted;
    },
  };
}

/**
 * Inserts one chunk in order; a key already present (a run that raced this one past the lock
 * cannot exist, but the unique index is the last word) is skipped. Returns the rows inserted.
 */
async function insertChunk(db: Tx, entries: readonly AccrualDraft[]): Promise<number> {
  const rows = entries.map((entry) => ({
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
  }));
  const started = performance.now();
  const json = JSON.stringify(rows);
  const serialized = performance.now();
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
  if (process.env.CW_TIMING === "1") process.stderr.write(`[cw-timing] insert ${entries.length} rows: stringify ${(serialized - started).toFixed(0)} ms, db ${(performance.now() - serialized).toFixed(0)} ms\n`);
  return inserted;
}

// Brings the incentive ledger up to date with what the programmes owe: loads the engine's input,
// computes the drafts, reconciles them with the ledger and appends the difference, idempotently.
import type { Prisma, PrismaClient } from "../db/generated/client.ts";
import { toSafeNumber } from "../money.ts";
import { computeAccruals } from "./engine.ts";
import { reconcile } from "./ledger.ts";
import { loadAccrualInput } from "./load.ts";
import type { AccrualDraft, ExplanationData, LedgerEntryInput } from "./types.ts";

export type AccrueOptions = {
  /** Recompute only these partners' entries; absent means every partner. */
  partnerOrgIds?: readonly string[];
  /** Events up to this moment count, and corrections are dated by it (default: now). */
  asOf?: Date;
};

export type AccrueResult = {
  /** Entries appended by this run (0 when the ledger already matched). */
  appended: number;
  /** The signed sum, in cents, of what was appended (in the programmes' currencies). */
  total: number;
};

/** Serializes every recompute: two workers would otherwise both read the same "before". */
const LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtext('channelwise:incentives'))";

/**
 * Appends the accruals and clawbacks that make the ledger match what the ACTIVE and ARCHIVED
 * programmes owe now, in one transaction. Running it again appends nothing; two runs at once
 * wait for each other; a run that crashes writes nothing, so its retry finds the same ledger.
 */
export async function accrueIncentives(db: PrismaClient, options: AccrueOptions = {}): Promise<AccrueResult> {
  const asOf = options.asOf ?? new Date();
  const scope = options.partnerOrgIds === undefined ? undefined : new Set(options.partnerOrgIds);
  if (scope !== undefined && scope.size === 0) return { appended: 0, total: 0 };

  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(LOCK_SQL);
      const input = await loadAccrualInput(tx, { partnerOrgIds: options.partnerOrgIds, asOf });
      const drafts = computeAccruals(input).filter((draft) => scope === undefined || scope.has(draft.partnerOrgId));
      const rows = await tx.incentiveLedgerEntry.findMany({
        where: {
          programId: { in: input.programs.map((p) => p.id) },
          kind: { in: ["ACCRUAL", "CLAWBACK"] },
          ...(scope === undefined ? {} : { partnerOrgId: { in: [...scope] } }),
        },
        select: {
          idempotencyKey: true, partnerOrgId: true, programId: true, kind: true, amount: true, currency: true,
          dealId: true, activityId: true, occurredAt: true, explanation: true, explanationData: true,
        },
        orderBy: { id: "asc" },
      });
      const existing = rows.map((row): LedgerEntryInput => ({
        ...row,
        amount: toSafeNumber(row.amount),
        currency: row.currency.trim(),
        activityId: row.activityId === null ? null : row.activityId.toString(),
        // Written by the engine (or the seed through it): the shape `reconcile` reads back.
        explanationData: row.explanationData as ExplanationData,
      }));
      const entries = reconcile(existing, drafts, asOf);
      if (entries.length === 0) return { appended: 0, total: 0 };
      const { count } = await tx.incentiveLedgerEntry.createMany({ data: entries.map(ledgerRow), skipDuplicates: true });
      return { appended: count, total: entries.reduce((sum, e) => sum + e.amount, 0) };
    },
    { maxWait: 60_000, timeout: 120_000 },
  );
}

function ledgerRow(entry: AccrualDraft): Prisma.IncentiveLedgerEntryCreateManyInput {
  return {
    partnerOrgId: entry.partnerOrgId,
    programId: entry.programId,
    kind: entry.kind,
    amount: BigInt(entry.amount),
    currency: entry.currency,
    dealId: entry.dealId,
    activityId: entry.activityId === null ? null : BigInt(entry.activityId),
    explanation: entry.explanation,
    explanationData: entry.explanationData,
    idempotencyKey: entry.idempotencyKey,
    occurredAt: entry.occurredAt,
  };
}

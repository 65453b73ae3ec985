// Brings the incentive ledger up to date with what the programmes owe: loads the engine's input,
// computes the drafts, reconciles them with the ledger and appends the difference, idempotently.
import { performance } from "node:perf_hooks";
import type { PrismaClient } from "../db/generated/client.ts";
import { computeAccruals } from "./engine.ts";
import { ledgerBySubject, orphanSubjects, reconcileDrafts, reversal } from "./ledger.ts";
import { ledgerAppender, lockWonDeals, readEngineLedger, readFirstEntries } from "./ledger-store.ts";
import { hasSharedBudget, loadAccrualInputs } from "./load.ts";
import type { AccrualInput, ProgramInput } from "./types.ts";

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

/** CW_TIMING=1: each phase's wall time on stderr (diagnostics only; changes nothing else). */
const TIMING = process.env.CW_TIMING === "1";
function phaseTimer(label: string) {
  const totals = new Map<string, number>();
  let mark = performance.now();
  return {
    /** Adds the time since the previous lap to `phase`. */
    lap(phase: string) {
      const now = performance.now();
      totals.set(phase, (totals.get(phase) ?? 0) + now - mark);
      mark = now;
    },
    report() {
      if (TIMING) process.stderr.write(`[cw-timing] ${label}: ${[...totals].map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(", ")}\n`);
    },
  };
}

/**
 * Appends the accruals and clawbacks that make the ledger match what the ACTIVE and ARCHIVED
 * programmes owe now, in one transaction. Running it again appends nothing; two runs at once
 * wait for each other; a run that crashes writes nothing, so its retry finds the same ledger.
 *
 * The entries are those of `reconcile(ledger, computeAccruals(input), asOf)`, in its order,
 * computed programme by programme so PostgreSQL inserts one programme's entries while the
 * engine computes the next. A programme without a shared budget runs over the scoped partners'
 * own events only: its drafts for them depend on nothing else.
 */
export async function accrueIncentives(db: PrismaClient, options: AccrueOptions = {}): Promise<AccrueResult> {
  const asOf = options.asOf ?? new Date();
  const scope = options.partnerOrgIds === undefined ? undefined : new Set(options.partnerOrgIds);
  if (scope !== undefined && scope.size === 0) return { appended: 0, total: 0 };

  return db.$transaction(
    async (tx) => {
      const timer = phaseTimer(scope === undefined ? "accrue(all)" : `accrue(${scope.size})`);
      await tx.$executeRawUnsafe(LOCK_SQL);
      timer.lap("lock");
      const { own, all } = await loadAccrualInputs(tx, { partnerOrgIds: options.partnerOrgIds, asOf });
      timer.lap("load");
      const ledgerRows = await readEngineLedger(tx, all.programs.map((p) => p.id), scope === undefined ? undefined : [...scope]);
      timer.lap("readLedger");
      const ledger = ledgerBySubject(ledgerRows, (entry) => entry.id);
      timer.lap("bySubject");
      // Only a run appending thousands of entries locks its won deals first; a rerun appending nothing leaves them alone.
      const appender = ledgerAppender(tx, { beforeLargeInsert: () => lockWonDeals(tx, asOf, options.partnerOrgIds) });
      const owed = new Set<string>();
      let total = 0;
      for (const program of inEngineOrder(all.programs)) {
        const input: AccrualInput = { ...(hasSharedBudget(program) ? all : own), programs: [program] };
        const drafts = computeAccruals(input).filter((draft) => scope === undefined || scope.has(draft.partnerOrgId));
        timer.lap("engine");
        for (const draft of drafts) owed.add(draft.idempotencyKey);
        const entries = reconcileDrafts(ledger, drafts, asOf);
        total += entries.reduce((sum, e) => sum + e.amount, 0);
        timer.lap("reconcile");
        await appender.append(entries);
        timer.lap("append");
      }
      // Reversals last, quoting each subject's first entry (read once the appends are done).
      let appended = await appender.finish();
      timer.lap("finish");
      const orphans = orphanSubjects(ledger, owed);
      if (orphans.length > 0) {
        const firstEntries = await readFirstEntries(tx, orphans.map(([, subject]) => subject.first));
        const reversals = orphans.map(([subject, { first, ...totals }]) => reversal(subject, { ...totals, first: firstEntries.get(first) ?? missing(first) }, asOf));
        total += reversals.reduce((sum, e) => sum + e.amount, 0);
        await appender.append(reversals);
        appended = await appender.finish();
      }
      timer.lap("reversals");
      timer.report();
      return { appended, total };
    },
    // A full recompute at 10⁶ deals takes tens of seconds; a slow disk or a busy server must not abort it.
    { maxWait: 60_000, timeout: 600_000 },
  );
}

/** The order computeAccruals runs programmes in: by key, then version. */
function inEngineOrder(programs: readonly ProgramInput[]): ProgramInput[] {
  return [...programs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.version - b.version));
}

function missing(id: string): never {
  throw new Error(`ledger entry ${id} vanished inside the transaction`);
}

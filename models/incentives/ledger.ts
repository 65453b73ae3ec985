// The append-only ledger side of the engine: what to append so the ledger's total per subject
// equals what the programmes owe now — accruals, top-ups and clawbacks — and nothing when it does.
import { formatMoney } from "../money.ts";
import type { AccrualDraft, LedgerEntryInput } from "./types.ts";

const ENGINE_KEY = /^[^:]+:v\d+:[a-z-]+:.+$/;
const SEQUENCE_SUFFIX = /#\d+$/;

/**
 * The subject an entry is about (programme, version, rule, deal/activity/quarter): its key
 * without the `#n` sequence suffix the second and later entries of a subject carry.
 */
export function subjectKeyOf(idempotencyKey: string): string {
  return idempotencyKey.replace(SEQUENCE_SUFFIX, "");
}

/**
 * The key of a subject's n-th entry: the subject itself first, then `subject#2`, `subject#3`….
 * Two workers reconciling the same state pick the same key, so the unique index lets one win.
 */
export function sequencedKey(subjectKey: string, sequence: number): string {
  return sequence === 1 ? subjectKey : `${subjectKey}#${sequence}`;
}

/** True when an idempotency key is one the engine writes (`key:vN:rule:subject`, maybe `#n`). */
export function isEngineKey(idempotencyKey: string): boolean {
  return ENGINE_KEY.test(subjectKeyOf(idempotencyKey));
}

/** Entries the engine owns: accruals and clawbacks with an engine key (not seed, adjustment or payout). */
export function isEngineEntry(entry: LedgerEntryInput): entry is LedgerEntryInput & { programId: string } {
  return (entry.kind === "ACCRUAL" || entry.kind === "CLAWBACK") && entry.programId !== null && isEngineKey(entry.idempotencyKey);
}

/** The sequence number of an entry's key: 1 for the bare subject, n for `subject#n`. */
function sequenceOf(idempotencyKey: string): number {
  const suffix = SEQUENCE_SUFFIX.exec(idempotencyKey);
  return suffix === null ? 1 : Number(suffix[0].slice(1));
}

export function ledgerTotal(entries: readonly { amount: number }[]): number {
  return entries.reduce((sum, entry) => sum + entry.amount, 0);
}

/**
 * What the ledger holds on one subject: the total, how many entries, the highest sequence used,
 * and its first entry (`First` is the entry itself, or a handle to read it with when needed).
 */
export type SubjectLedger<First> = { total: number; count: number; lastSequence: number; first: First };

/** Engine entries by subject, in the order given (the ledger's id order): one pass, no copies. */
export function ledgerBySubject<E extends { idempotencyKey: string; amount: number }, First>(
  entries: Iterable<E>,
  firstOf: (entry: E) => First,
): Map<string, SubjectLedger<First>> {
  const bySubject = new Map<string, SubjectLedger<First>>();
  for (const entry of entries) {
    const subject = subjectKeyOf(entry.idempotencyKey);
    const sequence = sequenceOf(entry.idempotencyKey);
    const ledger = bySubject.get(subject);
    if (ledger === undefined) {
      bySubject.set(subject, { total: entry.amount, count: 1, lastSequence: sequence, first: firstOf(entry) });
    } else {
      ledger.total += entry.amount;
      ledger.count += 1;
      ledger.lastSequence = Math.max(ledger.lastSequence, sequence);
    }
  }
  return bySubject;
}

/**
 * The entries to append so that, per subject, the ledger's total equals the draft's amount (or
 * zero when no draft exists any more: a deal reopened, refunded or no longer qualifying).
 * `existing` must hold the ledger entries of the programmes and partners the drafts were
 * computed for; other entries are left alone. Reconciling its own output again yields nothing.
 * `asOf` dates the corrections (a first accrual keeps the date of what earned it).
 */
export function reconcile(existing: readonly LedgerEntryInput[], drafts: readonly AccrualDraft[], asOf: Date): AccrualDraft[] {
  const bySubject = ledgerBySubject(existing.filter(isEngineEntry), (entry) => entry);
  const orphans = orphanSubjects(bySubject, new Set(drafts.map((d) => d.idempotencyKey)));
  return [...reconcileDrafts(bySubject, drafts, asOf), ...orphans.map(([subject, ledger]) => reversal(subject, ledger, asOf))];
}

/** The first half of `reconcile`: the entries that bring each draft's subject to its amount. */
export function reconcileDrafts<First>(bySubject: ReadonlyMap<string, SubjectLedger<First>>, drafts: readonly AccrualDraft[], asOf: Date): AccrualDraft[] {
  const appended: AccrualDraft[] = [];
  for (const draft of drafts) {
    const ledger = bySubject.get(draft.idempotencyKey);
    const previousTotal = ledger?.total ?? 0;
    const delta = draft.amount - previousTotal;
    if (delta === 0) continue;
    const money = (cents: number) => formatMoney(cents, draft.currency);
    const explanation =
      ledger === undefined
        ? draft.explanation
        : delta > 0
          ? `Additional ${money(delta)} (now ${money(draft.amount)}, was ${money(previousTotal)}): ${draft.explanation}`
          : `Clawback of ${money(-delta)} (now ${money(draft.amount)}, was ${money(previousTotal)}): ${draft.explanation}`;
    // Object.assign, not a spread: a first run appends a million of these (see explanationBase).
    appended.push(
      Object.assign({}, draft, {
        idempotencyKey: sequencedKey(draft.idempotencyKey, (ledger?.lastSequence ?? 0) + 1),
        kind: delta > 0 ? ("ACCRUAL" as const) : ("CLAWBACK" as const),
        amount: delta,
        occurredAt: ledger === undefined ? draft.occurredAt : asOf,
        explanation,
        explanationData: Object.assign({}, draft.explanationData, { previousTotal, targetTotal: draft.amount }),
      }),
    );
  }
  return appended;
}

/** The second half: subjects with a non-zero total that no draft (of `owed`) owes any more, sorted; each needs its `reversal`. */
export function orphanSubjects<First>(bySubject: ReadonlyMap<string, SubjectLedger<First>>, owed: ReadonlySet<string>): [string, SubjectLedger<First>][] {
  return [...bySubject.entries()].filter(([subject, ledger]) => !owed.has(subject) && ledger.total !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The entry that brings a subject no longer owed back to zero, explained by its first entry. */
export function reversal(subject: string, ledger: SubjectLedger<LedgerEntryInput & { programId: string }>, asOf: Date): AccrualDraft {
  const { total: previousTotal, first } = ledger;
  return {
    idempotencyKey: sequencedKey(subject, ledger.lastSequence + 1),
    partnerOrgId: first.partnerOrgId,
    programId: first.programId,
    programVersion: first.explanationData.programVersion,
    kind: previousTotal > 0 ? "CLAWBACK" : "ACCRUAL",
    amount: -previousTotal,
    currency: first.currency,
    dealId: first.dealId,
    activityId: first.activityId,
    occurredAt: asOf,
    explanation: `${previousTotal > 0 ? "Clawback" : "Reversal"} of ${formatMoney(Math.abs(previousTotal), first.currency)}: no longer owed (the deal is no longer won or no longer qualifies) — reverses "${first.explanation}"`,
    explanationData: { ...first.explanationData, previousTotal, targetTotal: 0 },
  };
}

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

/** Entries the engine owns: accruals and clawbacks with an engine key (not seed, adjustment or payout). */
export function isEngineEntry(entry: LedgerEntryInput): entry is LedgerEntryInput & { programId: string } {
  return (entry.kind === "ACCRUAL" || entry.kind === "CLAWBACK") && entry.programId !== null && ENGINE_KEY.test(subjectKeyOf(entry.idempotencyKey));
}

/** The sequence number of an entry's key: 1 for the bare subject, n for `subject#n`. */
function sequenceOf(idempotencyKey: string): number {
  const suffix = SEQUENCE_SUFFIX.exec(idempotencyKey);
  return suffix === null ? 1 : Number(suffix[0].slice(1));
}

function nextKey(subjectKey: string, entries: readonly LedgerEntryInput[]): string {
  return sequencedKey(subjectKey, Math.max(0, ...entries.map((e) => sequenceOf(e.idempotencyKey))) + 1);
}

export function ledgerTotal(entries: readonly { amount: number }[]): number {
  return entries.reduce((sum, entry) => sum + entry.amount, 0);
}

/**
 * The entries to append so that, per subject, the ledger's total equals the draft's amount (or
 * zero when no draft exists any more: a deal reopened, refunded or no longer qualifying).
 * `existing` must hold the ledger entries of the programmes and partners the drafts were
 * computed for; other entries are left alone. Reconciling its own output again yields nothing.
 * `asOf` dates the corrections (a first accrual keeps the date of what earned it).
 */
export function reconcile(existing: readonly LedgerEntryInput[], drafts: readonly AccrualDraft[], asOf: Date): AccrualDraft[] {
  const bySubject = new Map<string, (LedgerEntryInput & { programId: string })[]>();
  for (const entry of existing.filter(isEngineEntry)) {
    const subject = subjectKeyOf(entry.idempotencyKey);
    const entries = bySubject.get(subject) ?? [];
    entries.push(entry);
    bySubject.set(subject, entries);
  }

  const appended: AccrualDraft[] = [];
  for (const draft of drafts) {
    const entries = bySubject.get(draft.idempotencyKey) ?? [];
    bySubject.delete(draft.idempotencyKey);
    const previousTotal = ledgerTotal(entries);
    const delta = draft.amount - previousTotal;
    if (delta === 0) continue;
    const money = (cents: number) => formatMoney(cents, draft.currency);
    const explanation =
      entries.length === 0
        ? draft.explanation
        : delta > 0
          ? `Additional ${money(delta)} (now ${money(draft.amount)}, was ${money(previousTotal)}): ${draft.explanation}`
          : `Clawback of ${money(-delta)} (now ${money(draft.amount)}, was ${money(previousTotal)}): ${draft.explanation}`;
    appended.push({
      ...draft,
      idempotencyKey: nextKey(draft.idempotencyKey, entries),
      kind: delta > 0 ? "ACCRUAL" : "CLAWBACK",
      amount: delta,
      occurredAt: entries.length === 0 ? draft.occurredAt : asOf,
      explanation,
      explanationData: { ...draft.explanationData, previousTotal, targetTotal: draft.amount },
    });
  }

  const orphans = [...bySubject.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [subject, entries] of orphans) {
    const previousTotal = ledgerTotal(entries);
    if (previousTotal === 0) continue;
    const first = entries[0];
    appended.push({
      idempotencyKey: nextKey(subject, entries),
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
    });
  }
  return appended;
}

// Shared steps of every programme kind: the effective window, calendar periods, deterministic
// ordering, stable idempotency keys and the caps that cut amounts in that order.
import { formatMoney } from "../money.ts";
import type { AccrualDraft, ExplanationData, ProgramInput, RuleName } from "./types.ts";

const DAY_MS = 86_400_000;

/** True when `at` falls on or after the first effective day and on or before the last. */
export function isInEffectiveWindow(program: Pick<ProgramInput, "effectiveFrom" | "effectiveTo">, at: Date): boolean {
  if (at.getTime() < startOfUtcDay(program.effectiveFrom)) return false;
  return program.effectiveTo === null || at.getTime() < startOfUtcDay(program.effectiveTo) + DAY_MS;
}

function startOfUtcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** "2026-11-03" — the UTC calendar day. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** "2026-Q4" — the UTC calendar quarter. */
export function quarterOf(at: Date): string {
  return `${at.getUTCFullYear()}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`;
}

/** "2026-11" — the UTC calendar month. */
export function monthOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/**
 * Orders ids and keys naturally: runs of digits compare as numbers (so BigInt id "9" comes
 * before "10"), everything else by code unit. A total order, independent of locale.
 */
export function compareIds(a: string, b: string): number {
  const left = a.split(/(\d+)/);
  const right = b.split(/(\d+)/);
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const [x, y] = [left[index], right[index]];
    if (x === y) continue;
    const bothDigits = index % 2 === 1;
    if (bothDigits && x.length !== y.length) return x.length - y.length;
    return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

/** `won-deal-commission:v1:commission:deal:<id>` — the same subject always gets the same key. */
export function draftKey(program: Pick<ProgramInput, "key" | "version">, rule: RuleName, subject: string): string {
  return `${program.key}:v${program.version}:${rule}:${subject}`;
}

/**
 * The explanation of a programme's rule, with the details given. Object.assign, not a spread: on
 * Node 20 `{ ...base, more }` costs microseconds per object, and this runs once per draft.
 */
export function explanationBase(program: ProgramInput, rule: RuleName, ...details: Partial<ExplanationData>[]): ExplanationData {
  return Object.assign({ programKey: program.key, programVersion: program.version, programName: program.name, rule }, ...details);
}

type DraftFields = Omit<AccrualDraft, "programId" | "programVersion" | "kind" | "currency" | "dealId" | "activityId"> &
  Partial<Pick<AccrualDraft, "dealId" | "activityId">>;

export function accrualDraft(program: ProgramInput, fields: DraftFields): AccrualDraft {
  // Field by field rather than a spread: one object shape for every draft, and this runs per draft.
  return {
    idempotencyKey: fields.idempotencyKey,
    partnerOrgId: fields.partnerOrgId,
    programId: program.id,
    programVersion: program.version,
    kind: "ACCRUAL",
    amount: fields.amount,
    currency: program.currency,
    dealId: fields.dealId ?? null,
    activityId: fields.activityId ?? null,
    occurredAt: fields.occurredAt,
    explanation: fields.explanation,
    explanationData: fields.explanationData,
  };
}

/** Drafts in the order caps consume them: by occurredAt, then by key (which ends in the subject's id). */
export function sortDrafts(drafts: AccrualDraft[]): AccrualDraft[] {
  // Earliest first, then by key; no object per comparison: this sorts every draft of a full recompute.
  return drafts.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || compareIds(a.idempotencyKey, b.idempotencyKey));
}

/**
 * Applies a cap to drafts already in cap order. The draft that crosses the cap gets what is left
 * (a partial amount, said so in its explanation); drafts after it get nothing and are dropped.
 */
export function applyCap(drafts: readonly AccrualDraft[], cap: number, capKind: "BUDGET" | "MONTHLY", periodLabel: string): AccrualDraft[] {
  let remaining = cap;
  const kept: AccrualDraft[] = [];
  for (const draft of drafts) {
    if (remaining <= 0) break;
    if (draft.amount <= remaining) {
      kept.push(draft);
      remaining -= draft.amount;
      continue;
    }
    kept.push(
      Object.assign({}, draft, {
        amount: remaining,
        explanation: `${draft.explanation} — capped at ${formatMoney(remaining, draft.currency)}, what was left of the ${formatMoney(cap, draft.currency)} ${periodLabel}`,
        explanationData: Object.assign({}, draft.explanationData, { uncappedAmount: draft.amount, cap, capKind }),
      }),
    );
    remaining = 0;
  }
  return kept;
}

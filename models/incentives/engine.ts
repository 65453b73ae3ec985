// The pure incentive rules engine: from programmes and what partners did (won deals, sales,
// activities) to the ledger drafts each programme owes, deterministic and idempotent-keyed.
import { actionRewardDrafts } from "./action-rewards.ts";
import {
  commissionDrafts,
  firstOrderDrafts,
  regionalBoostDrafts,
  segmentAcceleratorDrafts,
  spiffDrafts,
} from "./deal-programs.ts";
import { applyCap, isInEffectiveWindow, sortDrafts } from "./drafting.ts";
import type { AccrualDraft, AccrualInput, ProgramInput, WonDealInput } from "./types.ts";
import { volumeRebateDrafts } from "./volume-rebate.ts";

/**
 * Every accrual the programmes owe as of this input, one draft per idempotency key, amounts > 0.
 * Programmes run in (key, version) order; each programme's drafts in (occurredAt, key) order —
 * the order its budget cap is consumed in. DRAFT programmes never accrue; ACTIVE and ARCHIVED
 * ones accrue for events inside their effective window, so archiving a version keeps what it earned.
 */
export function computeAccruals(input: AccrualInput): AccrualDraft[] {
  const programs = input.programs
    .filter((program) => program.status !== "DRAFT")
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.version - b.version));
  const drafts = programs.flatMap((program) => programDrafts(program, input));
  const seen = new Set<string>();
  for (const draft of drafts) {
    if (seen.has(draft.idempotencyKey)) throw new Error(`two drafts share the idempotency key ${draft.idempotencyKey}`);
    seen.add(draft.idempotencyKey);
  }
  return drafts;
}

function programDrafts(program: ProgramInput, input: AccrualInput): AccrualDraft[] {
  const isEligible = (deal: WonDealInput) => deal.currency === program.currency && isInEffectiveWindow(program, deal.closedAt);
  const deals = input.wonDeals.filter(isEligible);
  const uncapped = ((): AccrualDraft[] => {
    switch (program.kind) {
      case "COMMISSION":
        return commissionDrafts(program, program.rules, deals);
      case "TIERED_REBATE": {
        const sales = input.sales.filter((s) => s.currency === program.currency && isInEffectiveWindow(program, s.soldOn));
        return volumeRebateDrafts(program, program.rules, deals, sales);
      }
      case "SPIFF":
        return spiffDrafts(program, program.rules, deals);
      case "NEW_PRODUCT_FIRST_ORDER":
        // "First" is judged over every won deal, so one before the window still counts as the first.
        return firstOrderDrafts(program, program.rules, input.wonDeals, input.priorFirstOrders, isEligible);
      case "ACTION_REWARD":
        return actionRewardDrafts(program, program.rules, input.activities.filter((a) => isInEffectiveWindow(program, a.occurredAt)));
      case "REGIONAL_BOOST":
        return regionalBoostDrafts(program, program.rules, deals, input.regionTargets, input.regionCurrencies);
      case "SEGMENT_ACCELERATOR":
        return segmentAcceleratorDrafts(program, program.rules, deals, input.segmentMemberships);
    }
  })();
  const ordered = sortDrafts(uncapped.filter((draft) => draft.amount > 0));
  const budget = programBudget(program);
  return budget === null ? ordered : applyCap(ordered, budget, "BUDGET", `budget of ${program.name}`);
}

/** The tighter of the programme's budget and a SPIFF's own budget cap, or null for no budget. */
function programBudget(program: ProgramInput): number | null {
  const caps = [program.budgetCap, program.kind === "SPIFF" ? program.rules.budgetCap : null].filter((cap): cap is number => cap !== null);
  return caps.length === 0 ? null : Math.min(...caps);
}

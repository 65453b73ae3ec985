// Action rewards: a small amount per key action (demo delivered, solution submitted,
// certification passed), capped per partner and calendar month in the order actions happened.
import { accrualDraft, applyCap, compareIds, draftKey, explanationBase, monthOf } from "./drafting.ts";
import { formatMoney } from "../money.ts";
import { REWARDED_ACTIONS, type ActionRewardRules, type RewardedAction } from "./rules.ts";
import type { AccrualDraft, ActivityInput, ProgramInput } from "./types.ts";

const ACTION_WORDS: Record<RewardedAction, string> = {
  DEMO: "demo delivered",
  SOLUTION_SUBMITTED: "solution submitted",
  CERTIFICATION: "certification passed",
};

function isRewardedAction(kind: string): kind is RewardedAction {
  return (REWARDED_ACTIONS as readonly string[]).includes(kind);
}

export function actionRewardDrafts(program: ProgramInput, rules: ActionRewardRules, activities: readonly ActivityInput[]): AccrualDraft[] {
  const byPartnerMonth = new Map<string, AccrualDraft[]>();
  const chronological = [...activities].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || compareIds(a.id, b.id));
  for (const activity of chronological) {
    if (!isRewardedAction(activity.kind)) continue;
    const amount = rules.amounts[activity.kind] ?? 0;
    if (amount === 0) continue;
    const month = monthOf(activity.occurredAt);
    const draft = accrualDraft(program, {
      idempotencyKey: draftKey(program, "action", `activity:${activity.id}`),
      partnerOrgId: activity.partnerOrgId,
      amount,
      activityId: activity.id,
      occurredAt: activity.occurredAt,
      explanation: `${formatMoney(amount, program.currency)} action reward: ${program.name} for a ${ACTION_WORDS[activity.kind]} on ${activity.occurredAt.toISOString().slice(0, 10)}`,
      explanationData: explanationBase(program, "action", { activityId: activity.id, activityKind: activity.kind, month }),
    });
    const groupKey = `${activity.partnerOrgId}|${month}`;
    const group = byPartnerMonth.get(groupKey) ?? [];
    group.push(draft);
    byPartnerMonth.set(groupKey, group);
  }
  return [...byPartnerMonth.values()].flatMap((drafts) => applyCap(drafts, rules.monthlyCap, "MONTHLY", "monthly cap"));
}

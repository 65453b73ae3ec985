// The quarterly tiered volume rebate: one draft per partner and quarter for the tier rebate on
// the quarter-to-date volume, plus one per accelerator on the volume of its products.
import { accrualDraft, draftKey, explanationBase, quarterOf } from "./drafting.ts";
import { applyBasisPoints, formatMoney, formatRate, splitEvenly } from "../money.ts";
import type { TieredRebateRules } from "./rules.ts";
import { reachedTier, rebateFor, tierSlices } from "./tiers.ts";
import type { AccrualDraft, ProgramInput, SaleInput, WonDealInput } from "./types.ts";

/** One contribution to a quarter's volume, with its value per product SKU. */
type VolumeItem = { partnerOrgId: string; at: Date; amount: number; bySku: { sku: string; amount: number }[] };

function dealVolume(deal: WonDealInput): VolumeItem {
  const skus = [...new Set(deal.products.map((p) => p.sku))].sort();
  const shares = skus.length === 0 ? [] : splitEvenly(deal.closedAmount, skus.length);
  return { partnerOrgId: deal.partnerOrgId, at: deal.closedAt, amount: deal.closedAmount, bySku: skus.map((sku, i) => ({ sku, amount: shares[i] })) };
}

function saleVolume(sale: SaleInput): VolumeItem {
  return { partnerOrgId: sale.partnerOrgId, at: sale.soldOn, amount: sale.amount, bySku: [{ sku: sale.productSku, amount: sale.amount }] };
}

export function volumeRebateDrafts(
  program: ProgramInput,
  rules: TieredRebateRules,
  deals: readonly WonDealInput[],
  sales: readonly SaleInput[],
): AccrualDraft[] {
  const items = rules.base === "SALES_AMOUNT" ? sales.map(saleVolume) : deals.map(dealVolume);
  const volumeWord = rules.base === "SALES_AMOUNT" ? "sales" : "won volume";
  const groups = new Map<string, { partnerOrgId: string; quarter: string; items: VolumeItem[] }>();
  for (const item of items) {
    const quarter = quarterOf(item.at);
    const groupKey = `${item.partnerOrgId}|${quarter}`;
    const group = groups.get(groupKey) ?? { partnerOrgId: item.partnerOrgId, quarter, items: [] };
    group.items.push(item);
    groups.set(groupKey, group);
  }

  const drafts: AccrualDraft[] = [];
  for (const { partnerOrgId, quarter, items: quarterItems } of groups.values()) {
    const volume = quarterItems.reduce((sum, item) => sum + item.amount, 0);
    const latest = new Date(Math.max(...quarterItems.map((item) => item.at.getTime())));
    const money = (cents: number) => formatMoney(cents, program.currency);
    const tier = reachedTier(volume, rules.tiers);
    const rate = rules.tiers[tier - 1].rateBasisPoints;
    const amount = rebateFor(volume, rules.tiers, rules.mode);
    const because = `because your ${quarter} quarter-to-date ${volumeWord} is ${money(volume)}`;
    const slices = tierSlices(volume, rules.tiers);
    const explanation =
      rules.mode === "RETROACTIVE"
        ? `${formatRate(rate)} of ${money(volume)}: tier ${tier} of ${program.name} ${because}`
        : `${money(amount)} on ${money(volume)}: tier ${tier} of ${program.name}, each slice at its tier's rate (${slices
            .map((s) => `${formatRate(s.rateBasisPoints)} of ${money(s.base)}`)
            .join(", ")}) ${because}`;
    drafts.push(
      accrualDraft(program, {
        idempotencyKey: draftKey(program, "tier", `${partnerOrgId}:${quarter}`),
        partnerOrgId,
        amount,
        occurredAt: latest,
        explanation,
        explanationData: explanationBase(
          program,
          "tier",
          { mode: rules.mode, tier, rateBasisPoints: rate, base: volume, quarter, quarterToDate: volume },
          rules.mode === "MARGINAL" ? { slices } : {},
        ),
      }),
    );

    rules.accelerators.forEach((accelerator, index) => {
      const base = quarterItems
        .flatMap((item) => item.bySku)
        .filter((share) => accelerator.productSkus.includes(share.sku))
        .reduce((sum, share) => sum + share.amount, 0);
      if (base === 0) return;
      drafts.push(
        accrualDraft(program, {
          idempotencyKey: draftKey(program, "accelerator", `${index + 1}:${partnerOrgId}:${quarter}`),
          partnerOrgId,
          amount: applyBasisPoints(base, accelerator.extraBasisPoints),
          occurredAt: latest,
          explanation: `extra ${formatRate(accelerator.extraBasisPoints)} of ${money(base)}: ${program.name} accelerator for ${accelerator.reason}, on your ${quarter} ${volumeWord} of ${accelerator.productSkus.join(", ")}`,
          explanationData: explanationBase(program, "accelerator", {
            rateBasisPoints: accelerator.extraBasisPoints,
            base,
            quarter,
            quarterToDate: volume,
            productSkus: accelerator.productSkus,
          }),
        }),
      );
    });
  }
  return drafts;
}

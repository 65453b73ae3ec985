// The programme kinds that pay per won deal: commission by product line, SPIFF, first order of a
// new product, regional boost and segment accelerator. Each returns uncapped drafts.
import { accrualDraft, compareIds, draftKey, explanationBase, utcDay } from "./drafting.ts";
import {
  WHOLE_BASIS_POINTS,
  applyBasisPoints,
  applyBasisPointsWithMultiplier,
  divideRoundHalfUp,
  formatMoney,
  formatMultiplier,
  formatRate,
  splitEvenly,
} from "../money.ts";
import type {
  CommissionRules,
  NewProductFirstOrderRules,
  RegionalBoostRules,
  SegmentAcceleratorRules,
  SpiffRules,
} from "./rules.ts";
import type { AccrualDraft, PriorFirstOrder, ProgramInput, RegionTarget, SegmentMembership, WonDealInput } from "./types.ts";

/**
 * A deal's closed value per product line. DealProduct carries no amount, so the value is split
 * evenly across the deal's products (sorted by SKU, remainder cents to the first).
 */
export function valueByLine(deal: WonDealInput, rules: CommissionRules): { line: string; base: number; rateBasisPoints: number }[] {
  const products = [...deal.products].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  if (products.length === 0) return [{ line: "(no product)", base: deal.closedAmount, rateBasisPoints: rules.rateBasisPoints }];
  const shares = splitEvenly(deal.closedAmount, products.length);
  const byLine = new Map<string, number>();
  products.forEach((product, index) => byLine.set(product.line, (byLine.get(product.line) ?? 0) + shares[index]));
  return [...byLine.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([line, base]) => ({ line, base, rateBasisPoints: rules.ratesByLine[line] ?? rules.rateBasisPoints }));
}

export function commissionDrafts(program: ProgramInput, rules: CommissionRules, deals: readonly WonDealInput[]): AccrualDraft[] {
  return deals.map((deal) => {
    const lines = valueByLine(deal, rules);
    const exact = lines.reduce((sum, l) => sum + BigInt(l.base) * BigInt(l.rateBasisPoints), 0n);
    const amount = divideRoundHalfUp(exact, BigInt(WHOLE_BASIS_POINTS));
    const oneRate = lines.every((l) => l.rateBasisPoints === lines[0].rateBasisPoints);
    const explanation = oneRate
      ? `${formatRate(lines[0].rateBasisPoints)} of ${formatMoney(deal.closedAmount, deal.currency)}: ${program.name} on won deal "${deal.title}"`
      : `${formatMoney(amount, deal.currency)} on ${formatMoney(deal.closedAmount, deal.currency)}: ${program.name} on won deal "${deal.title}" by product line (${lines
          .map((l) => `${formatRate(l.rateBasisPoints)} of ${formatMoney(l.base, deal.currency)} ${l.line}`)
          .join(", ")})`;
    return accrualDraft(program, {
      idempotencyKey: draftKey(program, "commission", `deal:${deal.id}`),
      partnerOrgId: deal.partnerOrgId,
      amount,
      dealId: deal.id,
      occurredAt: deal.closedAt,
      explanation,
      explanationData: explanationBase(
        program,
        "commission",
        { base: deal.closedAmount },
        oneRate ? { rateBasisPoints: lines[0].rateBasisPoints } : {},
        { lines, dealId: deal.id, dealTitle: deal.title },
      ),
    });
  });
}

function matchesFilter(filter: readonly string[] | undefined, values: readonly string[]): boolean {
  return filter === undefined || filter.length === 0 || values.some((value) => filter.includes(value));
}

export function spiffDrafts(program: ProgramInput, rules: SpiffRules, deals: readonly WonDealInput[]): AccrualDraft[] {
  return deals
    .filter((deal) => {
      const day = utcDay(deal.closedAt);
      return (
        day >= rules.from &&
        day <= rules.to &&
        matchesFilter(rules.productSkus, deal.products.map((p) => p.sku)) &&
        matchesFilter(rules.industries, deal.industry === null ? [] : [deal.industry]) &&
        matchesFilter(rules.regionCodes, [deal.regionCode])
      );
    })
    .map((deal) =>
      accrualDraft(program, {
        idempotencyKey: draftKey(program, "spiff", `deal:${deal.id}`),
        partnerOrgId: deal.partnerOrgId,
        amount: rules.bonus,
        dealId: deal.id,
        occurredAt: deal.closedAt,
        explanation: `${formatMoney(rules.bonus, program.currency)} SPIFF bonus: ${program.name} for won deal "${deal.title}", closed on ${utcDay(deal.closedAt)} within ${rules.from} to ${rules.to}`,
        explanationData: explanationBase(program, "spiff", { dealId: deal.id, dealTitle: deal.title, regionCode: deal.regionCode }),
      }),
    );
}

export function firstOrderDrafts(
  program: ProgramInput,
  rules: NewProductFirstOrderRules,
  deals: readonly WonDealInput[],
  priorFirstOrders: readonly PriorFirstOrder[],
  isEligible: (deal: WonDealInput) => boolean,
): AccrualDraft[] {
  const ordered = new Set(priorFirstOrders.map((prior) => `${prior.partnerOrgId}|${prior.sku}`));
  const drafts: AccrualDraft[] = [];
  const chronological = [...deals].sort((a, b) => a.closedAt.getTime() - b.closedAt.getTime() || compareIds(a.id, b.id));
  for (const deal of chronological) {
    const newSkus = [...new Set(deal.products.filter((p) => p.isNew).map((p) => p.sku))].sort();
    for (const sku of newSkus) {
      if (!matchesFilter(rules.productSkus, [sku]) || ordered.has(`${deal.partnerOrgId}|${sku}`)) continue;
      ordered.add(`${deal.partnerOrgId}|${sku}`);
      if (!isEligible(deal)) continue;
      drafts.push(
        accrualDraft(program, {
          idempotencyKey: draftKey(program, "first-order", `deal:${deal.id}:${sku}`),
          partnerOrgId: deal.partnerOrgId,
          amount: rules.bonus,
          dealId: deal.id,
          occurredAt: deal.closedAt,
          explanation: `${formatMoney(rules.bonus, program.currency)} first-order bonus: ${program.name}, because won deal "${deal.title}" is your first order of the new product ${sku}`,
          explanationData: explanationBase(program, "first-order", { dealId: deal.id, dealTitle: deal.title, productSku: sku }),
        }),
      );
    }
  }
  return drafts;
}

/**
 * How far a region is below target, in basis points of the target: from its latest forecast when
 * one exists, else the gap a manager set. Never negative (a region on or above target has no gap).
 */
export function regionGapBasisPoints(target: RegionTarget): number {
  if (target.forecastAmount !== null) {
    if (target.targetAmount <= 0 || target.forecastAmount >= target.targetAmount) return 0;
    return divideRoundHalfUp(BigInt(target.targetAmount - target.forecastAmount) * BigInt(WHOLE_BASIS_POINTS), BigInt(target.targetAmount));
  }
  return Math.max(0, target.managerGapBasisPoints ?? 0);
}

/** A region's boost multiplier (basis points) and why, or null when the region is not boosted. */
export function regionMultiplier(rules: RegionalBoostRules, regionCode: string, target: RegionTarget | undefined, currency: string): { multiplierBasisPoints: number; gapBasisPoints: number | null; why: string } | null {
  const fixed = rules.multiplierBasisPointsByRegion[regionCode];
  if (fixed !== undefined) return fixed > 0 ? { multiplierBasisPoints: fixed, gapBasisPoints: null, why: `region ${regionCode} has a manager-set ${formatMultiplier(fixed)} boost` } : null;
  if (target === undefined) return null;
  const gap = regionGapBasisPoints(target);
  if (gap === 0) return null;
  const multiplierBasisPoints = Math.min(rules.maxMultiplierBasisPoints, WHOLE_BASIS_POINTS + gap);
  const why =
    target.forecastAmount !== null
      ? `region ${regionCode}'s latest forecast ${formatMoney(target.forecastAmount, currency)} is ${formatRate(gap)} below its ${formatMoney(target.targetAmount, currency)} target`
      : `region ${regionCode} is ${formatRate(gap)} behind target (a manager-set gap until a forecast exists)`;
  return { multiplierBasisPoints, gapBasisPoints: gap, why };
}

export function regionalBoostDrafts(
  program: ProgramInput,
  rules: RegionalBoostRules,
  deals: readonly WonDealInput[],
  targets: readonly RegionTarget[],
  regionCurrencies: Readonly<Record<string, string>> = {},
): AccrualDraft[] {
  const targetByRegion = new Map(targets.map((t) => [t.regionCode, t]));
  return deals.flatMap((deal) => {
    // A region's target and forecast are in the region's currency, whatever the programme pays in.
    const boost = regionMultiplier(rules, deal.regionCode, targetByRegion.get(deal.regionCode), regionCurrencies[deal.regionCode] ?? program.currency);
    if (boost === null) return [];
    return [
      accrualDraft(program, {
        idempotencyKey: draftKey(program, "regional-boost", `deal:${deal.id}`),
        partnerOrgId: deal.partnerOrgId,
        amount: applyBasisPointsWithMultiplier(deal.closedAmount, rules.rateBasisPoints, boost.multiplierBasisPoints),
        dealId: deal.id,
        occurredAt: deal.closedAt,
        explanation: `${formatRate(rules.rateBasisPoints)} ${formatMultiplier(boost.multiplierBasisPoints)} of ${formatMoney(deal.closedAmount, deal.currency)}: ${program.name} on won deal "${deal.title}" because ${boost.why}`,
        explanationData: explanationBase(
          program,
          "regional-boost",
          { base: deal.closedAmount, rateBasisPoints: rules.rateBasisPoints, multiplierBasisPoints: boost.multiplierBasisPoints },
          boost.gapBasisPoints === null ? {} : { gapBasisPoints: boost.gapBasisPoints },
          { regionCode: deal.regionCode, dealId: deal.id, dealTitle: deal.title },
        ),
      }),
    ];
  });
}

export function segmentAcceleratorDrafts(program: ProgramInput, rules: SegmentAcceleratorRules, deals: readonly WonDealInput[], memberships: readonly SegmentMembership[]): AccrualDraft[] {
  const member = new Set(memberships.map((m) => `${m.partnerOrgId}|${m.segment}`));
  return deals.flatMap((deal) => {
    const segment = rules.segments.find((s) => member.has(`${deal.partnerOrgId}|${s}`));
    if (segment === undefined) return [];
    return [
      accrualDraft(program, {
        idempotencyKey: draftKey(program, "segment", `deal:${deal.id}`),
        partnerOrgId: deal.partnerOrgId,
        amount: applyBasisPoints(deal.closedAmount, rules.extraBasisPoints),
        dealId: deal.id,
        occurredAt: deal.closedAt,
        explanation: `extra ${formatRate(rules.extraBasisPoints)} of ${formatMoney(deal.closedAmount, deal.currency)}: ${program.name} on won deal "${deal.title}" because your organisation is in the "${segment}" segment`,
        explanationData: explanationBase(program, "segment", {
          base: deal.closedAmount,
          rateBasisPoints: rules.extraBasisPoints,
          segment,
          dealId: deal.id,
          dealTitle: deal.title,
        }),
      }),
    ];
  });
}

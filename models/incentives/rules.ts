// The `rules` JSON of each incentive programme kind, validated with zod: what an admin may
// write into a programme version and what the engine can rely on when it computes accruals.
// Amounts are integer cents in the programme's currency; rates are integer basis points.
import { z } from "zod";
import type { ProgramKind } from "../db/generated/enums.ts";

const cents = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
/** Up to 1,000 % — far above any sane rate, low enough that cents × bps × bps stays exact in BigInt. */
const basisPoints = z.int().min(0).max(100_000);
const code = z.string().trim().min(1);
/** Optional filter lists: absent or empty means "any". */
const filterList = z.array(code).optional();

export const commissionRulesSchema = z.strictObject({
  /** The rate for a product line not listed in `ratesByLine` (and for deals without products). */
  rateBasisPoints: basisPoints,
  ratesByLine: z.record(code, basisPoints).default({}),
  // The seed's descriptive fields: accepted, and fixed to the only behaviour the engine has.
  appliesTo: z.literal("WON_DEAL").default("WON_DEAL"),
  base: z.literal("CLOSED_AMOUNT").default("CLOSED_AMOUNT"),
  requiresApprovedRegistration: z.boolean().default(true),
  accrueOn: z.literal("DEAL_WON").default("DEAL_WON"),
});

export const rebateTierSchema = z.strictObject({
  /** Quarter volume (cents) from which this tier's rate applies. */
  fromAmount: cents,
  rateBasisPoints: basisPoints,
});

export const tieredRebateRulesSchema = z.strictObject({
  period: z.literal("QUARTER"),
  /** What counts as volume: won deals' closed amounts, or ERP sales records. */
  base: z.enum(["WON_DEAL_AMOUNT", "SALES_AMOUNT"]).default("WON_DEAL_AMOUNT"),
  /** MARGINAL: each slice of volume at its own tier's rate; RETROACTIVE: all volume at the reached tier's rate. */
  mode: z.enum(["MARGINAL", "RETROACTIVE"]).default("RETROACTIVE"),
  tiers: z
    .array(rebateTierSchema)
    .min(1)
    .check((ctx) => {
      const tiers = ctx.value;
      // zod runs checks even after .min(1) failed: an empty list is already refused.
      if (tiers.length === 0) return;
      if (tiers[0].fromAmount !== 0) ctx.issues.push({ code: "custom", input: tiers, message: "the first tier must start at 0" });
      for (let index = 1; index < tiers.length; index++) {
        if (tiers[index].fromAmount <= tiers[index - 1].fromAmount) {
          ctx.issues.push({ code: "custom", input: tiers, path: [index, "fromAmount"], message: "tiers must be sorted by fromAmount, strictly increasing" });
        }
        if (tiers[index].rateBasisPoints < tiers[index - 1].rateBasisPoints) {
          ctx.issues.push({ code: "custom", input: tiers, path: [index, "rateBasisPoints"], message: "a higher tier may not pay a lower rate" });
        }
      }
    }),
  /** Extra rate on the quarter's volume of the listed products, on top of the tier rate. */
  accelerators: z
    .array(z.strictObject({ productSkus: z.array(code).min(1), extraBasisPoints: basisPoints, reason: code }))
    .default([]),
  payoutAfterDays: z.int().min(0).optional(),
});

export const spiffRulesSchema = z
  .strictObject({
    /** First and last day (UTC, inclusive) a deal may close on to qualify. */
    from: z.iso.date(),
    to: z.iso.date(),
    bonus: cents.min(1),
    productSkus: filterList,
    industries: filterList,
    regionCodes: filterList,
    budgetCap: cents,
  })
  .refine((rules) => rules.from <= rules.to, { message: "the SPIFF must end on or after its first day", path: ["to"] });

export const newProductFirstOrderRulesSchema = z.strictObject({
  bonus: cents.min(1),
  /** Restricts the bonus to these new products; absent means every product flagged new. */
  productSkus: filterList,
});

export const REWARDED_ACTIONS = ["DEMO", "SOLUTION_SUBMITTED", "CERTIFICATION"] as const;
export type RewardedAction = (typeof REWARDED_ACTIONS)[number];

export const actionRewardRulesSchema = z.strictObject({
  amounts: z.partialRecord(z.enum(REWARDED_ACTIONS), cents),
  /** Most a partner earns from this programme in one calendar month (UTC). */
  monthlyCap: cents,
});

export const regionalBoostRulesSchema = z.strictObject({
  /** The rate on won deal value in a boosted region, before the multiplier. */
  rateBasisPoints: basisPoints,
  /** The ceiling of the multiplier a target gap can produce (10,000 = ×1). */
  maxMultiplierBasisPoints: z.int().min(10_000).max(100_000),
  /** A manager's fixed multiplier per region, used instead of the target gap. */
  multiplierBasisPointsByRegion: z.record(code, z.int().min(0).max(100_000)).default({}),
});

export const segmentAcceleratorRulesSchema = z.strictObject({
  segments: z.array(code).min(1),
  extraBasisPoints: basisPoints,
});

export type CommissionRules = z.infer<typeof commissionRulesSchema>;
export type RebateTier = z.infer<typeof rebateTierSchema>;
export type TieredRebateRules = z.infer<typeof tieredRebateRulesSchema>;
export type SpiffRules = z.infer<typeof spiffRulesSchema>;
export type NewProductFirstOrderRules = z.infer<typeof newProductFirstOrderRulesSchema>;
export type ActionRewardRules = z.infer<typeof actionRewardRulesSchema>;
export type RegionalBoostRules = z.infer<typeof regionalBoostRulesSchema>;
export type SegmentAcceleratorRules = z.infer<typeof segmentAcceleratorRulesSchema>;

/** A programme's kind with its validated rules, discriminated by kind. */
export const programRulesSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("COMMISSION"), rules: commissionRulesSchema }),
  z.object({ kind: z.literal("TIERED_REBATE"), rules: tieredRebateRulesSchema }),
  z.object({ kind: z.literal("SPIFF"), rules: spiffRulesSchema }),
  z.object({ kind: z.literal("NEW_PRODUCT_FIRST_ORDER"), rules: newProductFirstOrderRulesSchema }),
  z.object({ kind: z.literal("ACTION_REWARD"), rules: actionRewardRulesSchema }),
  z.object({ kind: z.literal("REGIONAL_BOOST"), rules: regionalBoostRulesSchema }),
  z.object({ kind: z.literal("SEGMENT_ACCELERATOR"), rules: segmentAcceleratorRulesSchema }),
]);

export type ProgramRules = z.infer<typeof programRulesSchema>;

// Fails to compile when the database gains a programme kind the rules do not cover.
const _everyKindHasRules: Record<ProgramKind, true> = {
  COMMISSION: true,
  TIERED_REBATE: true,
  SPIFF: true,
  NEW_PRODUCT_FIRST_ORDER: true,
  ACTION_REWARD: true,
  REGIONAL_BOOST: true,
  SEGMENT_ACCELERATOR: true,
} satisfies Record<ProgramRules["kind"], true>;

/** Validates a programme's stored `rules` JSON for its kind; throws a ZodError naming each bad field. */
export function parseProgramRules(kind: ProgramKind, json: unknown): ProgramRules {
  return programRulesSchema.parse({ kind, rules: json });
}

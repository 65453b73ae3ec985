// Volume tiers of a rebate: which tier a quarter's volume reaches, the rebate it earns
// (marginal or retroactive, rounded once, half up, to the cent) and what the next tier takes.
import { WHOLE_BASIS_POINTS, applyBasisPoints, divideRoundHalfUp } from "../money.ts";
import type { RebateTier } from "./rules.ts";

export type TierMode = "MARGINAL" | "RETROACTIVE";

/** One slice of volume inside one tier, for marginal explanations. */
export type TierSlice = { tier: number; fromAmount: number; base: number; rateBasisPoints: number };

/** The 1-based number of the highest tier whose `fromAmount` the volume has reached (0 below the first). */
export function reachedTier(volume: number, tiers: readonly RebateTier[]): number {
  let reached = 0;
  tiers.forEach((tier, index) => {
    if (volume >= tier.fromAmount) reached = index + 1;
  });
  return reached;
}

/** The volume split into the part that falls inside each tier (empty slices left out). */
export function tierSlices(volume: number, tiers: readonly RebateTier[]): TierSlice[] {
  const slices: TierSlice[] = [];
  tiers.forEach((tier, index) => {
    const upper = index + 1 < tiers.length ? Math.min(volume, tiers[index + 1].fromAmount) : volume;
    const base = upper - tier.fromAmount;
    if (base > 0) slices.push({ tier: index + 1, fromAmount: tier.fromAmount, base, rateBasisPoints: tier.rateBasisPoints });
  });
  return slices;
}

/**
 * Marginal rebate: Σ slice × rate over the exact rational sum, rounded once at the end, so it is
 * within half a cent of the true amount however many tiers the volume crosses.
 */
export function marginalRebate(volume: number, tiers: readonly RebateTier[]): number {
  const exact = tierSlices(volume, tiers).reduce((sum, slice) => sum + BigInt(slice.base) * BigInt(slice.rateBasisPoints), 0n);
  return divideRoundHalfUp(exact, BigInt(WHOLE_BASIS_POINTS));
}

/** Retroactive rebate: the whole volume at the rate of the tier it reached. */
export function retroactiveRebate(volume: number, tiers: readonly RebateTier[]): number {
  const tier = reachedTier(volume, tiers);
  return tier === 0 ? 0 : applyBasisPoints(volume, tiers[tier - 1].rateBasisPoints);
}

export function rebateFor(volume: number, tiers: readonly RebateTier[], mode: TierMode): number {
  return mode === "MARGINAL" ? marginalRebate(volume, tiers) : retroactiveRebate(volume, tiers);
}

export type TierProgress = {
  /** The reached tier (1-based number and its terms), or null below the first tier. */
  current: (RebateTier & { tier: number }) | null;
  /** The next tier up, or null at the top tier. */
  next: (RebateTier & { tier: number }) | null;
  /** Cents of further volume that reach the next tier (0 at the top tier). */
  amountToNext: number;
  /** How far the volume has come from the current tier's threshold to the next one, 0..1 (1 at the top). */
  progress: number;
};

/** "What the next tier takes", for a partner's statement. */
export function tierProgress(volume: number, tiers: readonly RebateTier[]): TierProgress {
  const reached = reachedTier(volume, tiers);
  const current = reached === 0 ? null : { ...tiers[reached - 1], tier: reached };
  const next = reached < tiers.length ? { ...tiers[reached], tier: reached + 1 } : null;
  if (next === null) return { current, next, amountToNext: 0, progress: 1 };
  const floor = current?.fromAmount ?? 0;
  const span = next.fromAmount - floor;
  const progress = span <= 0 ? 0 : Math.min(1, Math.max(0, (volume - floor) / span));
  return { current, next, amountToNext: next.fromAmount - volume, progress };
}

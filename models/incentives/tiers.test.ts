// Rebate tiers at their boundaries: the threshold cent itself reaches the tier, marginal and
// retroactive amounts to the cent, and the statement's "what the next tier takes".
import { describe, expect, it } from "vitest";
import { marginalRebate, reachedTier, retroactiveRebate, tierProgress } from "./tiers.ts";

// 2 % from 0, 3 % from €100,000, 5 % from €250,000 (in cents).
const TIERS = [
  { fromAmount: 0, rateBasisPoints: 200 },
  { fromAmount: 10_000_000, rateBasisPoints: 300 },
  { fromAmount: 25_000_000, rateBasisPoints: 500 },
];

describe("reachedTier", () => {
  it("reaches a tier exactly at its fromAmount, not a cent before", () => {
    expect(reachedTier(0, TIERS)).toBe(1);
    expect(reachedTier(9_999_999, TIERS)).toBe(1);
    expect(reachedTier(10_000_000, TIERS)).toBe(2);
    expect(reachedTier(24_999_999, TIERS)).toBe(2);
    expect(reachedTier(25_000_000, TIERS)).toBe(3);
  });
});

describe("retroactiveRebate", () => {
  it("pays the whole volume at the reached tier's rate", () => {
    expect(retroactiveRebate(9_999_999, TIERS)).toBe(200_000); // 199,999.98 → 200,000
    expect(retroactiveRebate(10_000_000, TIERS)).toBe(300_000);
    expect(retroactiveRebate(18_000_000, TIERS)).toBe(540_000);
  });

  it("rounds half up to the cent", () => {
    expect(retroactiveRebate(25, TIERS)).toBe(1); // 0.5 → 1
    expect(retroactiveRebate(24, TIERS)).toBe(0); // 0.48 → 0
  });
});

describe("marginalRebate", () => {
  it("pays each slice at its own tier's rate", () => {
    expect(marginalRebate(10_000_000, TIERS)).toBe(200_000);
    expect(marginalRebate(10_000_001, TIERS)).toBe(200_000); // + 0.03 cent
    expect(marginalRebate(18_000_000, TIERS)).toBe(200_000 + 240_000);
    expect(marginalRebate(30_000_000, TIERS)).toBe(200_000 + 450_000 + 250_000);
  });

  it("rounds once over the exact sum, not per slice", () => {
    // Slices 0.5 cent + 0.75 cent: per-slice rounding would give 1 + 1 = 2, the exact sum 1.25 → 1.
    const tiers = [{ fromAmount: 0, rateBasisPoints: 5_000 }, { fromAmount: 1, rateBasisPoints: 7_500 }];
    expect(marginalRebate(2, tiers)).toBe(1);
  });
});

describe("tierProgress", () => {
  it("tells what the next tier takes", () => {
    expect(tierProgress(18_000_000, TIERS)).toEqual({
      current: { tier: 2, fromAmount: 10_000_000, rateBasisPoints: 300 },
      next: { tier: 3, fromAmount: 25_000_000, rateBasisPoints: 500 },
      amountToNext: 7_000_000,
      progress: 8 / 15,
    });
  });

  it("starts a tier at progress 0 and ends the top tier at 1", () => {
    expect(tierProgress(10_000_000, TIERS)).toMatchObject({ current: { tier: 2 }, amountToNext: 15_000_000, progress: 0 });
    expect(tierProgress(9_999_999, TIERS)).toMatchObject({ current: { tier: 1 }, amountToNext: 1 });
    expect(tierProgress(25_000_000, TIERS)).toEqual({ current: { tier: 3, fromAmount: 25_000_000, rateBasisPoints: 500 }, next: null, amountToNext: 0, progress: 1 });
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { adjustedRandIndex } from "./adjusted-rand.ts";

describe("adjustedRandIndex", () => {
  it("is 1 for the same partition under other names", () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2, 2], ["b", "b", "c", "c", "a", "a"])).toBe(1);
  });

  it("matches textbook values", () => {
    // scikit-learn's documented example: adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) = 0.57…
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714285715, 12);
    // By hand: index 2, expected 6 × 6 / 15 = 2.4, maximum 6 → (2 − 2.4) / (6 − 2.4) = −1/9, worse than chance.
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 1, 0, 1, 0, 1])).toBeCloseTo(-1 / 9, 12);
  });

  it("is near 0 for random labels", () => {
    const truth = Array.from({ length: 3000 }, (_, i) => i % 4);
    const noise = Array.from({ length: 3000 }, (_, i) => (i * 7919) % 5);
    expect(Math.abs(adjustedRandIndex(truth, noise))).toBeLessThan(0.02);
  });

  it("is symmetric", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { minLength: 2, maxLength: 40 }), (pairs) => {
        const a = pairs.map((p) => p[0]);
        const b = pairs.map((p) => p[1]);
        expect(adjustedRandIndex(a, b)).toBeCloseTo(adjustedRandIndex(b, a), 12);
      }),
    );
  });
});

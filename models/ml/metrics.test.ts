// rocAuc against a brute-force pair count (ties half), its invariances, and the Brier score;
// then against hand-counted pairs and hand arithmetic with 0/1 number labels, as the win model passes them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { brierScore, rocAuc } from "./metrics.ts";

function pairwiseAuc(scores: number[], labels: boolean[]): number {
  let wins = 0;
  let pairs = 0;
  labels.forEach((pos, i) => {
    if (!pos) return;
    labels.forEach((neg, j) => {
      if (neg) return;
      pairs++;
      wins += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

const rows = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.boolean()), { minLength: 2, maxLength: 60 })
  .filter((r) => r.some(([, l]) => l) && r.some(([, l]) => !l));

describe("rocAuc", () => {
  it("is 1 for a perfect ranking, 0 for a reversed one and 0.5 for constant scores", () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [false, false, true, true])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [false, false, true, true])).toBe(0);
    expect(rocAuc([0.3, 0.3, 0.3], [true, false, false])).toBe(0.5);
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBe(0.75);
  });

  it("is null when only one class is present", () => {
    expect(rocAuc([0.1, 0.2], [true, true])).toBeNull();
    expect(rocAuc([], [])).toBeNull();
  });

  it("equals the share of positive–negative pairs ranked right, ties counting half", () => {
    fc.assert(
      fc.property(rows, (r) => {
        const scores = r.map(([s]) => s);
        const labels = r.map(([, l]) => l);
        expect(rocAuc(scores, labels)).toBeCloseTo(pairwiseAuc(scores, labels), 12);
      }),
    );
  });

  it("ignores monotone transforms and mirrors when the labels flip", () => {
    fc.assert(
      fc.property(rows, (r) => {
        const scores = r.map(([s]) => s);
        const labels = r.map(([, l]) => l);
        const auc = rocAuc(scores, labels)!;
        expect(rocAuc(scores.map((s) => Math.exp(s) * 3 + 1), labels)).toBeCloseTo(auc, 12);
        expect(rocAuc(scores, labels.map((l) => !l))).toBeCloseTo(1 - auc, 12);
      }),
    );
  });
});

describe("brierScore", () => {
  it("is the mean squared error of the probabilities", () => {
    expect(brierScore([1, 0], [true, false])).toBe(0);
    expect(brierScore([0.5, 0.5], [true, false])).toBe(0.25);
    expect(brierScore([0.8, 0.3], [true, false])).toBeCloseTo((0.04 + 0.09) / 2, 12);
    expect(brierScore([], [])).toBeNull();
  });
});

describe("with 0/1 number labels", () => {
  describe("rocAuc", () => {
    it("is 1 for a perfect ranking, 0 for a reversed one and 0.5 when every score ties", () => {
      expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
      expect(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
      expect(rocAuc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
    });

    it("counts tied positive–negative pairs as one half", () => {
      // Pairs (pos, neg): (0.6, 0.3) win, (0.6, 0.6) tie, (0.4, 0.3) win, (0.4, 0.6) loss → (2 + 0.5) / 4.
      expect(rocAuc([0.3, 0.6, 0.6, 0.4], [0, 0, 1, 1])).toBe(0.625);
    });

    it("matches counting every pair on a larger sample", () => {
      const scores = Array.from({ length: 60 }, (_, i) => Math.round(Math.sin(i * 7.3) * 5) / 5);
      const labels = scores.map((_, i) => (Math.cos(i * 3.1) > 0 ? 1 : 0));
      let wins = 0;
      let pairs = 0;
      scores.forEach((p, i) => scores.forEach((n, j) => {
        if (labels[i] === 1 && labels[j] === 0) {
          pairs++;
          wins += p > n ? 1 : p === n ? 0.5 : 0;
        }
      }));
      expect(rocAuc(scores, labels)).toBeCloseTo(wins / pairs, 12);
    });

    it("is null without both classes", () => {
      expect(rocAuc([0.2, 0.4], [1, 1])).toBeNull();
      expect(rocAuc([], [])).toBeNull();
    });
  });

  describe("brierScore", () => {
    it("is the mean squared error of the probabilities", () => {
      expect(brierScore([1, 0], [1, 0])).toBe(0);
      expect(brierScore([0.8, 0.3], [1, 0])).toBeCloseTo((0.04 + 0.09) / 2, 12);
      expect(brierScore([0.5, 0.5, 0.5], [1, 0, 1])).toBeCloseTo(0.25, 12);
      expect(brierScore([], [])).toBeNull();
    });
  });
});

// rocAuc against hand-counted pairs (ties count half) and brierScore against hand arithmetic.
import { describe, expect, it } from "vitest";
import { brierScore, rocAuc } from "./metrics.ts";

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

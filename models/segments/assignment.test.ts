import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { minimumCostAssignment } from "./assignment.ts";

function bruteForce(cost: number[][]): number {
  const m = cost[0].length;
  const best = (row: number, used: Set<number>): number => {
    if (row === cost.length) return 0;
    let min = Infinity;
    for (let j = 0; j < m; j++) {
      if (used.has(j)) continue;
      used.add(j);
      min = Math.min(min, cost[row][j] + best(row + 1, used));
      used.delete(j);
    }
    return min;
  };
  return best(0, new Set());
}

describe("minimumCostAssignment", () => {
  it("solves a classic example", () => {
    expect(minimumCostAssignment([[4, 1, 3], [2, 0, 5], [3, 2, 2]])).toEqual([1, 0, 2]);
  });

  it("finds the least total cost, each column used once, also with more columns than rows", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 2 }), fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 35, maxLength: 35 }), (n, extra, values) => {
        const m = n + extra;
        const cost = Array.from({ length: n }, (_, i) => values.slice(i * m, i * m + m));
        const columns = minimumCostAssignment(cost);
        expect(new Set(columns).size).toBe(n);
        expect(columns.reduce((s, j, i) => s + cost[i][j], 0)).toBe(bruteForce(cost));
      }),
    );
  });
});

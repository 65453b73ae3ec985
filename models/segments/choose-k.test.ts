import { describe, expect, it } from "vitest";
import { adjustedRandIndex } from "./adjusted-rand.ts";
import { gaussianBlobs } from "./blobs.ts";
import { bestK, candidateKs, chooseK } from "./choose-k.ts";

describe("choosing k", () => {
  it.each([3, 5, 7])("finds %i planted blobs", (clusters) => {
    const blobs = gaussianBlobs({ clusters, perCluster: 40, dimensions: 4, spread: 0.6, seed: clusters });
    const choice = chooseK(blobs.rows, { seed: 1 });
    expect(choice.clustering.k).toBe(clusters);
    expect(adjustedRandIndex(blobs.labels, choice.clustering.assignments)).toBe(1);
    expect(choice.tried.map((t) => t.k)).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it("prefers the smaller k on a tie", () => {
    expect(bestK([{ k: 3, silhouette: 0.5, inertia: 9 }, { k: 4, silhouette: 0.5004, inertia: 8 }, { k: 5, silhouette: 0.2, inertia: 7 }])).toBe(3);
    expect(bestK([{ k: 3, silhouette: 0.5, inertia: 9 }, { k: 4, silhouette: 0.52, inertia: 8 }])).toBe(4);
  });

  it("clips the range to what the rows allow and honours a fixed k", () => {
    const five = [[0], [1], [2], [3], [4]];
    expect(candidateKs(five)).toEqual([3, 4]);
    expect(candidateKs(five, 2)).toEqual([2]);
    expect(() => candidateKs([[0], [0], [0], [1], [1]])).toThrow(/at least 4 rows with 3 distinct/);
    expect(() => candidateKs(five, 5)).toThrow(/k = 5 needs more than 5 distinct rows/);
  });
});

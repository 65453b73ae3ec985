import { describe, expect, it } from "vitest";
import { gaussianBlobs } from "./blobs.ts";
import { silhouetteSample, silhouetteScore } from "./silhouette.ts";

describe("silhouette", () => {
  it("matches a hand computation", () => {
    // Row 0: a = 1, b = mean(4, 5) = 4.5 → 1 - 1/4.5; row 1: a = 1, b = mean(3, 4) = 3.5 → 1 - 1/3.5;
    // row 2: a = 1, b = 3.5; row 3: a = 1, b = 4.5.
    const points = [[0], [1], [4], [5]];
    const expected = ((1 - 1 / 4.5) * 2 + (1 - 1 / 3.5) * 2) / 4;
    expect(silhouetteScore(points, [0, 0, 1, 1])).toBeCloseTo(expected, 12);
  });

  it("gives a singleton cluster 0 and a single cluster 0 overall", () => {
    expect(silhouetteScore([[0], [1], [10]], [0, 0, 1])).toBeCloseTo(((1 - 1 / 10) + (1 - 1 / 9) + 0) / 3, 12);
    expect(silhouetteScore([[0], [1], [2]], [0, 0, 0])).toBe(0);
  });

  it("is high for separated blobs and low for a wrong split", () => {
    const blobs = gaussianBlobs({ clusters: 3, perCluster: 50, dimensions: 2, spread: 0.5, seed: 2 });
    expect(silhouetteScore(blobs.rows, blobs.labels)).toBeGreaterThan(0.7);
    expect(silhouetteScore(blobs.rows, blobs.rows.map((_, i) => Math.floor(i / 3) % 3))).toBeLessThan(0.05);
  });

  it("samples deterministically above the limit and stays close to the exact value", () => {
    const blobs = gaussianBlobs({ clusters: 3, perCluster: 400, dimensions: 2, spread: 2, seed: 4 });
    const exact = silhouetteScore(blobs.rows, blobs.labels, { maxSample: 5_000 });
    const sampled = silhouetteScore(blobs.rows, blobs.labels, { maxSample: 500, seed: 1 });
    expect(silhouetteSample(blobs.rows, { maxSample: 500, seed: 1 }).rows).toHaveLength(500);
    expect(silhouetteScore(blobs.rows, blobs.labels, { maxSample: 500, seed: 1 })).toBe(sampled);
    expect(Math.abs(sampled - exact)).toBeLessThan(0.05);
  });
});

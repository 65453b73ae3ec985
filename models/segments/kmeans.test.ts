import { describe, expect, it } from "vitest";
import { adjustedRandIndex } from "./adjusted-rand.ts";
import { gaussianBlobs } from "./blobs.ts";
import { assignToCentroids, clusterOnce, clusterWithRestarts, kmeansPlusPlus } from "./kmeans.ts";

describe("k-means with restarts", () => {
  const blobs = gaussianBlobs({ clusters: 4, perCluster: 60, dimensions: 3, spread: 0.8, seed: 3 });

  it("recovers well-separated blobs", () => {
    const result = clusterWithRestarts(blobs.rows, 4, { seed: 1 });
    expect(adjustedRandIndex(blobs.labels, result.assignments)).toBe(1);
    expect(result.centroids).toHaveLength(4);
  });

  it("keeps the restart with the lowest inertia", () => {
    const singles = Array.from({ length: 10 }, (_, r) => clusterOnce(blobs.rows, 6, 100 + r).inertia);
    const best = clusterWithRestarts(blobs.rows, 6, { seed: 100, restarts: 10 });
    expect(best.inertia).toBe(Math.min(...singles));
    expect(singles.indexOf(best.inertia)).toBe(best.seed - 100);
  });

  it("is reproducible for a seed, and its inertia is the sum of squared distances", () => {
    const a = clusterWithRestarts(blobs.rows, 5, { seed: 9, restarts: 3 });
    const b = clusterWithRestarts(blobs.rows, 5, { seed: 9, restarts: 3 });
    expect(b).toEqual(a);
    expect(a.inertia).toBeCloseTo(a.distances.reduce((s, d) => s + d * d, 0), 6);
    expect(assignToCentroids(blobs.rows, a.centroids).assignments).toEqual(a.assignments);
  });

  it("seeds k-means++ with distinct data points", () => {
    const centres = kmeansPlusPlus(blobs.rows, 4, 5);
    expect(new Set(centres.map((c) => c.join())).size).toBe(4);
    for (const c of centres) expect(blobs.rows.some((r) => r.join() === c.join())).toBe(true);
  });

  it("refuses a k larger than the rows", () => {
    expect(() => clusterWithRestarts([[1], [2]], 3)).toThrow(/k must be between 1 and the number of rows \(2\)/);
  });
});

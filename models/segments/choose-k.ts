// Choosing the number of segments: cluster at each k in the range (with restarts) and keep the
// k whose clustering has the highest silhouette; a difference under TIE_TOLERANCE is noise, and
// the smaller k wins it (fewer segments are easier to act on).
import { clusterWithRestarts, DEFAULT_SEED, type Clustering, type RestartOptions } from "./kmeans.ts";
import { silhouetteOf, silhouetteSample, SILHOUETTE_SAMPLE } from "./silhouette.ts";

export const K_RANGE: readonly [number, number] = [3, 8];
export const TIE_TOLERANCE = 1e-3;

export type KTried = { k: number; silhouette: number; inertia: number };

export type KChoice = { clustering: Clustering; silhouette: number; tried: KTried[] };

export type ChooseKOptions = RestartOptions & {
  /** "auto" picks by silhouette in K_RANGE; a number forces that k. */
  k?: "auto" | number;
  silhouetteSample?: number;
};

/** Rows that are not all equal to an earlier row: k can never usefully exceed this. */
function distinctRowCount(points: readonly number[][]): number {
  return new Set(points.map((row) => row.join(","))).size;
}

/** The k to try: the range clipped to what the data allows (k < rows, k ≤ distinct rows). */
export function candidateKs(points: readonly number[][], k: "auto" | number = "auto"): number[] {
  const distinct = distinctRowCount(points);
  if (k !== "auto") {
    if (!Number.isInteger(k) || k < 2) throw new Error(`k must be a whole number of at least 2; got ${k}`);
    if (k >= points.length || k > distinct) throw new Error(`k = ${k} needs more than ${k} distinct rows; the data has ${points.length} rows, ${distinct} distinct`);
    return [k];
  }
  const high = Math.min(K_RANGE[1], points.length - 1, distinct);
  if (high < K_RANGE[0]) throw new Error(`Choosing k needs at least ${K_RANGE[0] + 1} rows with ${K_RANGE[0]} distinct; the data has ${points.length} rows, ${distinct} distinct`);
  return Array.from({ length: high - K_RANGE[0] + 1 }, (_, i) => K_RANGE[0] + i);
}

/** Picks the best silhouette, preferring the smaller k within TIE_TOLERANCE. */
export function bestK(tried: readonly KTried[]): number {
  const sorted = [...tried].sort((a, b) => a.k - b.k);
  let best = sorted[0];
  for (const t of sorted.slice(1)) if (t.silhouette > best.silhouette + TIE_TOLERANCE) best = t;
  return best.k;
}

export function chooseK(points: number[][], options: ChooseKOptions = {}): KChoice {
  const ks = candidateKs(points, options.k);
  const sample = silhouetteSample(points, { maxSample: options.silhouetteSample ?? SILHOUETTE_SAMPLE, seed: options.seed ?? DEFAULT_SEED });
  const results = ks.map((k) => {
    const clustering = clusterWithRestarts(points, k, options);
    return { clustering, tried: { k, silhouette: silhouetteOf(sample, clustering.assignments, k), inertia: clustering.inertia } };
  });
  const k = bestK(results.map((r) => r.tried));
  const chosen = results.find((r) => r.tried.k === k)!;
  return { clustering: chosen.clustering, silhouette: chosen.tried.silhouette, tried: results.map((r) => r.tried) };
}

// Silhouette: how much nearer each row is to its own cluster than to the next-best one
// (−1..1, higher is better). Exact up to `maxSample` rows; above that, computed on a seeded
// sample of rows (as scikit-learn's `sample_size` does), the same sample for every k tried.
import { sampleIndexes, seededRandom } from "../ml/random.ts";

export const SILHOUETTE_SAMPLE = 3_000;

/** Pairwise distances of the (sampled) rows, computed once and reused for every labelling. */
export type SilhouetteSample = {
  /** Indexes of the rows in the sample, increasing. */
  rows: number[];
  /** Condensed upper triangle: distance(i, j) for i < j at i * n - i * (i + 1) / 2 + (j - i - 1). */
  distances: Float64Array;
};

function euclidean(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let j = 0; j < a.length; j++) {
    const d = a[j] - b[j];
    sum += d * d;
  }
  return Math.sqrt(sum);
}

export function silhouetteSample(points: readonly number[][], options: { maxSample?: number; seed?: number } = {}): SilhouetteSample {
  const { maxSample = SILHOUETTE_SAMPLE, seed = 7 } = options;
  const rows = points.length > maxSample ? sampleIndexes(points.length, maxSample, seededRandom(seed)) : points.map((_, i) => i);
  const n = rows.length;
  const distances = new Float64Array((n * (n - 1)) / 2);
  let at = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) distances[at++] = euclidean(points[rows[i]], points[rows[j]]);
  }
  return { rows, distances };
}

/** Mean silhouette of the sample under `labels` (one per row of the full table); 0 with fewer than two clusters. */
export function silhouetteOf(sample: SilhouetteSample, labels: readonly number[], k: number): number {
  const n = sample.rows.length;
  const own = sample.rows.map((row) => labels[row]);
  const sizes = new Array<number>(k).fill(0);
  for (const label of own) sizes[label]++;
  if (sizes.filter((s) => s > 0).length < 2) return 0;
  // sums[i * k + c]: total distance from sampled row i to the sampled rows of cluster c.
  const sums = new Float64Array(n * k);
  let at = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = sample.distances[at++];
      sums[i * k + own[j]] += d;
      sums[j * k + own[i]] += d;
    }
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const mine = own[i];
    if (sizes[mine] === 1) continue; // a singleton's silhouette is 0 by convention
    const a = sums[i * k + mine] / (sizes[mine] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== mine && sizes[c] > 0) b = Math.min(b, sums[i * k + c] / sizes[c]);
    const spread = Math.max(a, b);
    total += spread > 0 ? (b - a) / spread : 0;
  }
  return total / n;
}

/** Silhouette of one labelling (exact up to `maxSample` rows). */
export function silhouetteScore(points: readonly number[][], labels: readonly number[], options: { maxSample?: number; seed?: number } = {}): number {
  const k = labels.reduce((m, l) => Math.max(m, l), -1) + 1;
  return silhouetteOf(silhouetteSample(points, options), labels, k);
}

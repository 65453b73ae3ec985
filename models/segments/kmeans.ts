// k-means with restarts: each restart seeds k-means++ from its own seed and hands the centres to
// ml-kmeans (which runs one start per call) for Lloyd's iterations; the restart with the lowest
// inertia (sum of squared distances to the centroids) wins. The seeding is ours, passed through
// ml-kmeans' `initialization` option, because ml-kmeans' own k-means++ allocates a row per
// distance and took a third of the time on 10,000 partners. Iterations stop when no centroid
// moves (squared) more than 1e-4 × the mean column variance: scikit-learn's default tolerance.
import { kmeans } from "ml-kmeans";
import { seededRandom } from "../ml/random.ts";

export type Clustering = {
  k: number;
  /** Cluster of each row, 0..k-1. */
  assignments: number[];
  centroids: number[][];
  /** Euclidean distance of each row to its centroid. */
  distances: number[];
  inertia: number;
  /** The seed of the restart that won. */
  seed: number;
};

export type RestartOptions = { restarts?: number; seed?: number; maxIterations?: number };

export const DEFAULT_RESTARTS = 10;
export const DEFAULT_SEED = 42;

function squaredDistance(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let j = 0; j < a.length; j++) {
    const d = a[j] - b[j];
    sum += d * d;
  }
  return sum;
}

function pickWeighted(weights: Float64Array, total: number, random: () => number): number {
  let target = random() * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i];
    if (target < 0) return i;
  }
  return weights.length - 1;
}

/**
 * Greedy k-means++ (as scikit-learn does it): each next centre is the best of 2 + ln k candidates
 * drawn in proportion to the squared distance to the nearest centre so far.
 */
export function kmeansPlusPlus(points: readonly number[][], k: number, seed: number): number[][] {
  const random = seededRandom(seed);
  const n = points.length;
  const trials = 2 + Math.floor(Math.log(k));
  const centres = [points[Math.floor(random() * n)]];
  let closest: Float64Array = Float64Array.from(points, (p) => squaredDistance(p, centres[0]));
  let potential = closest.reduce((s, v) => s + v, 0);
  while (centres.length < k) {
    let best: { index: number; potential: number; closest: Float64Array } | null = null;
    for (let t = 0; t < trials; t++) {
      const index = potential > 0 ? pickWeighted(closest, potential, random) : Math.floor(random() * n);
      const candidate = new Float64Array(n);
      let candidatePotential = 0;
      for (let i = 0; i < n; i++) {
        candidate[i] = Math.min(closest[i], squaredDistance(points[i], points[index]));
        candidatePotential += candidate[i];
      }
      if (best === null || candidatePotential < best.potential) best = { index, potential: candidatePotential, closest: candidate };
    }
    centres.push(points[best!.index]);
    closest = best!.closest;
    potential = best!.potential;
  }
  return centres.map((c) => [...c]);
}

/** Each row's nearest centroid, the distance to it, and the inertia. */
export function assignToCentroids(points: readonly number[][], centroids: readonly number[][]): Pick<Clustering, "assignments" | "distances" | "inertia"> {
  const assignments = new Array<number>(points.length);
  const distances = new Array<number>(points.length);
  let inertia = 0;
  for (let i = 0; i < points.length; i++) {
    let best = 0;
    let bestDistance = Infinity;
    for (let c = 0; c < centroids.length; c++) {
      const d = squaredDistance(points[i], centroids[c]);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    assignments[i] = best;
    distances[i] = Math.sqrt(bestDistance);
    inertia += bestDistance;
  }
  return { assignments, distances, inertia };
}

/** scikit-learn's default: 1e-4 × the mean variance of the columns. */
function convergenceTolerance(points: readonly number[][]): number {
  const width = points[0]?.length ?? 0;
  if (width === 0) return 1e-4;
  let variance = 0;
  for (let j = 0; j < width; j++) {
    let sum = 0;
    let squares = 0;
    for (const row of points) {
      sum += row[j];
      squares += row[j] * row[j];
    }
    const mean = sum / points.length;
    variance += Math.max(0, squares / points.length - mean * mean);
  }
  return (1e-4 * variance) / width || 1e-12;
}

/** One seeded k-means++ start refined by ml-kmeans. */
export function clusterOnce(points: number[][], k: number, seed: number, options: { maxIterations?: number; tolerance?: number } = {}): Clustering {
  const { maxIterations = 300, tolerance = convergenceTolerance(points) } = options;
  const result = kmeans(points, k, { initialization: kmeansPlusPlus(points, k, seed), seed, maxIterations, tolerance });
  return { k, centroids: result.centroids, ...assignToCentroids(points, result.centroids), seed };
}

/** The lowest-inertia clustering of `restarts` seeded starts (seeds seed, seed + 1, …). */
export function clusterWithRestarts(points: number[][], k: number, options: RestartOptions = {}): Clustering {
  const { restarts = DEFAULT_RESTARTS, seed = DEFAULT_SEED, maxIterations } = options;
  if (!Number.isInteger(k) || k < 1 || k > points.length) throw new Error(`k must be between 1 and the number of rows (${points.length}); got ${k}`);
  const tolerance = convergenceTolerance(points);
  let best: Clustering | null = null;
  for (let r = 0; r < restarts; r++) {
    const candidate = clusterOnce(points, k, seed + r, { maxIterations, tolerance });
    if (best === null || candidate.inertia < best.inertia) best = candidate;
  }
  return best!;
}

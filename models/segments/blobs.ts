// Synthetic clusters with known labels (isotropic Gaussian blobs, like scikit-learn's
// make_blobs), seeded, for tests and bench/segments.
import { seededRandom } from "../ml/random.ts";

export type Blobs = { rows: number[][]; labels: number[] };

export type BlobOptions = {
  clusters: number;
  perCluster: number;
  dimensions: number;
  /** Standard deviation of each blob. */
  spread?: number;
  /** Least distance between two centres (drawn uniformly in [-10, 10] per dimension); default 8 × spread. */
  separation?: number;
  seed?: number;
};

/** Standard normal numbers (Box–Muller) from a uniform generator. */
export function normalFrom(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function distance(a: readonly number[], b: readonly number[]): number {
  return Math.sqrt(a.reduce((s, v, j) => s + (v - b[j]) ** 2, 0));
}

export function gaussianBlobs({ clusters, perCluster, dimensions, spread = 1, separation = 8 * spread, seed = 1 }: BlobOptions): Blobs {
  const random = seededRandom(seed);
  const normal = normalFrom(random);
  const centres: number[][] = [];
  for (let attempt = 0; centres.length < clusters; attempt++) {
    if (attempt > 10_000) throw new Error(`Cannot place ${clusters} centres ${separation} apart in ${dimensions} dimensions`);
    const centre = Array.from({ length: dimensions }, () => random() * 20 - 10);
    if (centres.every((c) => distance(c, centre) >= separation)) centres.push(centre);
  }
  const rows: number[][] = [];
  const labels: number[] = [];
  // Interleaved, so the input order says nothing about the clusters.
  for (let i = 0; i < perCluster; i++) {
    centres.forEach((centre, label) => {
      rows.push(centre.map((c) => c + spread * normal()));
      labels.push(label);
    });
  }
  return { rows, labels };
}

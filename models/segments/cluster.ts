// The one clustering path shared by the nightly partner segments, `npm run segment` and
// bench/segments: scale the columns, run k-means with restarts at each candidate k, keep the k
// with the best silhouette, and report centroids both scaled and in the table's own units.
import { chooseK, type ChooseKOptions, type KTried } from "./choose-k.ts";
import { fitRobustScaler, fitStandardScaler, scaleRows, type Scaler } from "./scaling.ts";

export type Scaling = "robust" | "standard";

export type TableClustering = {
  k: number;
  silhouette: number;
  /** Cluster of each row, in input order. */
  assignments: number[];
  /** Each row's distance to its centroid, in scaled units. */
  distances: number[];
  sizes: number[];
  /** Centroids in scaled units (0 = the column's centre). */
  scaledCentroids: number[][];
  /**
   * Centroids in the units of the input columns: each cluster's mean of its rows as given, so
   * clipping in the scaled space (scaling.ts) does not pull an extreme cluster's centre inwards.
   */
  centroids: number[][];
  scaler: Scaler;
  tried: KTried[];
  /** The seed of the winning restart. */
  seed: number;
};

export type ClusterTableOptions = ChooseKOptions & { scaling?: Scaling };

/** Each cluster's mean row (a cluster with no rows keeps NaN, which k-means never leaves). */
function clusterMeans(rows: readonly (readonly number[])[], assignments: readonly number[], k: number): number[][] {
  const width = rows[0].length;
  const sums = Array.from({ length: k }, () => new Array<number>(width).fill(0));
  const counts = new Array<number>(k).fill(0);
  rows.forEach((row, i) => {
    counts[assignments[i]]++;
    row.forEach((v, j) => (sums[assignments[i]][j] += v));
  });
  return sums.map((sum, c) => sum.map((v) => v / counts[c]));
}

export function clusterTable(rows: readonly number[][], options: ClusterTableOptions = {}): TableClustering {
  if (rows.length === 0) throw new Error("Nothing to cluster: the table has no rows");
  const bad = rows.findIndex((row) => row.some((v) => !Number.isFinite(v)));
  if (bad >= 0) throw new Error(`Row ${bad + 1} holds a value that is not a finite number`);
  const scaler = (options.scaling ?? "robust") === "robust" ? fitRobustScaler(rows) : fitStandardScaler(rows);
  const points = scaleRows(scaler, rows);
  const { clustering, silhouette, tried } = chooseK(points, options);
  const sizes = new Array<number>(clustering.k).fill(0);
  for (const a of clustering.assignments) sizes[a]++;
  return {
    k: clustering.k,
    silhouette,
    assignments: clustering.assignments,
    distances: clustering.distances,
    sizes,
    scaledCentroids: clustering.centroids,
    centroids: clusterMeans(rows, clustering.assignments, clustering.k),
    scaler,
    tried,
    seed: clustering.seed,
  };
}

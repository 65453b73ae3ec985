// Partners' segments from their features, without I/O: cluster the feature vectors (log1p, robust
// scaling, restarts, k by silhouette), keep the previous run's labels where the centroids still
// match, name the rest, describe each segment, and order segments by typical revenue.
import { clusterTable, type TableClustering } from "./cluster.ts";
import { matchPreviousLabels, type PreviousSegment } from "./matching.ts";
import { describeSegment, nameSegments } from "./naming.ts";
import { scaleRows } from "./scaling.ts";
import { fromModelSpace, overallWinRate, segmentFeatureValues, toModelSpace, type FeatureValues, type PartnerFeatureRow } from "./segment-features.ts";

export type Segment = {
  index: number;
  label: string;
  description: string;
  size: number;
  /** In original units (money in cents, ratios as fractions). */
  centroid: FeatureValues;
  /** True when the label was carried over from the previous run. */
  kept: boolean;
};

export type PartnerSegment = { partnerOrgId: string; segmentIndex: number; distance: number; values: FeatureValues };

export type PartnerSegmentation = {
  clustering: TableClustering;
  segments: Segment[];
  partners: PartnerSegment[];
  /** The median partner, in original units: what descriptions compare with. */
  median: FeatureValues;
};

export type SegmentationOptions = { seed?: number; restarts?: number; k?: "auto" | number };

/** The previous run's segments as stored (label and centroid in original units). */
export type StoredSegment = { label: string; centroid: FeatureValues };

export function segmentPartners(rows: readonly PartnerFeatureRow[], previous: readonly StoredSegment[], options: SegmentationOptions = {}): PartnerSegmentation {
  const prior = overallWinRate(rows);
  const values = rows.map((row) => segmentFeatureValues(row, prior));
  const clustering = clusterTable(values.map(toModelSpace), { ...options, scaling: "robust" });
  const previousScaled: PreviousSegment[] = previous.map((s) => ({ label: s.label, scaled: scaleRows(clustering.scaler, [toModelSpace(s.centroid)])[0] }));
  const kept = matchPreviousLabels(clustering.scaledCentroids, previousScaled);
  const profiles = clustering.scaledCentroids.map((scaled, c) => ({ scaled, centroid: fromModelSpace(clustering.centroids[c]) }));
  const labels = nameSegments(profiles, kept);
  const median = fromModelSpace(clustering.scaler.center);
  // Biggest typical revenue first, so lists read from the strongest segment down.
  const order = profiles.map((_, c) => c).sort((a, b) => profiles[b].centroid.revenue - profiles[a].centroid.revenue || a - b);
  const indexOf = new Map(order.map((c, index) => [c, index]));
  const segments = order.map((c, index) => ({
    index,
    label: labels[c],
    description: describeSegment(profiles[c], median),
    size: clustering.sizes[c],
    centroid: profiles[c].centroid,
    kept: kept[c] !== null,
  }));
  const partners = rows.map((row, i) => ({
    partnerOrgId: row.partnerOrgId,
    segmentIndex: indexOf.get(clustering.assignments[i])!,
    distance: clustering.distances[i],
    values: values[i],
  }));
  return { clustering, segments, partners, median };
}

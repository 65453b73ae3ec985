// The channel health radar: each segment's centroid on every feature, scaled to 0–100 across the
// segments (the lowest segment 0, the highest 100), so features in euros and in counts share one
// chart. Pure, so the browser can draw it from the run's centroids.
import type { SegmentSummary } from "./segment-runs.ts";

/** One spoke of the radar: the feature and each segment's scaled value, keyed by segment label. */
export type RadarAxis = { feature: string; values: Record<string, number> };

/** Features in the order first seen across the segments' centroids. */
function featuresOf(segments: readonly SegmentSummary[]): string[] {
  const seen = new Set<string>();
  for (const segment of segments) for (const feature of Object.keys(segment.centroid)) seen.add(feature);
  return [...seen];
}

export function radarAxes(segments: readonly SegmentSummary[]): RadarAxis[] {
  return featuresOf(segments).map((feature) => {
    const present = segments.filter((s) => Number.isFinite(s.centroid[feature]));
    const raw = present.map((s) => s.centroid[feature]);
    const min = Math.min(...raw);
    const max = Math.max(...raw);
    const values: Record<string, number> = {};
    for (const segment of present) {
      // A feature on which every segment sits at the same value tells them apart by nothing: mid-scale.
      values[segment.label] = max === min ? 50 : Math.round(((segment.centroid[feature] - min) / (max - min)) * 100);
    }
    return { feature, values };
  });
}

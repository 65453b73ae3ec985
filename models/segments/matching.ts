// Stable segment labels: this run's centroids are matched one-to-one to the previous run's (in
// this run's scaled units) with the least total distance, and a match keeps the old label when
// the new centroid lies nearer to the old one than half-way to any other old centroid. So noise
// that nudges centroids keeps every label; a segment that really moved gets a fresh name.
import { minimumCostAssignment } from "./assignment.ts";

export type PreviousSegment = { label: string; scaled: readonly number[] };

function distance(a: readonly number[], b: readonly number[]): number {
  return Math.sqrt(a.reduce((s, v, j) => s + (v - b[j]) ** 2, 0));
}

/** For each current centroid, the previous label it keeps, or null when it gets a new name. */
export function matchPreviousLabels(current: readonly (readonly number[])[], previous: readonly PreviousSegment[]): (string | null)[] {
  if (previous.length === 0) return current.map(() => null);
  const size = Math.max(current.length, previous.length);
  const unmatched = 1e9;
  // Square cost matrix; padded rows or columns stand for "no partner" at a prohibitive cost.
  const cost = Array.from({ length: size }, (_, i) =>
    Array.from({ length: size }, (_, j) => (i < current.length && j < previous.length ? distance(current[i], previous[j].scaled) : unmatched)),
  );
  const reach = previous.map((p, j) => {
    const nearestOther = Math.min(...previous.filter((_, o) => o !== j).map((o) => distance(p.scaled, o.scaled)));
    return Number.isFinite(nearestOther) ? nearestOther / 2 : Infinity;
  });
  const columns = minimumCostAssignment(cost);
  return current.map((_, i) => {
    const j = columns[i];
    return j < previous.length && cost[i][j] < reach[j] ? previous[j].label : null;
  });
}

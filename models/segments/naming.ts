// Business names and one-line descriptions of segments, read from their centroids. A centroid is
// compared with the overall median in scaled units (0 = the median partner, ±1 = one
// interquartile range away). Each name has a profile of what it expects; names are handed out
// one per segment so the total fit is best (no two segments of a run share a name).
import { minimumCostAssignment } from "./assignment.ts";
import { SEGMENT_FEATURES, type FeatureValues, type SegmentFeature, type SegmentFeatureKey } from "./segment-features.ts";

export type SegmentProfile = {
  /** The centroid in scaled units, one value per SEGMENT_FEATURES entry. */
  scaled: readonly number[];
  /** The centroid in original units. */
  centroid: FeatureValues;
};

type NameProfile = {
  name: string;
  /** Rewarded in proportion to the scaled value (positive: above the median is better). */
  weights: Partial<Record<SegmentFeatureKey, number>>;
  /** Rewarded for staying near the median on these features. */
  near?: Partial<Record<SegmentFeatureKey, number>>;
  /** A head start (positive: a good default) or a hurdle (negative: needs a clear signal). */
  base?: number;
};

export const SEGMENT_NAMES: readonly NameProfile[] = [
  { name: "Strategic champion", weights: { revenue: 1.5, winRate: 1, breadth: 1, demos: 0.5, growth: 0.3 } },
  { name: "High-potential growth", weights: { growth: 2, enablement: 1, logins: 0.5 } },
  { name: "Steady contributor", weights: { revenue: 0.5, winRate: 0.5 }, near: { growth: 0.5 }, base: 0.5 },
  { name: "Opportunity-driven", weights: { deals: 1, winRate: -1.5, revenue: -0.5, enablement: -0.5 } },
  { name: "Dormant — at risk", weights: { growth: -1.5, logins: -1.5, enablement: -0.5, demos: -0.5 } },
  { name: "Onboarding prospect", weights: { revenue: -1.5, deals: -1, enablement: 0.5 } },
  { name: "Low-touch long tail", weights: { revenue: -1, logins: -1, deals: -0.5 } },
  { name: "Enablement-led", weights: { enablement: 1.5, demos: 0.5, revenue: -0.3 } },
  { name: "Large but slowing", weights: { revenue: 1, growth: -1 }, base: -0.5 },
  { name: "Core partner", weights: {}, near: { revenue: 0.3, growth: 0.3, winRate: 0.3, logins: 0.3 }, base: 0.3 },
];

/** Scaled values beyond this are clipped, so one extreme feature does not decide a name alone. */
const CLIP = 3;
/** A feature sets a segment apart when its centroid is at least this far from the median (scaled). */
const DISTINCT = 0.5;

const clip = (v: number) => Math.max(-CLIP, Math.min(CLIP, v));

function nameFit(profile: NameProfile, scaled: readonly number[]): number {
  return SEGMENT_FEATURES.reduce((score, f, j) => {
    const z = clip(scaled[j]);
    return score + (profile.weights[f.key] ?? 0) * z - (profile.near?.[f.key] ?? 0) * Math.abs(z);
  }, profile.base ?? 0);
}

/**
 * A name per segment. `kept[i]`, when given, is segment i's label from the previous run (see
 * matching.ts); the other segments get the best-fitting names nobody kept.
 */
export function nameSegments(profiles: readonly SegmentProfile[], kept: readonly (string | null)[] = []): string[] {
  const names = profiles.map((_, i) => kept[i] ?? null);
  const open = profiles.flatMap((p, i) => (names[i] === null ? [{ p, i }] : []));
  const free = SEGMENT_NAMES.filter((n) => !names.includes(n.name));
  if (open.length === 0) return names as string[];
  const cost = open.map(({ p }) => free.map((n) => -nameFit(n, p.scaled)));
  // More open segments than free names only happens with labels from an older naming scheme.
  const padded = cost.map((row) => [...row, ...open.map(() => 1e6)]);
  minimumCostAssignment(padded).forEach((column, r) => {
    names[open[r].i] = column < free.length ? free[column].name : uniqueFallback(names);
  });
  return names as string[];
}

function uniqueFallback(names: readonly (string | null)[]): string {
  for (let n = 1; ; n++) if (!names.includes(`Segment ${n}`)) return `Segment ${n}`;
}

const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });
const oneDecimal = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

/** A feature value for people: money compact ("2.3M"), ratios in % (growth signed), counts with one decimal. */
export function formatFeature(feature: Pick<SegmentFeature, "key" | "unit">, value: number): string {
  if (feature.unit === "money") return compact.format(value / 100);
  if (feature.unit === "ratio") {
    const percent = Math.round(value * 100);
    return feature.key === "growth" && percent > 0 ? `+${percent} %` : `${percent} %`;
  }
  return oneDecimal.format(value);
}

/**
 * What sets the segment apart: its (up to three) features furthest from the median partner,
 * in original units against the median, e.g. "Higher revenue (12 months) (2.3M vs 640K median)".
 */
export function describeSegment(profile: SegmentProfile, median: FeatureValues): string {
  const standouts = SEGMENT_FEATURES.map((f, j) => ({ f, z: profile.scaled[j] }))
    .filter(({ z }) => Math.abs(z) >= DISTINCT)
    .sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
    .slice(0, 3);
  if (standouts.length === 0) return "Close to the median partner on every measure";
  const parts = standouts.map(({ f, z }) => `${z > 0 ? "higher" : "lower"} ${f.noun} (${formatFeature(f, profile.centroid[f.key])} vs ${formatFeature(f, median[f.key])} median)`);
  const sentence = parts.join(", ");
  return sentence[0].toUpperCase() + sentence.slice(1);
}

// What partners are clustered on, in business words, and how each stored feature becomes a
// number k-means can use. Money and counts are skewed (a few partners are huge), so they are
// clustered as log1p(value) before robust scaling; centroids are mapped back with expm1, so a
// centroid's revenue is a typical (geometric-mean-like) value of its segment, not an average
// pulled up by its largest member.
import type { PartnerFeatures } from "../partners/features.ts";

export type SegmentFeatureKey = "revenue" | "growth" | "winRate" | "deals" | "logins" | "enablement" | "demos" | "breadth";

export type SegmentFeature = {
  key: SegmentFeatureKey;
  /** What the number is, in a few words (for descriptions). */
  noun: string;
  unit: "money" | "ratio" | "count";
  /** Clustered as log1p(value). */
  log: boolean;
};

export const SEGMENT_FEATURES: readonly SegmentFeature[] = [
  { key: "revenue", noun: "revenue (12 months)", unit: "money", log: true },
  { key: "growth", noun: "revenue growth", unit: "ratio", log: true },
  { key: "winRate", noun: "win rate", unit: "ratio", log: false },
  { key: "deals", noun: "deal registrations (12 months)", unit: "count", log: true },
  { key: "logins", noun: "logins (90 days)", unit: "count", log: true },
  { key: "enablement", noun: "trainings and certifications (12 months)", unit: "count", log: true },
  { key: "demos", noun: "demos delivered (12 months)", unit: "count", log: true },
  { key: "breadth", noun: "products sold (12 months)", unit: "count", log: false },
];

export type FeatureValues = Record<SegmentFeatureKey, number>;

/** Revenue both years is smoothed by this much (1,000.00 in cents), so a new or empty partner's growth is finite. */
const GROWTH_SMOOTHING_CENTS = 100_000;
/** A partner with few closed deals has its win rate pulled towards everyone's, as if it had closed this many more. */
const WIN_RATE_PRIOR_DEALS = 2;

export type PartnerFeatureRow = Pick<
  PartnerFeatures,
  "partnerOrgId" | "revenue12m" | "revenuePrev12m" | "dealCount12m" | "wonCount12m" | "lostCount12m" | "logins90d" | "trainings12m" | "certifications12m" | "demos12m" | "productBreadth"
>;

/** Everyone's share of closed deals won: the prior a partner with few closed deals is pulled towards. */
export function overallWinRate(rows: readonly PartnerFeatureRow[]): number {
  const won = rows.reduce((s, r) => s + r.wonCount12m, 0);
  const closed = rows.reduce((s, r) => s + r.wonCount12m + r.lostCount12m, 0);
  return closed > 0 ? won / closed : 0.5;
}

/**
 * The features of one partner in original units. Growth is smoothed ((this year + 1,000) / (last
 * year + 1,000) − 1), so a partner with no sales last year has a large but finite growth instead
 * of none; the win rate is shrunk towards everyone's, so one lost deal is not "0 % win rate".
 */
export function segmentFeatureValues(row: PartnerFeatureRow, priorWinRate: number): FeatureValues {
  const revenue = Math.max(0, row.revenue12m);
  const previous = Math.max(0, row.revenuePrev12m);
  return {
    revenue,
    growth: (revenue + GROWTH_SMOOTHING_CENTS) / (previous + GROWTH_SMOOTHING_CENTS) - 1,
    winRate: (row.wonCount12m + WIN_RATE_PRIOR_DEALS * priorWinRate) / (row.wonCount12m + row.lostCount12m + WIN_RATE_PRIOR_DEALS),
    deals: row.dealCount12m,
    logins: row.logins90d,
    enablement: row.trainings12m + row.certifications12m,
    demos: row.demos12m,
    breadth: row.productBreadth,
  };
}

/** Original units → the space k-means works in (before scaling). */
export function toModelSpace(values: FeatureValues): number[] {
  return SEGMENT_FEATURES.map((f) => (f.log ? Math.log1p(values[f.key]) : values[f.key]));
}

/** The space k-means works in → original units. */
export function fromModelSpace(vector: readonly number[]): FeatureValues {
  return Object.fromEntries(SEGMENT_FEATURES.map((f, j) => [f.key, f.log ? Math.expm1(vector[j]) : vector[j]])) as FeatureValues;
}

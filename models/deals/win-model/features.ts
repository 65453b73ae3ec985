// A deal's features as of a moment (its submission when training, now when scoring an open
// deal): value, products and lines, industry, the partner's record and segment at that moment,
// conflicts and the planned sales cycle; and the vocabulary that turns them into numbers.
import type { DealFacts } from "./facts.ts";
import type { PartnerHistory, PartnerRecord } from "./history.ts";

const DAY_MS = 86_400_000;

/** Industries beyond the most frequent this many share one "other" column. */
export const TOP_INDUSTRIES = 8;

/** Pseudo-deals at the base rate that pull a short record toward it (3 wins in 3 is not 100 %). */
export const WIN_RATE_PRIOR = 5;

export type DealSnapshot = {
  dealId: string;
  partner: PartnerRecord;
  amount: number;
  currency: string;
  productCount: number;
  productLines: string[];
  industry: string | null;
  segment: string | null;
  conflictScore: number;
  /** Days from submission to the expected close date the partner entered. */
  plannedCycleDays: number;
  /** Days from the snapshot's moment to the expected close date (negative once it has passed). */
  daysToClose: number;
};

/** The deal as it stood at `asOf`: only what was known then about its partner. */
export function snapshotDeal(deal: DealFacts, history: PartnerHistory, asOf: Date): DealSnapshot {
  return {
    dealId: deal.id,
    partner: history.recordAt(deal, asOf),
    amount: deal.amount,
    currency: deal.currency,
    productCount: deal.productCount,
    productLines: deal.productLines,
    industry: deal.industry,
    segment: deal.segment,
    conflictScore: deal.conflictScore ?? 0,
    plannedCycleDays: Math.round((deal.expectedCloseDate.getTime() - deal.submittedAt.getTime()) / DAY_MS),
    daysToClose: Math.round((deal.expectedCloseDate.getTime() - asOf.getTime()) / DAY_MS),
  };
}

/** The categories seen in training, and the base rate the win-rate prior shrinks toward. */
export type FeatureVocabulary = { lines: string[]; industries: string[]; segments: string[]; baseRate: number };

export function buildVocabulary(snapshots: readonly DealSnapshot[], labels: readonly number[]): FeatureVocabulary {
  const counts = new Map<string, number>();
  for (const s of snapshots) if (s.industry) counts.set(s.industry, (counts.get(s.industry) ?? 0) + 1);
  const industries = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TOP_INDUSTRIES).map(([name]) => name);
  const distinct = (values: Iterable<string>) => [...new Set(values)].sort();
  return {
    lines: distinct(snapshots.flatMap((s) => s.productLines)),
    industries: industries.sort(),
    segments: distinct(snapshots.flatMap((s) => (s.segment ? [s.segment] : []))),
    baseRate: labels.length === 0 ? 0.5 : labels.reduce((s, y) => s + y, 0) / labels.length,
  };
}

export function featureNames(vocabulary: FeatureVocabulary): string[] {
  return [
    "partner_win_rate",
    "partner_closed_deals",
    "log_value",
    "value_vs_typical",
    "product_count",
    ...vocabulary.lines.map((l) => `line:${l}`),
    ...vocabulary.industries.map((i) => `industry:${i}`),
    "industry:other",
    ...vocabulary.segments.map((s) => `segment:${s}`),
    "segment:none",
    "conflict_score",
    "planned_cycle_days",
  ];
}

/** The partner's win rate shrunk toward the base rate by WIN_RATE_PRIOR pseudo-deals. */
export function smoothedWinRate(partner: PartnerRecord, baseRate: number): number {
  return (partner.wins + WIN_RATE_PRIOR * baseRate) / (partner.closed + WIN_RATE_PRIOR);
}

/** How many times the partner's typical deal this one is, as log2 (0 when there is no typical deal). */
function valueVsTypical(s: Pick<DealSnapshot, "amount" | "partner">): number {
  const typical = s.partner.typicalAmount;
  return typical && typical > 0 && s.amount > 0 ? Math.log2(s.amount / typical) : 0;
}

/** The snapshot as numbers, in `featureNames(vocabulary)` order. */
export function encodeSnapshot(s: DealSnapshot, vocabulary: FeatureVocabulary): number[] {
  const industry = s.industry && vocabulary.industries.includes(s.industry) ? s.industry : null;
  const segment = s.segment && vocabulary.segments.includes(s.segment) ? s.segment : null;
  return [
    smoothedWinRate(s.partner, vocabulary.baseRate),
    Math.log1p(s.partner.closed),
    Math.log10(1 + Math.max(0, s.amount) / 100),
    valueVsTypical(s),
    s.productCount,
    ...vocabulary.lines.map((l) => (s.productLines.includes(l) ? 1 : 0)),
    ...vocabulary.industries.map((i) => (industry === i ? 1 : 0)),
    industry === null ? 1 : 0,
    ...vocabulary.segments.map((g) => (segment === g ? 1 : 0)),
    segment === null ? 1 : 0,
    s.conflictScore,
    s.plannedCycleDays,
  ];
}

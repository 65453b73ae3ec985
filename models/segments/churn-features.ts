// What the churn model sees of a partner at a snapshot (levels from the partner features plus
// trends of the last two quarters against the two before), which snapshots it learns from,
// and the label it learns: inactive, or revenue more than halved, in the next two quarters.
import type { PartnerFeatures } from "../partners/features.ts";
import type { HalfYear, PartnerWindows } from "./churn-history.ts";

export const CHURN_FEATURES = [
  "revenueTrend",
  "growth12m",
  "winRate",
  "winRateTrend",
  "registrationsTrend",
  "registrations",
  "logins",
  "loginsTrend",
  "actionsTrend",
  "certifications",
  "trainings",
  "demos",
  "productBreadth",
  "cycleDays",
] as const;

export type ChurnFeature = (typeof CHURN_FEATURES)[number];

/** One partner at one snapshot: what the model reads, and the raw numbers reasons quote. */
export type ChurnObservation = {
  partnerOrgId: string;
  asOf: string;
  features: PartnerFeatures;
  windows: PartnerWindows;
  /** Values in CHURN_FEATURES order; null where the partner has nothing to measure. */
  vector: (number | null)[];
};

/** Relative change from `before` to `after` on a symmetric scale in [-2, 2]; 0 when both are 0. */
export function symmetricChange(before: number, after: number): number {
  const scale = (Math.abs(before) + Math.abs(after)) / 2;
  return scale === 0 ? 0 : Math.max(-2, Math.min(2, (after - before) / scale));
}

/** Won share of closed deals in a window, or null when none closed. */
export function windowWinRate(w: Pick<HalfYear, "won" | "lost">): number | null {
  return w.won + w.lost > 0 ? w.won / (w.won + w.lost) : null;
}

export function churnVector(f: PartnerFeatures, w: PartnerWindows): (number | null)[] {
  const lastRate = windowWinRate(w.last);
  const priorRate = windowWinRate(w.prior);
  const values: Record<ChurnFeature, number | null> = {
    revenueTrend: symmetricChange(w.prior.revenue, w.last.revenue),
    growth12m: f.growth === null ? null : Math.max(-1, Math.min(2, f.growth)),
    winRate: f.winRate,
    winRateTrend: lastRate === null || priorRate === null ? null : lastRate - priorRate,
    registrationsTrend: symmetricChange(w.prior.submitted, w.last.submitted),
    registrations: Math.log1p(f.dealCount12m),
    logins: Math.log1p(f.logins90d),
    loginsTrend: symmetricChange(w.prior.logins, w.last.logins),
    actionsTrend: symmetricChange(w.prior.actions, w.last.actions),
    certifications: Math.log1p(f.certifications12m),
    trainings: Math.log1p(f.trainings12m),
    demos: Math.log1p(f.demos12m + f.solutions12m),
    productBreadth: f.productBreadth,
    cycleDays: f.cycleDays,
  };
  return CHURN_FEATURES.map((name) => values[name]);
}

/** A partner can churn only if it did business in the two quarters before the snapshot. */
export function isActiveAt(w: PartnerWindows): boolean {
  return w.last.revenue > 0 || w.last.won > 0;
}

/**
 * Churned in the two quarters after the snapshot: no sales and no won deal at all (inactive),
 * or revenue below half of the two quarters before. Only asked of partners active at the snapshot.
 */
export function churnedAfter(w: PartnerWindows): boolean {
  const inactive = w.next.revenue <= 0 && w.next.won === 0;
  return inactive || w.next.revenue < 0.5 * w.last.revenue;
}

/**
 * Monthly snapshot days, newest first. The first is the start of the month six months before
 * the current month, so its label window ends exactly where the complete months end. Monthly
 * rather than quarterly: a partner's fade shows in its last few snapshots, and quarterly
 * snapshots leave too few churn examples to learn from in a short history.
 */
export function labelledSnapshots(now: Date, count: number): Date[] {
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 6 - i, 1)));
}

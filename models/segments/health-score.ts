// The health score 0–100 and its reasons. The formula, per partner:
//
//   health = 100 × (0.70 × (1 − churnRisk) + 0.15 × engagement + 0.15 × momentum)
//
// churnRisk   the churn model's probability (models/segments/health.ts);
// engagement  the mean percentile rank, among the partners scored together, of logins in the
//             last 90 days, trainings + certifications in the last 12 months and demos +
//             solutions in the last 12 months (0 = least engaged, 1 = most);
// momentum    (1 + change / 2) / 2, where change is the symmetric revenue change of the last two
//             quarters on the two before, in [−2, 2]: 0 = revenue gone, 0.5 = flat, 1 = new.
//
// Health falls as the risk rises and rises with engagement and momentum, each weight fixed, so
// a reader can redo the sum. Health reasons weigh in health points against a median partner.
import type { ChurnObservation } from "./churn-features.ts";
import { symmetricChange } from "./churn-features.ts";
import { describeDriver, plural, round3, sentence, topDrivers, type Reason } from "./churn-reasons.ts";

export const HEALTH_WEIGHTS = { safety: 0.7, engagement: 0.15, momentum: 0.15 } as const;

export type HealthReason = Omit<Reason, "feature"> & { feature: Reason["feature"] | "engagement" };

export function healthScore(churnRisk: number, engagement: number, momentum: number): number {
  const w = HEALTH_WEIGHTS;
  const score = 100 * (w.safety * (1 - churnRisk) + w.engagement * engagement + w.momentum * momentum);
  return Math.round(Math.max(0, Math.min(100, score)) * 10) / 10;
}

export function momentumOf(o: ChurnObservation): number {
  return (1 + symmetricChange(o.windows.prior.revenue, o.windows.last.revenue) / 2) / 2;
}

/** Mid-rank percentile of each value among all values (ties share their mean rank), in [0, 1]. */
export function percentileRanks(values: readonly number[]): number[] {
  const n = values.length;
  if (n === 1) return [0.5];
  const sorted = [...values].sort((a, b) => a - b);
  const lower = (v: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const upper = (v: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return values.map((v) => (lower(v) + upper(v) - 1) / 2 / (n - 1));
}

/** Engagement in [0, 1] of each observation, relative to the others scored with it. */
export function engagementScores(observations: readonly ChurnObservation[]): number[] {
  if (observations.length === 0) return [];
  const logins = percentileRanks(observations.map((o) => o.features.logins90d));
  const learning = percentileRanks(observations.map((o) => o.features.trainings12m + o.features.certifications12m));
  const selling = percentileRanks(observations.map((o) => o.features.demos12m + o.features.solutions12m));
  return observations.map((_, i) => (logins[i] + learning[i] + selling[i]) / 3);
}

/**
 * What holds the partner's health up (or, for engagement, pulls it down), strongest first:
 * the topics lowering the churn risk, in health points (0.70 × 100 × p(1 − p) × log-odds), and
 * engagement against the median partner (0.15 × 100 × (engagement − 0.5)).
 */
export function healthReasons(
  o: ChurnObservation,
  contributions: readonly number[],
  churnRisk: number,
  engagement: number,
): HealthReason[] {
  const pointsPerLogOdds = 100 * HEALTH_WEIGHTS.safety * churnRisk * (1 - churnRisk);
  const reasons: HealthReason[] = topDrivers(contributions, false, 3).map(({ driver, weight }) => ({
    text: sentence(describeDriver(driver, o)),
    feature: driver,
    direction: "up",
    weight: round3(weight * pointsPerLogOdds),
  }));
  const engagementPoints = 100 * HEALTH_WEIGHTS.engagement * (engagement - 0.5);
  const f = o.features;
  reasons.push({
    text: `Engagement above ${Math.round(engagement * 100)} % of partners (${plural(f.logins90d, "login")} in 90 days, ${f.trainings12m + f.certifications12m} trainings and certifications, ${f.demos12m + f.solutions12m} demos and solutions in 12 months)`,
    feature: "engagement",
    direction: engagementPoints >= 0 ? "up" : "down",
    weight: round3(Math.abs(engagementPoints)),
  });
  return reasons.sort((a, b) => b.weight - a.weight);
}

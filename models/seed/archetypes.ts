// The behaviours planted in the demo so segmentation, health and churn models have real
// structure to find. Each partner gets one archetype; its numbers shape sales, deals and
// engagement over time. The archetype lives only here, never in the database.

export type DemoArchetype = "champion" | "steady" | "opportunistic" | "declining" | "rising" | "prospect";

export type ArchetypeProfile = {
  /** Annual revenue at full intensity, in major currency units: [min, max]. */
  annualRevenue: readonly [number, number];
  /** Month-to-month sales noise (sigma of a lognormal multiplier). */
  salesNoise: number;
  /** How many of the eight modules the partner sells: [min, max]. */
  productCount: readonly [number, number];
  /** Deal registrations per month at full intensity. */
  dealsPerMonth: number;
  /** Deal size relative to the list price of its modules (median of a lognormal). */
  dealSize: number;
  /** Share of submitted deals the channel manager rejects. */
  rejectRate: number;
  /** Share of approved deals never reported won or lost, which therefore expire. */
  expireRate: number;
  /** Days from approval to close: [min, max]. */
  closeDays: readonly [number, number];
  /** Engagement events per month at full engagement. */
  activityPerMonth: {
    LOGIN: number;
    TRAINING: number;
    CERTIFICATION: number;
    DEMO: number;
    SOLUTION_SUBMITTED: number;
    MARKETING_EVENT: number;
  };
  /** Partner users: [min, max]. */
  users: readonly [number, number];
};

export const ARCHETYPE_PROFILES: Readonly<Record<DemoArchetype, ArchetypeProfile>> = {
  champion: {
    annualRevenue: [1_800_000, 4_500_000], salesNoise: 0.12, productCount: [6, 8],
    dealsPerMonth: 1.6, dealSize: 1.6, rejectRate: 0.05, expireRate: 0.06, closeDays: [20, 80],
    activityPerMonth: { LOGIN: 14, TRAINING: 1.2, CERTIFICATION: 0.5, DEMO: 2.5, SOLUTION_SUBMITTED: 0.3, MARKETING_EVENT: 0.3 },
    users: [2, 3],
  },
  steady: {
    annualRevenue: [450_000, 1_300_000], salesNoise: 0.12, productCount: [3, 5],
    dealsPerMonth: 0.7, dealSize: 1.0, rejectRate: 0.08, expireRate: 0.1, closeDays: [30, 100],
    activityPerMonth: { LOGIN: 6, TRAINING: 0.35, CERTIFICATION: 0.15, DEMO: 0.8, SOLUTION_SUBMITTED: 0.08, MARKETING_EVENT: 0.15 },
    users: [1, 2],
  },
  opportunistic: {
    annualRevenue: [90_000, 260_000], salesNoise: 0.35, productCount: [1, 3],
    dealsPerMonth: 1.2, dealSize: 0.35, rejectRate: 0.22, expireRate: 0.2, closeDays: [20, 110],
    activityPerMonth: { LOGIN: 4, TRAINING: 0.08, CERTIFICATION: 0.02, DEMO: 0.5, SOLUTION_SUBMITTED: 0.02, MARKETING_EVENT: 0.05 },
    users: [1, 2],
  },
  declining: {
    annualRevenue: [500_000, 1_200_000], salesNoise: 0.15, productCount: [3, 4],
    dealsPerMonth: 0.6, dealSize: 0.9, rejectRate: 0.1, expireRate: 0.2, closeDays: [40, 120],
    activityPerMonth: { LOGIN: 7, TRAINING: 0.3, CERTIFICATION: 0.12, DEMO: 0.7, SOLUTION_SUBMITTED: 0.05, MARKETING_EVENT: 0.1 },
    users: [1, 2],
  },
  rising: {
    annualRevenue: [300_000, 700_000], salesNoise: 0.15, productCount: [2, 4],
    dealsPerMonth: 1.0, dealSize: 0.6, rejectRate: 0.1, expireRate: 0.08, closeDays: [30, 90],
    activityPerMonth: { LOGIN: 10, TRAINING: 2.2, CERTIFICATION: 0.45, DEMO: 1.2, SOLUTION_SUBMITTED: 0.2, MARKETING_EVENT: 0.25 },
    users: [1, 2],
  },
  prospect: {
    annualRevenue: [0, 0], salesNoise: 0, productCount: [1, 2],
    dealsPerMonth: 0, dealSize: 0.5, rejectRate: 0.3, expireRate: 0.2, closeDays: [30, 90],
    activityPerMonth: { LOGIN: 5, TRAINING: 1.0, CERTIFICATION: 0.1, DEMO: 0.1, SOLUTION_SUBMITTED: 0, MARKETING_EVENT: 0.1 },
    users: [1, 1],
  },
};

/** How many partners of each archetype the demo has (sums to 200). */
export const ARCHETYPE_COUNTS: Readonly<Record<DemoArchetype, number>> = {
  champion: 26, steady: 58, opportunistic: 40, declining: 36, rising: 32, prospect: 8,
};

export type TimeContext = {
  /** Whole months before the current month (0 = this month). */
  monthsAgo: number;
  /** Whole months since the partner joined (negative before it joined). */
  monthsSinceJoin: number;
  /** For declining partners: how far their business falls (0.1 = to a tenth). */
  declineFloor: number;
};

/**
 * Business volume relative to today's level: champions grow 25 % a year, declining partners
 * fall over the last 12 months to their floor, rising partners grow fast from a small start.
 */
export function businessIntensity(archetype: DemoArchetype, t: TimeContext): number {
  if (t.monthsSinceJoin < 0) return 0;
  switch (archetype) {
    case "champion":
      return Math.pow(1.25, -t.monthsAgo / 12);
    case "steady":
    case "opportunistic":
      return 1;
    case "declining":
      return t.monthsAgo >= 12 ? 1 : t.declineFloor + (1 - t.declineFloor) * (t.monthsAgo / 12);
    case "rising":
      return Math.min(1, 0.15 * Math.pow(1.12, t.monthsSinceJoin));
    case "prospect":
      return 0;
  }
}

/** Engagement (logins, trainings…) relative to the profile: declining partners go quiet first. */
export function engagementLevel(archetype: DemoArchetype, t: TimeContext): number {
  if (t.monthsSinceJoin < 0) return 0;
  if (archetype === "declining" && t.monthsAgo < 12) return Math.max(0.04, Math.pow(t.monthsAgo / 12, 1.5));
  if (archetype === "champion") return 0.8 + 0.2 * Math.pow(1.25, -t.monthsAgo / 12);
  return 1;
}

/** Share of closed deals won, as the partner's quality changes over time. */
export function winRate(archetype: DemoArchetype, t: TimeContext): number {
  switch (archetype) {
    case "champion":
      return 0.62;
    case "steady":
      return 0.42;
    case "opportunistic":
      return 0.2;
    case "declining":
      return t.monthsAgo >= 12 ? 0.45 : 0.28;
    case "rising":
      return t.monthsSinceJoin < 6 ? 0.35 : 0.5;
    case "prospect":
      return 0.3;
  }
}

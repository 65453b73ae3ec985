// The life of one demo deal registration — submitted, approved or rejected, then won, lost or
// expired — drawn from the partner's archetype and cut off at `now`, so every status is
// consistent with its timestamps (nothing decided in the future, protection = decision + 90 days).
import { ARCHETYPE_PROFILES, winRate } from "./archetypes.ts";
import { DAY_MS, HOUR_MS } from "./calendar.ts";
import { timeContext, type DemoClock } from "./clock.ts";
import type { DemoPartnerPlan } from "./plan.ts";
import type { Random } from "./random.ts";
import type { DealStage, DealStatus } from "../db/generated/client.ts";

export const PROTECTION_DAYS = 90;

export type DealTimeline = {
  status: DealStatus;
  submittedAt: number;
  decidedAt: number | null;
  /** When the deal was won, lost or expired; null while it is open or when it was rejected. */
  endedAt: number | null;
  expectedCloseAt: number;
  /** Days from approval to the close the partner planned. */
  plannedCloseDays: number;
};

export function protectionEnd(t: DealTimeline): number | null {
  return t.decidedAt !== null && t.status !== "REJECTED" && t.status !== "SUBMITTED" ? t.decidedAt + PROTECTION_DAYS * DAY_MS : null;
}

export function drawTimeline(rng: Random, plan: DemoPartnerPlan, clock: DemoClock, submittedAt: number, rejectRate: number): DealTimeline {
  const profile = ARCHETYPE_PROFILES[plan.archetype];
  const now = clock.now.getTime();
  // Most registrations are reviewed within two days; some wait in the queue for up to two weeks.
  const reviewHours = rng.chance(0.2) ? rng.between(72, 14 * 24) : rng.between(2, 48);
  const decidedAt = submittedAt + Math.round(reviewHours * HOUR_MS);
  const plannedCloseDays = rng.int(profile.closeDays[0], profile.closeDays[1]);
  const expectedCloseAt = decidedAt + (plannedCloseDays + rng.int(-5, 15)) * DAY_MS;
  const base = { submittedAt, expectedCloseAt, plannedCloseDays };
  if (decidedAt > now) return { ...base, status: "SUBMITTED", decidedAt: null, endedAt: null };
  if (rng.chance(rejectRate)) return { ...base, status: "REJECTED", decidedAt, endedAt: null };

  const protectionEndsAt = decidedAt + PROTECTION_DAYS * DAY_MS;
  const closeAt = decidedAt + plannedCloseDays * DAY_MS + Math.round(rng.between(-12, 12) * HOUR_MS);
  const reported = !rng.chance(profile.expireRate);
  if (reported && closeAt < protectionEndsAt) {
    if (closeAt > now) return { ...base, status: "APPROVED", decidedAt, endedAt: null };
    const p = winRate(plan.archetype, timeContext(plan, clock, new Date(closeAt))) + plan.winRateShift;
    return { ...base, status: rng.chance(p) ? "WON" : "LOST", decidedAt, endedAt: closeAt };
  }
  if (protectionEndsAt <= now) return { ...base, status: "EXPIRED", decidedAt, endedAt: protectionEndsAt };
  return { ...base, status: "APPROVED", decidedAt, endedAt: null };
}

/**
 * Hand-made deals for the demo partner login, so its pages show every status and two
 * protections about to lapse whatever the random draw gave.
 */
export function showcaseTimelines(clock: DemoClock): DealTimeline[] {
  const now = clock.now.getTime();
  const ago = (days: number) => now - Math.round(days * DAY_MS);
  const deal = (status: DealStatus, submittedDaysAgo: number, decidedDaysAgo: number | null, endedDaysAgo: number | null, plannedCloseDays: number): DealTimeline => ({
    status,
    submittedAt: ago(submittedDaysAgo),
    decidedAt: decidedDaysAgo === null ? null : ago(decidedDaysAgo),
    endedAt: endedDaysAgo === null ? null : ago(endedDaysAgo),
    expectedCloseAt: ago(submittedDaysAgo) + plannedCloseDays * DAY_MS,
    plannedCloseDays,
  });
  return [
    deal("SUBMITTED", 1.1, null, null, 60),
    deal("APPROVED", 86, 85, null, 110),
    deal("APPROVED", 80.2, 79, null, 100),
    deal("APPROVED", 12, 11, null, 45),
    deal("REJECTED", 40, 39, null, 60),
    deal("WON", 75, 74, 9, 60),
    deal("LOST", 120, 118, 40, 70),
    deal("EXPIRED", 131, 130, 40, 120),
  ];
}

export function stageOf(t: DealTimeline, now: number, rng: Random): DealStage {
  switch (t.status) {
    case "SUBMITTED":
    case "REJECTED":
      return "QUALIFY";
    case "WON":
    case "LOST":
      return "CLOSED";
    case "EXPIRED":
      return rng.chance(0.5) ? "DEVELOP" : "PROPOSE";
    case "APPROVED": {
      const progress = (now - (t.decidedAt ?? now)) / (t.plannedCloseDays * DAY_MS);
      return progress < 0.34 ? "DEVELOP" : progress < 0.67 ? "PROPOSE" : "NEGOTIATE";
    }
  }
}

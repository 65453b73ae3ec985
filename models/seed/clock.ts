// The demo's time frame: 36 full months of history before the current month, plus the
// current month to date, all counted back from one `now`.
import type { TimeContext } from "./archetypes.ts";
import { addDays, addUtcMonths, monthsBetween, startOfUtcDay, startOfUtcMonth } from "./calendar.ts";
import type { DemoPartnerPlan } from "./plan.ts";

export const HISTORY_MONTHS = 36;

export type DemoClock = {
  now: Date;
  today: Date;
  currentMonth: Date;
  /** First day of the oldest month of history. */
  firstMonth: Date;
  /** The first days of all months from `firstMonth` to `currentMonth`, oldest first. */
  months: readonly Date[];
};

export function demoClock(now: Date): DemoClock {
  const currentMonth = startOfUtcMonth(now);
  const months = Array.from({ length: HISTORY_MONTHS + 1 }, (_, i) => addUtcMonths(currentMonth, i - HISTORY_MONTHS));
  return { now, today: startOfUtcDay(now), currentMonth, firstMonth: months[0], months };
}

/** The day the partner joined the programme (UTC midnight). */
export function joinedOn(plan: DemoPartnerPlan, clock: DemoClock): Date {
  return addDays(clock.today, -plan.joinedDaysAgo);
}

/** Where `at` falls in the partner's life, for the archetype curves. */
export function timeContext(plan: DemoPartnerPlan, clock: DemoClock, at: Date): TimeContext {
  return {
    monthsAgo: monthsBetween(at, clock.now),
    monthsSinceJoin: monthsBetween(joinedOn(plan, clock), at),
    declineFloor: plan.declineFloor,
  };
}

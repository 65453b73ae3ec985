// Partner engagement over three years — logins, trainings, certifications, demos, submitted
// solutions, marketing events — at each archetype's rate, fading for declining partners.
import { ARCHETYPE_PROFILES, engagementLevel } from "./archetypes.ts";
import { addUtcMonths, toWholeSecond } from "./calendar.ts";
import { joinedOn, timeContext, type DemoClock } from "./clock.ts";
import type { DemoPartnerPlan } from "./plan.ts";
import { Random } from "./random.ts";
import type { ActivityRow } from "./rows.ts";
import type { SeededProduct } from "./sales.ts";
import type { ActivityKind } from "../db/generated/client.ts";

export type DemoActivities = {
  rows: ActivityRow[];
  /** The latest login per user id, for app_user.last_login_at. */
  lastLoginAt: Map<string, Date>;
};

const KINDS = ["LOGIN", "TRAINING", "CERTIFICATION", "DEMO", "SOLUTION_SUBMITTED", "MARKETING_EVENT"] as const satisfies readonly ActivityKind[];
const COURSES = ["Sales Essentials", "Implementation Basics", "Solution Architecture", "What's New"] as const;
const CERTIFICATIONS = ["Sales Specialist", "Implementation Consultant", "Solution Architect"] as const;
const EVENTS = ["ERP Roadshow", "Partner Summit", "Webinar: Moving Finance to the Cloud", "Industry Day"] as const;

/** What the event was about, naming one of the modules the partner sold at the time. */
function detail(rng: Random, kind: ActivityKind, plan: DemoPartnerPlan, offered: readonly SeededProduct[]): string | null {
  if (kind === "LOGIN") return null;
  const product = rng.pick(offered);
  switch (kind) {
    case "TRAINING":
      return `Completed training "${product.name}: ${rng.pick(COURSES)}"`;
    case "CERTIFICATION":
      return `Certified ${product.name} ${rng.pick(CERTIFICATIONS)}`;
    case "DEMO":
      return `Delivered a ${product.name} demo to a prospect`;
    case "SOLUTION_SUBMITTED":
      return `Submitted solution "${rng.pick(plan.industries)} template for ${product.name}"`;
    case "MARKETING_EVENT":
      return `Attended "${rng.pick(EVENTS)}"`;
  }
}

export function generateActivities(
  plans: readonly DemoPartnerPlan[],
  orgUserIds: readonly string[][],
  products: ReadonlyMap<string, SeededProduct>,
  clock: DemoClock,
): DemoActivities {
  const rng = new Random("channelwise-demo:activities");
  const rows: ActivityRow[] = [];
  const now = clock.now.getTime();
  for (const [i, month] of clock.months.entries()) {
    const monthsAgo = clock.months.length - 1 - i;
    const monthStart = month.getTime();
    const monthEnd = addUtcMonths(month, 1).getTime();
    const batch: ActivityRow[] = [];
    for (const plan of plans) {
      const from = Math.max(monthStart, joinedOn(plan, clock).getTime());
      const to = Math.min(monthEnd, now);
      if (to <= from) continue;
      const level = engagementLevel(plan.archetype, timeContext(plan, clock, month)) * ((to - from) / (monthEnd - monthStart));
      const rates = ARCHETYPE_PROFILES[plan.archetype].activityPerMonth;
      const sold = plan.products.map((p) => products.get(p.sku)!);
      const launched = sold.filter((p) => p.launchedMonthsAgo === undefined || p.launchedMonthsAgo >= monthsAgo);
      const offered = launched.length > 0 ? launched : sold;
      for (const kind of KINDS) {
        for (let n = rng.poisson(rates[kind] * level); n > 0; n--) {
          batch.push({
            partnerOrgId: plan.id,
            userId: rng.pick(orgUserIds[plan.index]),
            kind,
            detail: detail(rng, kind, plan, offered),
            occurredAt: toWholeSecond(rng.between(from, to)),
          });
        }
      }
    }
    batch.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    rows.push(...batch);
  }
  const lastLoginAt = new Map<string, Date>();
  for (const row of rows) if (row.kind === "LOGIN" && row.userId) lastLoginAt.set(row.userId, row.occurredAt);
  return { rows, lastLoginAt };
}

// ~5,000 deal registrations over three years: for each partner and month a Poisson number of
// deals following its archetype, each with a customer, one to three modules, an amount in
// cents, a timeline cut off at `now`, and one DealEvent per status change.
import { ARCHETYPE_PROFILES, businessIntensity, type DemoArchetype } from "./archetypes.ts";
import { addUtcMonths, monthsBetween, startOfUtcDay, toWholeSecond } from "./calendar.ts";
import { demoRegion } from "./catalog.ts";
import { joinedOn, timeContext, type DemoClock } from "./clock.ts";
import { CustomerBook, type PickedCustomer } from "./customers.ts";
import { drawTimeline, protectionEnd, showcaseTimelines, stageOf, type DealTimeline } from "./deal-timeline.ts";
import type { DemoPeople } from "./people.ts";
import type { DemoPartnerPlan } from "./plan.ts";
import { Random } from "./random.ts";
import type { CustomerRow, DealEventRow, DealProductRow, DealRow, JsonObject } from "./rows.ts";
import type { SeededProduct } from "./sales.ts";

export type DemoDeals = {
  customers: CustomerRow[];
  deals: DealRow[];
  dealProducts: DealProductRow[];
  events: DealEventRow[];
};

type DealInput = {
  plans: readonly DemoPartnerPlan[];
  clock: DemoClock;
  products: ReadonlyMap<string, SeededProduct>;
  people: DemoPeople;
  /** The org of the partner@example.com login, which also gets the showcase deals. */
  showcaseOrgIndex: number;
};

const PRODUCTS_PER_DEAL: Readonly<Record<DemoArchetype, readonly (readonly [number, number])[]>> = {
  champion: [[1, 3], [2, 4], [3, 3]],
  steady: [[1, 5], [2, 4], [3, 1]],
  opportunistic: [[1, 8], [2, 2]],
  declining: [[1, 5], [2, 4], [3, 1]],
  rising: [[1, 5], [2, 4], [3, 1]],
  prospect: [[1, 1]],
};

const NOTES = [
  "Customer is replacing a legacy on-premise ERP.",
  "Budget approved; the steering committee decides this quarter.",
  "Competing against a local ERP vendor.",
  "Phased rollout: finance first, then operations.",
  "Customer asked for a proof of concept with their own data.",
  "Existing customer expanding to a second site.",
] as const;

const REJECTION_REASONS = [
  "Not enough qualification: no budget or timeline confirmed.",
  "Customer is outside the partner's territory.",
  "Duplicate of an earlier registration.",
  "Opportunity below the minimum registration value.",
] as const;
const CONFLICT_REASON = "Customer is already protected for another partner.";

export function generateDeals(input: DealInput): DemoDeals {
  const rng = new Random("channelwise-demo:deals");
  const customers = new CustomerBook(rng);
  const out: DemoDeals = { customers: customers.rows, deals: [], dealProducts: [], events: [] };
  const { clock, plans } = input;
  const now = clock.now.getTime();

  for (const month of clock.months) {
    const monthEnd = Math.min(addUtcMonths(month, 1).getTime(), now);
    for (const plan of plans) {
      const from = Math.max(month.getTime(), joinedOn(plan, clock).getTime());
      if (monthEnd <= from) continue;
      const profile = ARCHETYPE_PROFILES[plan.archetype];
      const share = (monthEnd - from) / (addUtcMonths(month, 1).getTime() - month.getTime());
      const rate = profile.dealsPerMonth * businessIntensity(plan.archetype, timeContext(plan, clock, month)) * share;
      for (let n = rng.poisson(rate); n > 0; n--) {
        const submittedAt = toWholeSecond(rng.between(from, monthEnd)).getTime();
        const customer = customers.pickFor(plan, new Date(submittedAt));
        const rejectRate = customer.fromOtherPartner ? Math.max(profile.rejectRate, 0.4) : profile.rejectRate;
        addDeal(rng, input, out, plan, customer, drawTimeline(rng, plan, clock, submittedAt, rejectRate));
      }
    }
  }
  const showcase = plans[input.showcaseOrgIndex];
  for (const timeline of showcaseTimelines(clock)) {
    addDeal(rng, input, out, showcase, customers.pickFor(showcase, new Date(timeline.submittedAt)), timeline);
  }
  // Events in time order, so their bigserial ids read like the log they are.
  out.events.sort((a, b) => a.at.getTime() - b.at.getTime());
  return out;
}

function chooseProducts(rng: Random, plan: DemoPartnerPlan, input: DealInput, at: number): SeededProduct[] {
  const monthsAgo = monthsBetween(new Date(at), input.clock.now);
  const offered = plan.products
    .map((pw) => ({ product: input.products.get(pw.sku)!, weight: pw.weight }))
    .filter(({ product }) => product.launchedMonthsAgo === undefined || monthsAgo <= product.launchedMonthsAgo);
  const chosen: SeededProduct[] = [];
  for (let n = rng.weighted(PRODUCTS_PER_DEAL[plan.archetype]); n > 0 && offered.length > 0; n--) {
    const i = rng.weighted(offered.map((o, index) => [index, o.weight] as const));
    chosen.push(offered.splice(i, 1)[0].product);
  }
  return chosen;
}

function addDeal(rng: Random, input: DealInput, out: DemoDeals, plan: DemoPartnerPlan, customer: PickedCustomer, t: DealTimeline): void {
  const products = chooseProducts(rng, plan, input, t.submittedAt);
  if (products.length === 0) return;
  const profile = ARCHETYPE_PROFILES[plan.archetype];
  const listMajor = products.reduce((sum, p) => sum + p.listPrice / 100, 0);
  // Rounded to 100 currency units, as people register deal values.
  const amount = Math.max(5, Math.round((listMajor * profile.dealSize * rng.lognormal(0.45)) / 100)) * 10_000;
  const id = rng.uuid();
  const users = input.people.orgUserIds[plan.index];
  const registeredById = plan.index === input.showcaseOrgIndex && rng.chance(0.5) ? users[0] : rng.pick(users);
  const managerId = input.people.managerOf[plan.index];
  const protection = protectionEnd(t);
  const closedAmount = t.status === "WON" ? Math.round((amount * rng.between(0.85, 1.05)) / 10_000) * 10_000 : null;
  const rejectionReason = t.status === "REJECTED"
    ? customer.fromOtherPartner ? CONFLICT_REASON : rng.pick(REJECTION_REASONS)
    : null;
  const at = (ms: number | null) => (ms === null ? null : toWholeSecond(ms));

  const events: DealEventRow[] = [
    { dealId: id, actorUserId: registeredById, action: "SUBMITTED", note: null, data: { to: "SUBMITTED" }, at: at(t.submittedAt)! },
  ];
  if (t.decidedAt !== null) {
    const decision = t.status === "REJECTED" ? "REJECTED" : "APPROVED";
    const data: JsonObject = { from: "SUBMITTED", to: decision };
    if (protection !== null) data.protectionExpiresAt = at(protection)!.toISOString();
    events.push({ dealId: id, actorUserId: managerId, action: decision, note: rejectionReason, data, at: at(t.decidedAt)! });
  }
  if (t.endedAt !== null && (t.status === "WON" || t.status === "LOST" || t.status === "EXPIRED")) {
    // Partners report wins and losses; the expiry job (no person) lapses the protection.
    const actorUserId = t.status === "EXPIRED" ? null : registeredById;
    const data: JsonObject = { from: "APPROVED", to: t.status };
    if (closedAmount !== null) data.closedAmount = closedAmount;
    events.push({ dealId: id, actorUserId, action: t.status, note: null, data, at: at(t.endedAt)! });
  }

  out.deals.push({
    id,
    partnerOrgId: plan.id,
    customerId: customer.row.id,
    registeredById,
    title: `${customer.shortName}: ${products.map((p) => p.name).join(" + ")}`,
    amount,
    currency: demoRegion(plan.regionCode).currency,
    expectedCloseDate: startOfUtcDay(new Date(t.expectedCloseAt)),
    stage: stageOf(t, input.clock.now.getTime(), rng),
    status: t.status,
    notes: rng.chance(0.25) ? rng.pick(NOTES) : null,
    submittedAt: at(t.submittedAt)!,
    decidedAt: at(t.decidedAt),
    decidedById: t.decidedAt === null ? null : managerId,
    rejectionReason,
    protectionExpiresAt: at(protection),
    closedAt: t.status === "WON" || t.status === "LOST" ? at(t.endedAt) : null,
    closedAmount,
    updatedAt: events[events.length - 1].at,
  });
  for (const p of products) out.dealProducts.push({ dealId: id, productId: p.id });
  out.events.push(...events);
}

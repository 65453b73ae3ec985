// The cast of the demo: who the ~200 partner orgs are (name, region, country, type, parent,
// archetype, size, product mix). It does not depend on `now`, so a test can ask which
// archetype any seeded org was given, whenever the database was seeded.
import { ARCHETYPE_COUNTS, ARCHETYPE_PROFILES, type DemoArchetype } from "./archetypes.ts";
import { DEMO_INDUSTRIES, DEMO_PRODUCTS, DEMO_REGIONS, type DemoIndustry } from "./catalog.ts";
import { partnerName, slugify } from "./names.ts";
import { Random } from "./random.ts";
import type { PartnerStatus, PartnerType } from "../db/generated/client.ts";

export type ProductWeight = { sku: string; weight: number };

export type DemoPartnerPlan = {
  index: number;
  id: string;
  name: string;
  /** Lower-case DNS label used for the website and the org's users' e-mail addresses. */
  slug: string;
  archetype: DemoArchetype;
  regionCode: string;
  country: string;
  type: PartnerType;
  status: PartnerStatus;
  industries: DemoIndustry[];
  parentIndex: number | null;
  joinedDaysAgo: number;
  /** Annual revenue at full intensity, major currency units. */
  annualRevenue: number;
  /** Declining partners fall to this share of their former business. */
  declineFloor: number;
  /** Per-partner deviation from the archetype's win rate. */
  winRateShift: number;
  products: ProductWeight[];
};

/** Distributors per region; the rest of the region's resellers may buy through them. */
const DISTRIBUTORS_PER_REGION: Readonly<Record<string, number>> = {
  DACH: 2, NORDICS: 1, WESTERN_EUROPE: 2, SOUTHERN_EUROPE: 1, NORTH_AMERICA: 1, APAC: 1,
};

const SUSPENDED_COUNT = 4;

function joinedDaysAgo(rng: Random, archetype: DemoArchetype): number {
  if (archetype === "rising") return rng.int(120, 510);
  if (archetype === "prospect") return rng.int(5, 80);
  return rng.int(1100, 4400);
}

function productMix(rng: Random, archetype: DemoArchetype): ProductWeight[] {
  const [min, max] = ARCHETYPE_PROFILES[archetype].productCount;
  const newAffinity = archetype === "champion" ? 4 : archetype === "rising" ? 3 : 0.6;
  const pool = DEMO_PRODUCTS.map((p) => ({ p, w: p.revenueShare * (p.isNew ? newAffinity : 1) }));
  const chosen: ProductWeight[] = [];
  for (let n = rng.int(min, max); n > 0 && pool.length > 0; n--) {
    const pick = rng.weighted(pool.map((entry, i) => [i, entry.w] as const));
    const [{ p }] = pool.splice(pick, 1);
    chosen.push({ sku: p.sku, weight: p.revenueShare * rng.lognormal(0.4) });
  }
  const total = chosen.reduce((sum, c) => sum + c.weight, 0);
  return chosen.map((c) => ({ sku: c.sku, weight: c.weight / total }));
}

function industries(rng: Random, archetype: DemoArchetype): DemoIndustry[] {
  const count = archetype === "champion" ? rng.int(2, 3) : rng.weighted([[1, 3], [2, 4], [3, 2]] as const);
  return rng.sample(DEMO_INDUSTRIES, count);
}

function buildPlan(): DemoPartnerPlan[] {
  const rng = new Random("channelwise-demo:partners");
  const archetypes = rng.shuffle(
    (Object.entries(ARCHETYPE_COUNTS) as [DemoArchetype, number][]).flatMap(([a, n]) => Array<DemoArchetype>(n).fill(a)),
  );
  const regions = rng.shuffle(DEMO_REGIONS.flatMap((r) => Array<string>(r.partnerCount).fill(r.code)));
  const takenNames = new Set<string>();
  const plans: DemoPartnerPlan[] = archetypes.map((archetype, index) => {
    const region = DEMO_REGIONS.find((r) => r.code === regions[index])!;
    const country = rng.weighted(region.countries);
    const name = partnerName(rng, country, false, (n) => !takenNames.has(n.normalizedName));
    takenNames.add(name.normalizedName);
    const [low, high] = ARCHETYPE_PROFILES[archetype].annualRevenue;
    return {
      index,
      id: rng.uuid(),
      name: name.name,
      slug: slugify(name.normalizedName),
      archetype,
      regionCode: region.code,
      country,
      type: rng.weighted<PartnerType>([["RESELLER", 55], ["SYSTEM_INTEGRATOR", 28], ["MSP", 17]]),
      status: archetype === "prospect" ? "PROSPECT" : "ACTIVE",
      industries: industries(rng, archetype),
      parentIndex: null,
      joinedDaysAgo: joinedDaysAgo(rng, archetype),
      annualRevenue: low > 0 ? Math.round(Math.exp(rng.between(Math.log(low), Math.log(high)))) : 0,
      declineFloor: archetype === "declining" ? rng.between(0.08, 0.4) : 1,
      winRateShift: rng.between(-0.06, 0.06),
      products: productMix(rng, archetype),
    };
  });
  makeDistributors(rng, plans, takenNames);
  suspendMostDormant(plans);
  return plans;
}

/** Big champion/steady partners become distributors, with some resellers of the region under them. */
function makeDistributors(rng: Random, plans: DemoPartnerPlan[], takenNames: Set<string>): void {
  for (const [regionCode, count] of Object.entries(DISTRIBUTORS_PER_REGION)) {
    const inRegion = plans.filter((p) => p.regionCode === regionCode);
    const candidates = inRegion.filter((p) => p.archetype === "champion" || p.archetype === "steady");
    const distributors = rng.sample(candidates, count);
    if (distributors.length === 0) continue;
    for (const d of distributors) {
      const name = partnerName(rng, d.country, true, (n) => !takenNames.has(n.normalizedName));
      takenNames.add(name.normalizedName);
      Object.assign(d, { name: name.name, slug: slugify(name.normalizedName), type: "DISTRIBUTOR", annualRevenue: Math.round(d.annualRevenue * 1.8) });
    }
    for (const p of inRegion) {
      if (p.type === "RESELLER" && rng.chance(0.45)) p.parentIndex = rng.pick(distributors).index;
    }
  }
}

function suspendMostDormant(plans: DemoPartnerPlan[]): void {
  const declining = plans.filter((p) => p.archetype === "declining").sort((a, b) => a.declineFloor - b.declineFloor);
  for (const p of declining.slice(0, SUSPENDED_COUNT)) p.status = "SUSPENDED";
}

let cached: readonly DemoPartnerPlan[] | undefined;

/** The demo's partner orgs, in insertion order (the same on every call and every machine). */
export function demoPartnerPlan(): readonly DemoPartnerPlan[] {
  cached ??= buildPlan();
  return cached;
}

/** The planted archetype of a seeded demo org, by its name; undefined for any other org. */
export function demoArchetypeOf(orgName: string): DemoArchetype | undefined {
  return demoPartnerPlan().find((p) => p.name === orgName)?.archetype;
}

/** The orgs the demo partner logins belong to: a lively champion and a steady partner elsewhere. */
export function demoLoginOrgs(): { partner: DemoPartnerPlan; partner2: DemoPartnerPlan } {
  const plans = demoPartnerPlan();
  const partner = plans.find((p) => p.archetype === "champion" && p.regionCode === "DACH" && p.type !== "DISTRIBUTOR");
  const partner2 = plans.find((p) => p.archetype === "steady" && p.regionCode === "NORDICS" && p.type !== "DISTRIBUTOR");
  if (!partner || !partner2) throw new Error("the demo plan has no org for the demo partner logins");
  return { partner, partner2 };
}

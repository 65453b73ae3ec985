// The end customers partners register deals for. Most deals bring a new customer; some return
// to one of the partner's own customers (expansion) and a few to another partner's customer in
// the same region, so deal-conflict detection has real cases to find.
import { DEMO_INDUSTRIES, demoRegion } from "./catalog.ts";
import { customerName } from "./names.ts";
import type { DemoPartnerPlan } from "./plan.ts";
import type { Random } from "./random.ts";
import type { CustomerRow } from "./rows.ts";

export type PickedCustomer = { row: CustomerRow; shortName: string; fromOtherPartner: boolean };

const REPEAT_SHARE = 0.3;
const OWN_REPEAT_SHARE = 0.65;

export class CustomerBook {
  readonly rows: CustomerRow[] = [];
  private readonly shortNames: string[] = [];
  private readonly owner: number[] = [];
  private readonly byRegion = new Map<string, number[]>();
  private readonly byOrg = new Map<number, number[]>();
  private readonly takenNames = new Set<string>();

  constructor(private readonly rng: Random) {}

  /** A customer for a deal `plan` registers at `at`. */
  pickFor(plan: DemoPartnerPlan, at: Date): PickedCustomer {
    const own = this.byOrg.get(plan.index) ?? [];
    const regional = this.byRegion.get(plan.regionCode) ?? [];
    if (this.rng.chance(REPEAT_SHARE)) {
      const fromOwn = own.length > 0 && this.rng.chance(OWN_REPEAT_SHARE);
      const pool = fromOwn ? own : regional;
      if (pool.length > 0) {
        const i = this.rng.pick(pool);
        if (this.rows[i].createdAt <= at) return this.picked(i, this.owner[i] !== plan.index);
      }
    }
    return this.picked(this.create(plan, at), false);
  }

  private picked(i: number, fromOtherPartner: boolean): PickedCustomer {
    return { row: this.rows[i], shortName: this.shortNames[i], fromOtherPartner };
  }

  private create(plan: DemoPartnerPlan, at: Date): number {
    const rng = this.rng;
    const country = rng.chance(0.75) ? plan.country : rng.weighted(demoRegion(plan.regionCode).countries);
    const industry = rng.chance(0.6) ? rng.pick(plan.industries) : rng.pick(DEMO_INDUSTRIES);
    const name = customerName(rng, country, industry, (n) => !this.takenNames.has(n.normalizedName));
    this.takenNames.add(name.normalizedName);
    const i = this.rows.length;
    this.rows.push({ id: rng.uuid(), name: name.name, normalizedName: name.normalizedName, domain: name.domain, country, industry, createdAt: at });
    this.shortNames.push(name.shortName);
    this.owner.push(plan.index);
    push(this.byRegion, plan.regionCode, i);
    push(this.byOrg, plan.index, i);
    return i;
  }
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// Monthly sales per partner and module, as the vendor's ERP would report them: each partner's
// archetype curve times its region's growth and seasonality, with noise. Each record is a
// monthly aggregate dated the first of its month; the current month holds sales to date.
import { businessIntensity, ARCHETYPE_PROFILES } from "./archetypes.ts";
import { DAY_MS, isoDate } from "./calendar.ts";
import { demoRegion, seasonalFactor, type DemoProduct } from "./catalog.ts";
import { timeContext, type DemoClock } from "./clock.ts";
import type { DemoPartnerPlan } from "./plan.ts";
import { Random } from "./random.ts";
import type { SalesRow } from "./rows.ts";

export type SeededProduct = DemoProduct & { id: string };

export type DemoSales = {
  rows: SalesRow[];
  /** Revenue of the 12 full months before the current one, per org index, in minor units. */
  trailing12m: number[];
};

/** New modules take half a year to reach their full share of a partner's sales. */
function adoption(product: DemoProduct, monthsAgo: number): number {
  if (product.launchedMonthsAgo === undefined) return 1;
  const monthsLive = product.launchedMonthsAgo - monthsAgo;
  return monthsLive < 0 ? 0 : Math.min(1, (monthsLive + 1) / 6);
}

export function generateSales(plans: readonly DemoPartnerPlan[], products: ReadonlyMap<string, SeededProduct>, clock: DemoClock): DemoSales {
  const rng = new Random("channelwise-demo:sales");
  const rows: SalesRow[] = [];
  const trailing12m = plans.map(() => 0);
  const monthElapsed = (clock.now.getTime() - clock.currentMonth.getTime()) / (daysInMonth(clock.currentMonth) * DAY_MS);

  // Month by month, so the bigserial ids grow with time as a monthly ERP import would number them.
  for (const month of clock.months) {
    for (const plan of plans) {
      const region = demoRegion(plan.regionCode);
      const t = timeContext(plan, clock, month);
      const base = businessIntensity(plan.archetype, t);
      if (base <= 0) continue;
      const marketTrend = Math.pow(1 + region.growthPerYear, -t.monthsAgo / 12);
      const partial = t.monthsAgo === 0 ? monthElapsed : 1;
      const season = seasonalFactor(region, month.getUTCMonth());
      const noise = ARCHETYPE_PROFILES[plan.archetype].salesNoise;
      for (const { sku, weight } of plan.products) {
        const product = products.get(sku)!;
        const intensity = base * adoption(product, t.monthsAgo);
        if (intensity <= 0) continue;
        const major = (plan.annualRevenue / 12) * weight * intensity * marketTrend * season * rng.lognormal(noise) * partial;
        const amount = Math.round(major) * 100;
        if (amount <= 0) continue;
        if (t.monthsAgo >= 1 && t.monthsAgo <= 12) trailing12m[plan.index] += amount;
        rows.push({
          partnerOrgId: plan.id,
          regionCode: region.code,
          productId: product.id,
          soldOn: month,
          amount,
          currency: region.currency,
          externalRef: `DEMO-ERP-${plan.index.toString().padStart(3, "0")}-${sku}-${isoDate(month).slice(0, 7)}`,
          createdAt: new Date(Math.min(clock.now.getTime(), month.getTime() + 33 * DAY_MS)),
        });
      }
    }
  }
  return { rows, trailing12m };
}

function daysInMonth(monthStart: Date): number {
  return new Date(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth() + 1, 0)).getUTCDate();
}

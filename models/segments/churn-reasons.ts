// Reasons in words: the model's per-feature pushes on the log-odds, grouped by topic (revenue,
// win rate, logins…), ranked, and phrased with the partner's own numbers.
import type { ChurnFeature, ChurnObservation } from "./churn-features.ts";
import { CHURN_FEATURES, windowWinRate } from "./churn-features.ts";

export type Driver =
  | "revenue"
  | "winRate"
  | "registrations"
  | "logins"
  | "enablement"
  | "certifications"
  | "breadth"
  | "cycle";

export type Reason = {
  text: string;
  /** The topic the model features behind this reason belong to. */
  feature: Driver;
  /** Whether it pushes the score it explains (churn risk or health) up or down. */
  direction: "up" | "down";
  /** How hard it pushes: log-odds of churn for churn reasons, health points for health reasons. */
  weight: number;
};

const DRIVER_OF: Readonly<Record<ChurnFeature, Driver>> = {
  revenueTrend: "revenue",
  growth12m: "revenue",
  winRate: "winRate",
  winRateTrend: "winRate",
  registrations: "registrations",
  registrationsTrend: "registrations",
  logins: "logins",
  loginsTrend: "logins",
  actionsTrend: "enablement",
  trainings: "enablement",
  demos: "enablement",
  certifications: "certifications",
  productBreadth: "breadth",
  cycleDays: "cycle",
};

/** Below this push on the log-odds a topic is not worth a sentence. */
const MIN_WEIGHT = 0.05;

const pct = (x: number) => `${Math.round(x * 100)} %`;
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function change(before: number, after: number, what: string, unit = ""): string {
  if (before === after) return `${what} steady at ${after}${unit} over the last four quarters`;
  return `${what} ${after < before ? "down" : "up"} from ${before} to ${after}${unit} in two quarters`;
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  return (ty - fy) * 12 + (tm - fm);
}

/** One sentence about a topic, with the partner's numbers; true whichever way it pushes. */
export function describeDriver(driver: Driver, o: ChurnObservation): string {
  const { features: f, windows: w } = o;
  switch (driver) {
    case "revenue": {
      if (w.prior.revenue > 0 && w.last.revenue !== w.prior.revenue) {
        const rel = (w.last.revenue - w.prior.revenue) / w.prior.revenue;
        return `revenue ${rel < 0 ? "down" : "up"} ${pct(Math.abs(rel))} on the previous two quarters`;
      }
      if (f.growth !== null) return `revenue ${f.growth < 0 ? "down" : "up"} ${pct(Math.abs(f.growth))} on the previous 12 months`;
      return w.last.revenue > 0 ? "first revenue in the last 6 months, none in the 6 months before" : "no revenue in the last 6 months";
    }
    case "winRate": {
      const last = windowWinRate(w.last);
      const prior = windowWinRate(w.prior);
      if (last !== null && prior !== null && Math.round(last * 100) !== Math.round(prior * 100)) {
        return `win rate ${last < prior ? "fell" : "rose"} from ${pct(prior)} to ${pct(last)} in two quarters`;
      }
      if (f.winRate !== null) return `win rate ${pct(f.winRate)} over the last 12 months (${f.wonCount12m} won, ${f.lostCount12m} lost)`;
      return "no deal won or lost in the last 12 months";
    }
    case "registrations":
      return change(w.prior.submitted, w.last.submitted, "deal registrations");
    case "logins":
      return change(Math.round(w.prior.logins / 2), Math.round(w.last.logins / 2), "logins", " per quarter");
    case "enablement":
      return change(w.prior.actions, w.last.actions, "trainings, certifications and demos");
    case "certifications": {
      if (f.certifications12m > 0) return `${plural(f.certifications12m, "certification")} in the last 12 months`;
      if (o.windows.lastCertificationOn === null) return "no certification in the last 12 months, and none before";
      return `no certification in the last 12 months (the last one ${monthsBetween(o.windows.lastCertificationOn, o.asOf)} months ago)`;
    }
    case "breadth":
      return `sells ${plural(f.productBreadth, "product")} in the last 12 months`;
    case "cycle":
      return f.cycleDays === null ? "no deal won in the last 12 months" : `won deals took ${Math.round(f.cycleDays)} days to close on average`;
  }
}

/** Summed push on the log-odds per topic, from per-feature contributions in CHURN_FEATURES order. */
export function driverWeights(contributions: readonly number[]): Map<Driver, number> {
  const sums = new Map<Driver, number>();
  CHURN_FEATURES.forEach((name, j) => {
    const driver = DRIVER_OF[name];
    sums.set(driver, (sums.get(driver) ?? 0) + contributions[j]);
  });
  return sums;
}

/** Upper-cases the first letter, so a reason reads as a sentence. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The topics pushing the churn risk the given way most, strongest first: at most `limit`, each
 * pushing the log-odds by at least MIN_WEIGHT. `raising` picks the risk's drivers, otherwise
 * what holds the risk down.
 */
export function topDrivers(
  contributions: readonly number[],
  raising: boolean,
  limit = 4,
): { driver: Driver; weight: number }[] {
  const sign = raising ? 1 : -1;
  return [...driverWeights(contributions)]
    .map(([driver, weight]) => ({ driver, weight: sign * weight }))
    .filter((d) => d.weight >= MIN_WEIGHT)
    .sort((a, b) => b.weight - a.weight || a.driver.localeCompare(b.driver))
    .slice(0, limit);
}

/** Churn reasons: what raises this partner's risk most, in words, weights in log-odds. */
export function churnReasons(o: ChurnObservation, contributions: readonly number[]): Reason[] {
  return topDrivers(contributions, true).map(({ driver, weight }) => ({
    text: sentence(describeDriver(driver, o)),
    feature: driver,
    direction: "up",
    weight: round3(weight),
  }));
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

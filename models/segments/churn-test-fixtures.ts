// Test fixtures: partner features and half-year windows with everything zero unless given.
import type { PartnerFeatures } from "../partners/features.ts";
import type { HalfYear, PartnerWindows } from "./churn-history.ts";

const half = (h: Partial<HalfYear> = {}): HalfYear => ({ revenue: 0, won: 0, lost: 0, submitted: 0, logins: 0, actions: 0, ...h });

export function windowsOf(w: { last?: Partial<HalfYear>; prior?: Partial<HalfYear>; next?: { revenue: number; won: number } } = {}): PartnerWindows {
  return {
    partnerOrgId: "p",
    asOf: "2026-05-01",
    last: half(w.last),
    prior: half(w.prior),
    next: w.next ?? { revenue: 0, won: 0 },
    lastCertificationOn: null,
  };
}

export function featuresOf(f: Partial<PartnerFeatures> = {}): PartnerFeatures {
  return {
    partnerOrgId: "p", asOf: "2026-05-01", computedAt: new Date(0), revenue12m: 0, revenuePrev12m: 0, growth: null,
    dealCount12m: 0, wonCount12m: 0, lostCount12m: 0, winRate: null, avgDealSize: null, cycleDays: null, logins90d: 0,
    trainings12m: 0, certifications12m: 0, demos12m: 0, solutions12m: 0, productBreadth: 0, ...f,
  };
}

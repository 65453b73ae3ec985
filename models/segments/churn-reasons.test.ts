// Reasons in words: each topic quotes the partner's numbers, topics are ranked by their push,
// and weak pushes are left out.
import { describe, expect, it } from "vitest";
import { CHURN_FEATURES, churnVector, type ChurnObservation } from "./churn-features.ts";
import { featuresOf, windowsOf } from "./churn-test-fixtures.ts";
import { churnReasons, describeDriver, driverWeights, topDrivers } from "./churn-reasons.ts";

function observation(o: { features?: Parameters<typeof featuresOf>[0]; windows?: Parameters<typeof windowsOf>[0]; lastCertificationOn?: string }): ChurnObservation {
  const features = featuresOf(o.features);
  const windows = { ...windowsOf(o.windows), lastCertificationOn: o.lastCertificationOn ?? null };
  return { partnerOrgId: "p", asOf: "2026-05-01", features, windows, vector: churnVector(features, windows) };
}

const push = (pairs: Partial<Record<(typeof CHURN_FEATURES)[number], number>>) => CHURN_FEATURES.map((name) => pairs[name] ?? 0);

describe("describeDriver", () => {
  it("phrases falls and rises with the partner's own numbers", () => {
    const o = observation({
      features: { certifications12m: 0 },
      windows: {
        last: { revenue: 38_000, won: 2, lost: 9, logins: 8, submitted: 2 },
        prior: { revenue: 100_000, won: 7, lost: 10, logins: 60, submitted: 8 },
      },
      lastCertificationOn: "2025-02-10",
    });
    expect(describeDriver("revenue", o)).toBe("revenue down 62 % on the previous two quarters");
    expect(describeDriver("winRate", o)).toBe("win rate fell from 41 % to 18 % in two quarters");
    expect(describeDriver("logins", o)).toBe("logins down from 30 to 4 per quarter in two quarters");
    expect(describeDriver("registrations", o)).toBe("deal registrations down from 8 to 2 in two quarters");
    expect(describeDriver("certifications", o)).toBe("no certification in the last 12 months (the last one 15 months ago)");
  });

  it("falls back to 12-month levels where the half-year windows say nothing", () => {
    const o = observation({ features: { winRate: 0.5, wonCount12m: 1, lostCount12m: 1, growth: -0.25, certifications12m: 1 } });
    expect(describeDriver("winRate", o)).toBe("win rate 50 % over the last 12 months (1 won, 1 lost)");
    expect(describeDriver("revenue", o)).toBe("revenue down 25 % on the previous 12 months");
    expect(describeDriver("certifications", o)).toBe("1 certification in the last 12 months");
    expect(describeDriver("cycle", o)).toBe("no deal won in the last 12 months");
  });
});

describe("ranking", () => {
  it("sums the pushes per topic and keeps the strongest few in the asked direction", () => {
    const c = push({ revenueTrend: 0.8, growth12m: 0.4, loginsTrend: 1.5, winRate: -0.9, certifications: 0.01 });
    expect(driverWeights(c).get("revenue")).toBeCloseTo(1.2, 12);
    expect(topDrivers(c, true).map((d) => d.driver)).toEqual(["logins", "revenue"]);
    expect(topDrivers(c, false).map((d) => d.driver)).toEqual(["winRate"]);
    expect(topDrivers(push({ logins: 1, trainings: 1, winRate: 1, cycleDays: 1, productBreadth: 1 }), true)).toHaveLength(4);
  });

  it("writes churn reasons as sentences with their topic, direction and weight", () => {
    const o = observation({ windows: { last: { logins: 8 }, prior: { logins: 60 } } });
    expect(churnReasons(o, push({ loginsTrend: 1.23456 }))).toEqual([
      { text: "Logins down from 30 to 4 per quarter in two quarters", feature: "logins", direction: "up", weight: 1.235 },
    ]);
  });
});

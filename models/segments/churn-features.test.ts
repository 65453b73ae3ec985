// The churn label, the activity filter, the symmetric change, the feature vector and the
// monthly snapshot days.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHURN_FEATURES, churnedAfter, churnVector, isActiveAt, labelledSnapshots, symmetricChange } from "./churn-features.ts";
import { featuresOf, windowsOf } from "./churn-test-fixtures.ts";

describe("churnedAfter", () => {
  it("is true when revenue falls below half, or the partner goes silent", () => {
    expect(churnedAfter(windowsOf({ last: { revenue: 1000 }, next: { revenue: 499, won: 3 } }))).toBe(true);
    expect(churnedAfter(windowsOf({ last: { revenue: 1000 }, next: { revenue: 500, won: 0 } }))).toBe(false);
    expect(churnedAfter(windowsOf({ last: { won: 2 }, next: { revenue: 0, won: 0 } }))).toBe(true);
    expect(churnedAfter(windowsOf({ last: { won: 2 }, next: { revenue: 0, won: 1 } }))).toBe(false);
  });

  it("only asks partners that did business before the snapshot", () => {
    expect(isActiveAt(windowsOf())).toBe(false);
    expect(isActiveAt(windowsOf({ last: { logins: 30 } }))).toBe(false);
    expect(isActiveAt(windowsOf({ last: { revenue: 1 } }))).toBe(true);
    expect(isActiveAt(windowsOf({ last: { won: 1 } }))).toBe(true);
  });
});

describe("symmetricChange", () => {
  it("is 0 for no change, ±2 when one side is zero, and antisymmetric", () => {
    expect(symmetricChange(0, 0)).toBe(0);
    expect(symmetricChange(5, 5)).toBe(0);
    expect(symmetricChange(10, 0)).toBe(-2);
    expect(symmetricChange(0, 10)).toBe(2);
    fc.assert(
      fc.property(fc.nat(1e9), fc.nat(1e9), (a, b) => {
        const c = symmetricChange(a, b);
        expect(c).toBeGreaterThanOrEqual(-2);
        expect(c).toBeLessThanOrEqual(2);
        expect(symmetricChange(b, a)).toBeCloseTo(-c, 12);
      }),
    );
  });
});

describe("churnVector", () => {
  it("has one value per feature, null where nothing was measured", () => {
    const v = churnVector(featuresOf({ winRate: 0.5, logins90d: 9 }), windowsOf({ last: { won: 1, lost: 3, logins: 4 }, prior: { won: 2, lost: 2, logins: 12 } }));
    expect(v).toHaveLength(CHURN_FEATURES.length);
    const at = (name: (typeof CHURN_FEATURES)[number]) => v[CHURN_FEATURES.indexOf(name)];
    expect(at("winRateTrend")).toBeCloseTo(0.25 - 0.5, 12);
    expect(at("loginsTrend")).toBe(-1);
    expect(at("logins")).toBeCloseTo(Math.log(10), 12);
    expect(at("growth12m")).toBeNull();
    expect(at("cycleDays")).toBeNull();
  });
});

describe("labelledSnapshots", () => {
  it("gives month starts from six months back, one month apart, across year ends", () => {
    const days = labelledSnapshots(new Date("2026-02-17T10:00:00Z"), 3).map((d) => d.toISOString().slice(0, 10));
    expect(days).toEqual(["2025-08-01", "2025-07-01", "2025-06-01"]);
  });
});

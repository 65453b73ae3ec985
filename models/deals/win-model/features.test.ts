// A deal's features see only what was known at its moment: deals closed (or registered) after
// it are ignored, and so is the deal itself; the encoding and the reasons in words.
import { describe, expect, it } from "vitest";
import type { DealFacts } from "./facts.ts";
import { buildVocabulary, encodeSnapshot, featureNames, snapshotDeal, smoothedWinRate } from "./features.ts";
import { PartnerHistory } from "./history.ts";
import { describeFactor, topReasons } from "./reasons.ts";

const day = (d: number) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000);
let n = 0;
function deal(over: Partial<DealFacts>): DealFacts {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`, partnerOrgId: "p1", status: "APPROVED", amount: 10_000_000, currency: "EUR",
    submittedAt: day(0), expectedCloseDate: day(60), closedAt: null, productCount: 1, productLines: ["Finance"], industry: "retail", conflictScore: null, segment: null, ...over,
  };
}

describe("snapshotDeal", () => {
  const past = [
    deal({ status: "WON", submittedAt: day(0), closedAt: day(20), amount: 5_000_000 }),
    deal({ status: "LOST", submittedAt: day(5), closedAt: day(30), amount: 7_000_000 }),
    deal({ status: "WON", submittedAt: day(10), closedAt: day(40), amount: 9_000_000 }),
  ];
  const target = deal({ submittedAt: day(35), expectedCloseDate: day(80), amount: 21_000_000 });
  // Closed after the target's submission, and registered after it: neither may count.
  const later = [deal({ status: "WON", submittedAt: day(12), closedAt: day(50) }), deal({ status: "LOST", submittedAt: day(36), closedAt: day(70), amount: 1_000_000 })];
  const otherPartner = deal({ partnerOrgId: "p2", status: "LOST", submittedAt: day(1), closedAt: day(2) });

  it("ignores deals closed or registered after the deal's submission", () => {
    const s = snapshotDeal(target, new PartnerHistory([...past, target, ...later, otherPartner]), target.submittedAt);
    // The deal registered on day 12 counts toward the typical size (its registration was known), not its outcome.
    expect(s.partner).toEqual({ wins: 1, closed: 2, typicalAmount: 8_000_000 });
    expect(s.plannedCycleDays).toBe(45);
    expect(s.daysToClose).toBe(45);
  });

  it("gives the same features whatever happened later", () => {
    const stillOpen = { ...later[0], status: "APPROVED" as const, closedAt: null };
    const withoutFuture = snapshotDeal(target, new PartnerHistory([...past, target, stillOpen]), target.submittedAt);
    const withFuture = snapshotDeal(target, new PartnerHistory([...past, target, ...later]), target.submittedAt);
    expect(withFuture).toEqual(withoutFuture);
  });

  it("never counts the deal's own outcome, even when asked as of after its close", () => {
    const closed = deal({ status: "WON", submittedAt: day(45), closedAt: day(46) });
    const s = snapshotDeal(closed, new PartnerHistory([...past, closed]), day(100));
    expect(s.partner.closed).toBe(3);
  });

  it("reads a later moment's record for an open deal scored now", () => {
    const s = snapshotDeal(target, new PartnerHistory([...past, target, ...later]), day(75));
    expect(s.partner).toMatchObject({ wins: 3, closed: 5 });
    expect(s.daysToClose).toBe(5);
  });
});

describe("encoding", () => {
  it("one-hot encodes lines, the top industries (others share a column) and segments", () => {
    const history = new PartnerHistory([]);
    const snaps = [
      snapshotDeal(deal({ productLines: ["CRM", "Finance"], productCount: 2, industry: "retail", segment: "Champion" }), history, day(0)),
      snapshotDeal(deal({ industry: null }), history, day(0)),
    ];
    const vocabulary = buildVocabulary(snaps, [1, 0]);
    expect(vocabulary).toEqual({ lines: ["CRM", "Finance"], industries: ["retail"], segments: ["Champion"], baseRate: 0.5 });
    const names = featureNames(vocabulary);
    const row = Object.fromEntries(encodeSnapshot(snaps[0], vocabulary).map((v, j) => [names[j], v]));
    expect(row).toMatchObject({ "line:CRM": 1, "line:Finance": 1, "industry:retail": 1, "industry:other": 0, "segment:Champion": 1, "segment:none": 0, product_count: 2, partner_win_rate: 0.5 });
    const other = Object.fromEntries(encodeSnapshot(snaps[1], vocabulary).map((v, j) => [names[j], v]));
    expect(other).toMatchObject({ "industry:retail": 0, "industry:other": 1, "segment:none": 1 });
  });

  it("shrinks a short record toward the base rate", () => {
    expect(smoothedWinRate({ wins: 3, closed: 3, typicalAmount: null }, 0.4)).toBeCloseTo(5 / 8, 12);
    expect(smoothedWinRate({ wins: 0, closed: 0, typicalAmount: null }, 0.4)).toBeCloseTo(0.4, 12);
  });
});

describe("reasons", () => {
  const s = snapshotDeal(
    deal({ amount: 48_000_000, conflictScore: 0.8, submittedAt: day(0), expectedCloseDate: day(45) }),
    new PartnerHistory(Array.from({ length: 8 }, (_, i) => deal({ status: i < 5 ? "WON" : "LOST", amount: 16_000_000, submittedAt: day(-100 + i), closedAt: day(-50 + i) }))),
    day(33),
  );

  it("says each factor in words with the deal's numbers", () => {
    expect(describeFactor("partner", s)).toBe("partner won 63 % of its last 8 closed deals");
    expect(describeFactor("value", s)).toBe("value €480,000 is 3× the partner's typical deal");
    expect(describeFactor("cycle", s)).toBe("close planned in 12 days, a 45-day sales cycle");
    expect(describeFactor("conflict", s)).toBe("possible conflict with another registration");
  });

  it("keeps the three strongest factors, summing one-hot columns of the same factor", () => {
    const names = ["partner_win_rate", "partner_closed_deals", "log_value", "line:CRM", "line:Finance", "conflict_score", "planned_cycle_days"];
    const reasons = topReasons(names, [0.3, 0.1, -0.05, -0.2, -0.15, -0.5, 0.01], s);
    expect(reasons.map((r) => [r.factor, r.effect])).toEqual([["conflict", -0.5], ["partner", 0.4], ["products", -0.35]]);
  });
});

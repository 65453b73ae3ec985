// The engine per programme kind, at each kind's boundaries: effective windows, SPIFF window
// edges, budget and monthly caps (partial on the crossing event), first orders, regional gaps,
// segments, and the quarterly tier explanation; plus determinism and stable keys.
import { describe, expect, it } from "vitest";
import { computeAccruals } from "./engine.ts";
import { aProgram, aWonDeal, anInput } from "./fixtures.ts";
import { parseProgramRules } from "./rules.ts";
import type { ActivityInput, ProgramInput } from "./types.ts";

const program = (kind: Parameters<typeof parseProgramRules>[0], rules: unknown, overrides: Partial<Omit<ProgramInput, "kind" | "rules">> = {}) =>
  aProgram(parseProgramRules(kind, rules), overrides);

describe("commission", () => {
  const commission = program("COMMISSION", { rateBasisPoints: 500, ratesByLine: { HR: 750 } });

  it("pays the rate on the closed value with an explained, stable key", () => {
    const [draft] = computeAccruals(anInput({ programs: [commission], wonDeals: [aWonDeal({ id: "d1", title: "Acme ERP" })] }));
    expect(draft).toMatchObject({
      idempotencyKey: "commission:v1:commission:deal:d1",
      kind: "ACCRUAL",
      amount: 600_000,
      currency: "EUR",
      dealId: "d1",
      explanation: '5 % of €120,000.00: Test commission on won deal "Acme ERP"',
      explanationData: { programKey: "commission", programVersion: 1, rule: "commission", rateBasisPoints: 500, base: 12_000_000 },
    });
  });

  it("splits a mixed deal evenly by product line, each at its line's rate", () => {
    const deal = aWonDeal({ id: "d1", closedAmount: 100_001, products: [{ sku: "HR-PAY", line: "HR", isNew: false }, { sku: "FIN-CORE", line: "Finance", isNew: false }] });
    const [draft] = computeAccruals(anInput({ programs: [commission], wonDeals: [deal] }));
    // FIN-CORE (first by SKU) gets 50,001, HR-PAY 50,000: 2,500.05 + 3,750 → 6,250.05 → 6,250.
    expect(draft.amount).toBe(6_250);
    expect(draft.explanationData.lines).toEqual([
      { line: "Finance", base: 50_001, rateBasisPoints: 500 },
      { line: "HR", base: 50_000, rateBasisPoints: 750 },
    ]);
  });

  it("counts deals from the first effective day through the last, and nothing for a draft programme", () => {
    const windowed = { ...commission, effectiveFrom: new Date("2026-11-01T00:00:00Z"), effectiveTo: new Date("2026-11-30T00:00:00Z") };
    const deals = [
      aWonDeal({ id: "before", closedAt: new Date("2026-10-31T23:59:59.999Z") }),
      aWonDeal({ id: "first", closedAt: new Date("2026-11-01T00:00:00Z") }),
      aWonDeal({ id: "last", closedAt: new Date("2026-11-30T23:59:59.999Z") }),
      aWonDeal({ id: "after", closedAt: new Date("2026-12-01T00:00:00Z") }),
    ];
    expect(computeAccruals(anInput({ programs: [windowed], wonDeals: deals })).map((d) => d.dealId)).toEqual(["first", "last"]);
    expect(computeAccruals(anInput({ programs: [{ ...commission, status: "DRAFT" }], wonDeals: deals }))).toEqual([]);
    expect(computeAccruals(anInput({ programs: [{ ...commission, status: "ARCHIVED" }], wonDeals: deals }))).toHaveLength(4);
  });

  it("ignores deals in another currency than the programme's", () => {
    expect(computeAccruals(anInput({ programs: [commission], wonDeals: [aWonDeal({ id: "d1", currency: "USD" })] }))).toEqual([]);
  });
});

describe("tiered rebate", () => {
  const tiers = [
    { fromAmount: 0, rateBasisPoints: 200 },
    { fromAmount: 10_000_000, rateBasisPoints: 300 },
    { fromAmount: 25_000_000, rateBasisPoints: 500 },
  ];
  const deals = [
    aWonDeal({ id: "d1", closedAmount: 6_000_000, closedAt: new Date("2026-10-05T00:00:00Z") }),
    aWonDeal({ id: "d2", closedAmount: 12_000_000, closedAt: new Date("2026-11-20T00:00:00Z"), products: [{ sku: "ANL-CLOUD", line: "Analytics", isNew: true }] }),
    aWonDeal({ id: "d3", closedAmount: 1_000_000, closedAt: new Date("2027-01-02T00:00:00Z") }),
  ];

  it("retroactive: the quarter's whole volume at the reached tier, explained with tier and quarter-to-date volume", () => {
    const rebate = program("TIERED_REBATE", { period: "QUARTER", mode: "RETROACTIVE", tiers }, { name: "Q Volume Rebate" });
    const drafts = computeAccruals(anInput({ programs: [rebate], wonDeals: deals }));
    expect(drafts.map((d) => [d.idempotencyKey, d.amount])).toEqual([
      ["tiered-rebate:v1:tier:partner-a:2026-Q4", 540_000],
      ["tiered-rebate:v1:tier:partner-a:2027-Q1", 20_000],
    ]);
    expect(drafts[0].explanation).toBe("3 % of €180,000.00: tier 2 of Q Volume Rebate because your 2026-Q4 quarter-to-date won volume is €180,000.00");
    expect(drafts[0].explanationData).toMatchObject({ tier: 2, quarter: "2026-Q4", quarterToDate: 18_000_000, rateBasisPoints: 300 });
    expect(drafts[0].occurredAt).toEqual(new Date("2026-11-20T00:00:00Z"));
  });

  it("marginal: each slice at its tier's rate", () => {
    const rebate = program("TIERED_REBATE", { period: "QUARTER", mode: "MARGINAL", tiers });
    const [q4] = computeAccruals(anInput({ programs: [rebate], wonDeals: deals }));
    expect(q4.amount).toBe(200_000 + 240_000);
    expect(q4.explanation).toContain("2 % of €100,000.00, 3 % of €80,000.00");
  });

  it("pays an accelerator on the quarter's volume of its products", () => {
    const rebate = program("TIERED_REBATE", {
      period: "QUARTER",
      tiers,
      accelerators: [{ productSkus: ["ANL-CLOUD"], extraBasisPoints: 50, reason: "strategic modules" }],
    });
    const accelerator = computeAccruals(anInput({ programs: [rebate], wonDeals: deals })).find((d) => d.explanationData.rule === "accelerator");
    expect(accelerator).toMatchObject({ idempotencyKey: "tiered-rebate:v1:accelerator:1:partner-a:2026-Q4", amount: 60_000 });
  });

  it("counts ERP sales instead of deals when the base is SALES_AMOUNT", () => {
    const rebate = program("TIERED_REBATE", { period: "QUARTER", base: "SALES_AMOUNT", tiers });
    const sales = [{ id: "s1", partnerOrgId: "partner-a", productSku: "FIN-CORE", soldOn: new Date("2026-11-01T00:00:00Z"), amount: 10_000_000, currency: "EUR" }];
    const [draft] = computeAccruals(anInput({ programs: [rebate], wonDeals: deals, sales }));
    expect(draft).toMatchObject({ amount: 300_000, explanationData: { tier: 2, quarterToDate: 10_000_000 } });
    expect(draft.explanation).toContain("quarter-to-date sales is €100,000.00");
  });
});

describe("SPIFF", () => {
  const spiff = program("SPIFF", { from: "2026-11-01", to: "2026-11-30", bonus: 50_000, regionCodes: ["EMEA-N"], industries: ["Manufacturing"], budgetCap: 120_000 });
  const closedAt = (iso: string) => new Date(iso);

  it("pays deals closed from the first through the last UTC day of the window, matching every filter", () => {
    const deals = [
      aWonDeal({ id: "a-before", closedAt: closedAt("2026-10-31T23:59:59.999Z") }),
      aWonDeal({ id: "b-first", closedAt: closedAt("2026-11-01T00:00:00Z") }),
      aWonDeal({ id: "c-last", closedAt: closedAt("2026-11-30T23:59:59.999Z") }),
      aWonDeal({ id: "d-after", closedAt: closedAt("2026-12-01T00:00:00Z") }),
      aWonDeal({ id: "e-region", regionCode: "APAC" }),
      aWonDeal({ id: "f-industry", industry: "Retail" }),
      aWonDeal({ id: "g-no-industry", industry: null }),
    ];
    expect(computeAccruals(anInput({ programs: [spiff], wonDeals: deals })).map((d) => d.dealId)).toEqual(["b-first", "c-last"]);
  });

  it("exhausts the budget in closing order: the deal that crosses it gets what is left, later ones nothing", () => {
    const deals = ["d4", "d3", "d2", "d1"].map((id, i) => aWonDeal({ id, closedAt: closedAt(`2026-11-0${i < 2 ? 5 : 4 - i + 2}T00:00:00Z`) }));
    // d4 and d3 close on the 5th (tie → by id: d3 first), d2 on the 4th, d1 on the 3rd.
    const drafts = computeAccruals(anInput({ programs: [spiff], wonDeals: deals }));
    expect(drafts.map((d) => [d.dealId, d.amount])).toEqual([["d1", 50_000], ["d2", 50_000], ["d3", 20_000]]);
    expect(drafts[2].explanation).toContain("capped at €200.00, what was left of the €1,200.00 budget");
    expect(drafts[2].explanationData).toMatchObject({ uncappedAmount: 50_000, cap: 120_000, capKind: "BUDGET" });
  });

  it("uses the tighter of the programme budget and the SPIFF's own cap", () => {
    const tight = { ...spiff, budgetCap: 50_000 };
    expect(computeAccruals(anInput({ programs: [tight], wonDeals: [aWonDeal({ id: "d1" }), aWonDeal({ id: "d2" })] })).map((d) => d.amount)).toEqual([50_000]);
  });
});

describe("new product first order", () => {
  const firstOrder = program("NEW_PRODUCT_FIRST_ORDER", { bonus: 25_000 }, { effectiveFrom: new Date("2026-06-01T00:00:00Z") });
  const anl = { sku: "ANL-CLOUD", line: "Analytics", isNew: true };

  it("pays once per partner and new product, on the earliest won deal", () => {
    const deals = [
      aWonDeal({ id: "later", products: [anl], closedAt: new Date("2026-11-10T00:00:00Z") }),
      aWonDeal({ id: "first", products: [anl, { sku: "FIN-CORE", line: "Finance", isNew: false }], closedAt: new Date("2026-11-01T00:00:00Z") }),
      aWonDeal({ id: "other-partner", partnerOrgId: "partner-b", products: [anl] }),
    ];
    const drafts = computeAccruals(anInput({ programs: [firstOrder], wonDeals: deals }));
    expect(drafts.map((d) => [d.idempotencyKey, d.partnerOrgId])).toEqual([
      ["new-product-first-order:v1:first-order:deal:first:ANL-CLOUD", "partner-a"],
      ["new-product-first-order:v1:first-order:deal:other-partner:ANL-CLOUD", "partner-b"],
    ]);
  });

  it("pays nothing after a prior order or a first order before the programme began", () => {
    const deal = aWonDeal({ id: "d1", products: [anl] });
    expect(computeAccruals(anInput({ programs: [firstOrder], wonDeals: [deal], priorFirstOrders: [{ partnerOrgId: "partner-a", sku: "ANL-CLOUD" }] }))).toEqual([]);
    const early = aWonDeal({ id: "d0", products: [anl], closedAt: new Date("2026-05-31T00:00:00Z") });
    expect(computeAccruals(anInput({ programs: [firstOrder], wonDeals: [deal, early] }))).toEqual([]);
  });
});

describe("action rewards", () => {
  const actions = program("ACTION_REWARD", { amounts: { DEMO: 5_000, CERTIFICATION: 10_000 }, monthlyCap: 18_000 });
  const activity = (id: string, kind: ActivityInput["kind"], iso: string, partnerOrgId = "partner-a"): ActivityInput => ({ id, partnerOrgId, kind, occurredAt: new Date(iso) });

  it("caps each partner's month in the order actions happened, partially for the crossing one", () => {
    const activities = [
      activity("10", "DEMO", "2026-11-02T00:00:00Z"),
      activity("9", "DEMO", "2026-11-02T00:00:00Z"), // same instant: id 9 before id 10
      activity("11", "CERTIFICATION", "2026-11-03T00:00:00Z"),
      activity("12", "DEMO", "2026-11-04T00:00:00Z"),
      activity("13", "DEMO", "2026-12-01T00:00:00Z"), // a new month, a fresh cap
      activity("14", "LOGIN", "2026-11-01T00:00:00Z"),
      activity("15", "SOLUTION_SUBMITTED", "2026-11-01T00:00:00Z"), // no amount set
      activity("16", "DEMO", "2026-11-05T00:00:00Z", "partner-b"),
    ];
    const drafts = computeAccruals(anInput({ programs: [actions], activities }));
    expect(drafts.map((d) => [d.activityId, d.amount])).toEqual([
      ["9", 5_000],
      ["10", 5_000],
      ["11", 8_000],
      ["16", 5_000],
      ["13", 5_000],
    ]);
    expect(drafts[2].explanationData).toMatchObject({ capKind: "MONTHLY", cap: 18_000, uncappedAmount: 10_000, month: "2026-11" });
  });

  it("pays the whole cap when the actions add up to it exactly", () => {
    const exact = { ...actions, rules: { ...actions.rules, monthlyCap: 10_000 } } as typeof actions;
    const drafts = computeAccruals(anInput({ programs: [exact], activities: [activity("1", "DEMO", "2026-11-02T00:00:00Z"), activity("2", "DEMO", "2026-11-03T00:00:00Z"), activity("3", "DEMO", "2026-11-04T00:00:00Z")] }));
    expect(drafts.map((d) => d.amount)).toEqual([5_000, 5_000]);
    expect(drafts.every((d) => d.explanationData.capKind === undefined)).toBe(true);
  });
});

describe("regional boost", () => {
  const boost = program("REGIONAL_BOOST", { rateBasisPoints: 100, maxMultiplierBasisPoints: 12_000, multiplierBasisPointsByRegion: { LATAM: 15_000 } });
  const deals = ["EMEA-N", "EMEA-S", "APAC", "NA", "LATAM"].map((regionCode) => aWonDeal({ id: regionCode, regionCode }));
  const regionTargets = [
    { regionCode: "EMEA-N", targetAmount: 100_000_000, forecastAmount: 75_000_000, managerGapBasisPoints: null }, // 25 % gap, capped at ×1.2
    { regionCode: "EMEA-S", targetAmount: 100_000_000, forecastAmount: 95_000_000, managerGapBasisPoints: 3_000 }, // forecast wins: 5 %
    { regionCode: "APAC", targetAmount: 100_000_000, forecastAmount: null, managerGapBasisPoints: 1_000 }, // manager's 10 %
    { regionCode: "NA", targetAmount: 100_000_000, forecastAmount: 100_000_000, managerGapBasisPoints: null }, // on target
  ];

  it("boosts regions below target by their gap, up to the ceiling, and a manager-set multiplier", () => {
    const drafts = computeAccruals(anInput({ programs: [boost], wonDeals: deals, regionTargets }));
    expect(drafts.map((d) => [d.dealId, d.explanationData.multiplierBasisPoints, d.amount])).toEqual([
      ["APAC", 11_000, 132_000],
      ["EMEA-N", 12_000, 144_000],
      ["EMEA-S", 10_500, 126_000],
      ["LATAM", 15_000, 180_000],
    ]);
    expect(drafts.find((d) => d.dealId === "EMEA-N")?.explanation).toBe(
      '1 % ×1.2 of €120,000.00: Test regional boost on won deal "Deal EMEA-N" because region EMEA-N\'s latest forecast €750,000.00 is 25 % below its €1,000,000.00 target',
    );
    expect(drafts.find((d) => d.dealId === "APAC")?.explanation).toContain("manager-set gap until a forecast exists");
  });

  it("names a region's target and forecast in the region's currency, not the programme's", () => {
    const drafts = computeAccruals(anInput({ programs: [boost], wonDeals: deals, regionTargets, regionCurrencies: { "EMEA-N": "USD" } }));
    const emea = drafts.find((d) => d.dealId === "EMEA-N");
    expect(emea?.amount).toBe(144_000);
    expect(emea?.explanation).toBe(
      '1 % ×1.2 of €120,000.00: Test regional boost on won deal "Deal EMEA-N" because region EMEA-N\'s latest forecast $750,000.00 is 25 % below its $1,000,000.00 target',
    );
  });
});

describe("segment accelerator", () => {
  it("pays the extra rate to partners in a chosen segment only", () => {
    const accelerator = program("SEGMENT_ACCELERATOR", { segments: ["Rising stars"], extraBasisPoints: 100 });
    const deals = [aWonDeal({ id: "d1" }), aWonDeal({ id: "d2", partnerOrgId: "partner-b" })];
    const segmentMemberships = [{ partnerOrgId: "partner-a", segment: "Rising stars" }, { partnerOrgId: "partner-b", segment: "Dormant" }];
    const drafts = computeAccruals(anInput({ programs: [accelerator], wonDeals: deals, segmentMemberships }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ dealId: "d1", amount: 120_000, explanationData: { segment: "Rising stars", rateBasisPoints: 100 } });
  });
});

describe("determinism", () => {
  it("gives the same drafts in the same order whatever the input order", () => {
    const programs = [
      program("SPIFF", { from: "2026-11-01", to: "2026-11-30", bonus: 50_000, budgetCap: 120_000 }),
      program("COMMISSION", { rateBasisPoints: 500 }),
      program("TIERED_REBATE", { period: "QUARTER", tiers: [{ fromAmount: 0, rateBasisPoints: 100 }] }),
    ];
    const deals = ["d1", "d2", "d3", "d4"].map((id, i) => aWonDeal({ id, partnerOrgId: `partner-${i % 2}`, closedAt: new Date(`2026-11-0${(i % 2) + 1}T00:00:00Z`) }));
    const forward = computeAccruals(anInput({ programs, wonDeals: deals }));
    const backward = computeAccruals(anInput({ programs: [...programs].reverse(), wonDeals: [...deals].reverse() }));
    expect(backward).toEqual(forward);
    expect(forward.map((d) => d.idempotencyKey)).toEqual(computeAccruals(anInput({ programs, wonDeals: deals })).map((d) => d.idempotencyKey));
  });
});

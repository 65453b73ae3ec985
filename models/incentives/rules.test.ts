// Programme rules validation: the seed's stored programmes parse, and each kind rejects the
// mistakes an admin could make (unsorted tiers, a SPIFF ending before it starts, unknown fields).
import { describe, expect, it } from "vitest";
import { demoClock } from "../seed/clock.ts";
import { demoIncentivePrograms } from "../seed/incentives.ts";
import { parseProgramRules } from "./rules.ts";

describe("parseProgramRules", () => {
  it("accepts every programme the demo seed stores", () => {
    const programs = demoIncentivePrograms(demoClock(new Date("2026-11-23T12:00:00Z")), "admin");
    const parsed = programs.map((p) => parseProgramRules(p.kind, p.rules));
    expect(parsed[0]).toMatchObject({ kind: "COMMISSION", rules: { rateBasisPoints: 500, ratesByLine: {} } });
    expect(parsed[1]).toMatchObject({ kind: "TIERED_REBATE", rules: { mode: "RETROACTIVE", base: "WON_DEAL_AMOUNT" } });
    expect(parsed.map((p) => p.kind)).toEqual(["COMMISSION", "TIERED_REBATE", "COMMISSION", "SPIFF"]);
  });

  it("fills commission defaults and keeps line rates", () => {
    expect(parseProgramRules("COMMISSION", { rateBasisPoints: 500, ratesByLine: { Finance: 700 } })).toEqual({
      kind: "COMMISSION",
      rules: { rateBasisPoints: 500, ratesByLine: { Finance: 700 }, appliesTo: "WON_DEAL", base: "CLOSED_AMOUNT", requiresApprovedRegistration: true, accrueOn: "DEAL_WON" },
    });
  });

  it("rejects a rate that is not an integer number of basis points, and unknown fields", () => {
    expect(() => parseProgramRules("COMMISSION", { rateBasisPoints: 2.5 })).toThrow();
    expect(() => parseProgramRules("COMMISSION", { rateBasisPoints: 250, rate: 0.025 })).toThrow();
  });

  it("requires tiers to start at 0, rise strictly and never lower the rate", () => {
    const rebate = (tiers: { fromAmount: number; rateBasisPoints: number }[]) => () => parseProgramRules("TIERED_REBATE", { period: "QUARTER", mode: "MARGINAL", tiers });
    expect(rebate([{ fromAmount: 0, rateBasisPoints: 200 }, { fromAmount: 100, rateBasisPoints: 300 }])).not.toThrow();
    expect(rebate([{ fromAmount: 1, rateBasisPoints: 200 }])).toThrow(/start at 0/);
    expect(rebate([{ fromAmount: 0, rateBasisPoints: 200 }, { fromAmount: 0, rateBasisPoints: 300 }])).toThrow(/strictly increasing/);
    expect(rebate([{ fromAmount: 0, rateBasisPoints: 300 }, { fromAmount: 100, rateBasisPoints: 200 }])).toThrow(/lower rate/);
    expect(rebate([])).toThrow();
  });

  it("requires a SPIFF to end on or after its first day, with a budget cap", () => {
    const spiff = { from: "2026-11-01", to: "2026-11-30", bonus: 50_000, budgetCap: 1_000_000 };
    expect(parseProgramRules("SPIFF", spiff).kind).toBe("SPIFF");
    expect(parseProgramRules("SPIFF", { ...spiff, to: "2026-11-01" }).kind).toBe("SPIFF");
    expect(() => parseProgramRules("SPIFF", { ...spiff, to: "2026-10-31" })).toThrow(/on or after/);
    expect(() => parseProgramRules("SPIFF", { ...spiff, budgetCap: undefined })).toThrow();
    expect(() => parseProgramRules("SPIFF", { ...spiff, from: "2026-11-31" })).toThrow();
  });

  it("validates the other kinds", () => {
    expect(parseProgramRules("NEW_PRODUCT_FIRST_ORDER", { bonus: 25_000 }).kind).toBe("NEW_PRODUCT_FIRST_ORDER");
    expect(parseProgramRules("ACTION_REWARD", { amounts: { DEMO: 5_000 }, monthlyCap: 20_000 }).kind).toBe("ACTION_REWARD");
    expect(() => parseProgramRules("ACTION_REWARD", { amounts: { LOGIN: 100 }, monthlyCap: 20_000 })).toThrow();
    expect(parseProgramRules("REGIONAL_BOOST", { rateBasisPoints: 100, maxMultiplierBasisPoints: 15_000 }).kind).toBe("REGIONAL_BOOST");
    expect(() => parseProgramRules("REGIONAL_BOOST", { rateBasisPoints: 100, maxMultiplierBasisPoints: 9_000 })).toThrow();
    expect(parseProgramRules("SEGMENT_ACCELERATOR", { segments: ["Rising stars"], extraBasisPoints: 100 }).kind).toBe("SEGMENT_ACCELERATOR");
    expect(() => parseProgramRules("SEGMENT_ACCELERATOR", { segments: [], extraBasisPoints: 100 })).toThrow();
  });
});

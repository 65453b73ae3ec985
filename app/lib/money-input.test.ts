// Typed amounts to minor units: decimals per currency, separators, and what is refused.
import { describe, expect, it } from "vitest";
import { fromMinorUnits, toMinorUnits } from "./money-input.ts";

describe("toMinorUnits", () => {
  it("reads whole and decimal amounts in the currency's minor units", () => {
    expect(toMinorUnits("25000", "EUR")).toBe(2_500_000);
    expect(toMinorUnits("25 000,5", "EUR")).toBe(2_500_050);
    expect(toMinorUnits("0.07", "USD")).toBe(7);
    expect(toMinorUnits("1500", "JPY")).toBe(1500);
  });

  it("refuses junk, negative amounts and more decimals than the currency has", () => {
    expect(toMinorUnits("", "EUR")).toBeNull();
    expect(toMinorUnits("-5", "EUR")).toBeNull();
    expect(toMinorUnits("1.234", "EUR")).toBeNull();
    expect(toMinorUnits("12.5", "JPY")).toBeNull();
    expect(toMinorUnits("1e6", "EUR")).toBeNull();
  });

  it("writes minor units back as typed text", () => {
    expect(fromMinorUnits(2_500_050, "EUR")).toBe("25000.50");
    expect(fromMinorUnits(7, "EUR")).toBe("0.07");
    expect(fromMinorUnits(1500, "JPY")).toBe("1500");
  });
});

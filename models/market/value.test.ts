import { describe, expect, it } from "vitest";
import { parseMoneyValue } from "./value.ts";

describe("parseMoneyValue", () => {
  it.each([
    ["EUR 1,200,000", 120_000_000, "EUR"],
    ["€1.2m", 120_000_000, "EUR"],
    ["€ 1.2 million", 120_000_000, "EUR"],
    ["1 200 000 USD", 120_000_000, "USD"],
    ["1\u00A0200\u00A0000,50 EUR", 120_000_050, "EUR"],
    ["1.200.000,50 €", 120_000_050, "EUR"],
    ["CHF 1'500.50", 150_050, "CHF"],
    ["US$ 88727.00", 8_872_700, "USD"],
    ["Contract value ($) 88727.00", 8_872_700, "USD"],
    ["£250k", 25_000_000, "GBP"],
    ["GBP 2.5bn", 250_000_000_000, "GBP"],
    ["JPY 1,000,000", 1_000_000, "JPY"],
    ["KWD 1,234.567", 1_234_567, "KWD"],
    ["Lot 2: EUR 1,200,000 (3 years)", 120_000_000, "EUR"],
    ["USD 0.125", 13, "USD"],
    ["1,5 Mio. EUR", 150_000_000, "EUR"],
    ["300 euros", 30_000, "EUR"],
  ])("reads %j", (text, amountMinor, currency) => {
    expect(parseMoneyValue(text)).toEqual({ amountMinor, currency });
  });

  it.each([["1,200,000"], ["EUR"], ["To be confirmed"], [""], [null], ["Contract value ($)"], ["the pen and all the mad try"]])("gives null for %j", (text) => {
    expect(parseMoneyValue(text)).toBeNull();
  });

  it("reads no currency from a word that names an Object.prototype member", () => {
    expect(parseMoneyValue("5 000 constructor")).toBeNull();
    expect(parseMoneyValue("constructor 5 000 euros")).toEqual({ amountMinor: 500_000, currency: "EUR" });
  });

  it("refuses an amount beyond the safe integer range rather than rounding it", () => {
    expect(parseMoneyValue("USD 999,999,999,999,999,999")).toBeNull();
  });
});

// The replay window without a database: calendar months counted back, the months it touches,
// and the input cut to it without granting first-order bonuses the full history would not.
import { describe, expect, it } from "vitest";
import { computeAccruals } from "./engine.ts";
import { aProgram, aWonDeal, anInput } from "./fixtures.ts";
import { asReplayed, replayWindow, windowMonths } from "./simulate-window.ts";

describe("replayWindow", () => {
  it("counts calendar months back to the same UTC day, clamped to the month's end", () => {
    expect(replayWindow(new Date("2026-11-23T13:00:00Z"), 12).from).toEqual(new Date("2025-11-23T00:00:00Z"));
    expect(replayWindow(new Date("2026-03-31T08:00:00Z"), 1).from).toEqual(new Date("2026-02-28T00:00:00Z"));
    expect(replayWindow(new Date("2026-01-15T00:00:00Z"), 36).from).toEqual(new Date("2023-01-15T00:00:00Z"));
  });

  it("lists every month it touches, both partial ends included", () => {
    expect(windowMonths(replayWindow(new Date("2026-11-23T13:00:00Z"), 3))).toEqual(["2026-08", "2026-09", "2026-10", "2026-11"]);
  });
});

describe("asReplayed", () => {
  const window = replayWindow(new Date("2026-11-23T13:00:00Z"), 3);
  const firstOrder = aProgram({ kind: "NEW_PRODUCT_FIRST_ORDER", rules: { bonus: 10_000 } }, { status: "DRAFT", effectiveFrom: new Date("2031-01-01") });
  const newProduct = [{ sku: "AI-NEW", line: "AI", isNew: true }];

  it("lets a future-dated draft pay over the window", () => {
    const input = anInput({ programs: [asReplayed(firstOrder, window)], wonDeals: [aWonDeal({ id: "d1", products: newProduct, closedAt: new Date("2026-10-01T00:00:00Z") })] });
    expect(computeAccruals(input).map((d) => d.amount)).toEqual([10_000]);
    expect(computeAccruals({ ...input, programs: [firstOrder] })).toEqual([]);
  });
});

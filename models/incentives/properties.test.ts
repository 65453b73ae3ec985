// Property-based tests (fast-check) of the engine's money invariants: tiers exact to the cent,
// retroactive ≥ marginal, ledger totals, idempotent recompute and reconcile, and accrual then
// clawback returning the ledger to its prior total.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeAccruals } from "./engine.ts";
import { aProgram, aWonDeal, anInput } from "./fixtures.ts";
import { ledgerTotal, reconcile, subjectKeyOf } from "./ledger.ts";
import { parseProgramRules, type RebateTier } from "./rules.ts";
import { marginalRebate, reachedTier, retroactiveRebate, tierSlices } from "./tiers.ts";
import type { LedgerEntryInput, WonDealInput } from "./types.ts";

const MAX_CENTS = 1_000_000_000_000; // €10 billion

const tiersArbitrary: fc.Arbitrary<RebateTier[]> = fc
  .tuple(fc.uniqueArray(fc.integer({ min: 1, max: 10_000_000_000 }), { maxLength: 5 }), fc.array(fc.integer({ min: 0, max: 2_000 }), { minLength: 6, maxLength: 6 }))
  .map(([thresholds, rateSteps]) => {
    const froms = [0, ...thresholds.sort((a, b) => a - b)];
    let rate = 0;
    return froms.map((fromAmount, index) => ({ fromAmount, rateBasisPoints: (rate += rateSteps[index]) }));
  });

const volumeArbitrary = fc.integer({ min: 0, max: MAX_CENTS });

/** Half up, from an exact amount in cent × basis points. */
const roundExact = (centBasisPoints: bigint) => Number((2n * centBasisPoints + 10_000n) / 20_000n);

describe("tiers, exact to the cent", () => {
  it("marginal equals the layered sum Σ (rate step × volume above the threshold), rounded once", () => {
    fc.assert(
      fc.property(tiersArbitrary, volumeArbitrary, (tiers, volume) => {
        const layered = tiers.reduce(
          (sum, tier, i) => sum + BigInt(tier.rateBasisPoints - (i === 0 ? 0 : tiers[i - 1].rateBasisPoints)) * BigInt(Math.max(0, volume - tier.fromAmount)),
          0n,
        );
        expect(marginalRebate(volume, tiers)).toBe(roundExact(layered));
      }),
    );
  });

  it("marginal is within half a cent per slice of the sum of per-slice amounts, and the slices add up to the volume", () => {
    fc.assert(
      fc.property(tiersArbitrary, volumeArbitrary, (tiers, volume) => {
        const slices = tierSlices(volume, tiers);
        expect(slices.reduce((sum, s) => sum + s.base, 0)).toBe(volume);
        const perSlice = slices.reduce((sum, s) => sum + roundExact(BigInt(s.base) * BigInt(s.rateBasisPoints)), 0);
        expect(Math.abs(marginalRebate(volume, tiers) - perSlice)).toBeLessThanOrEqual(Math.ceil(slices.length / 2));
      }),
    );
  });

  it("retroactive is never less than marginal", () => {
    fc.assert(fc.property(tiersArbitrary, volumeArbitrary, (tiers, volume) => retroactiveRebate(volume, tiers) >= marginalRebate(volume, tiers)));
  });

  it("a tier is reached exactly at its fromAmount and not a cent before", () => {
    fc.assert(
      fc.property(tiersArbitrary, (tiers) => {
        tiers.forEach((tier, index) => {
          expect(reachedTier(tier.fromAmount, tiers)).toBe(index + 1);
          if (index > 0) expect(reachedTier(tier.fromAmount - 1, tiers)).toBe(index);
          expect(retroactiveRebate(tier.fromAmount, tiers)).toBe(roundExact(BigInt(tier.fromAmount) * BigInt(tier.rateBasisPoints)));
        });
      }),
    );
  });
});

const PROGRAMS = [
  aProgram(parseProgramRules("COMMISSION", { rateBasisPoints: 500, ratesByLine: { HR: 725 } })),
  aProgram(parseProgramRules("TIERED_REBATE", { period: "QUARTER", mode: "RETROACTIVE", tiers: [{ fromAmount: 0, rateBasisPoints: 100 }, { fromAmount: 5_000_000, rateBasisPoints: 250 }] })),
  aProgram(parseProgramRules("TIERED_REBATE", { period: "QUARTER", mode: "MARGINAL", tiers: [{ fromAmount: 0, rateBasisPoints: 0 }, { fromAmount: 3_000_000, rateBasisPoints: 333 }] }), { key: "marginal-rebate", id: "program-marginal" }),
  aProgram(parseProgramRules("SPIFF", { from: "2026-11-01", to: "2026-11-30", bonus: 150_000, budgetCap: 400_000 })),
  aProgram(parseProgramRules("NEW_PRODUCT_FIRST_ORDER", { bonus: 25_000 })),
];

const PRODUCTS = [
  { sku: "FIN-CORE", line: "Finance", isNew: false },
  { sku: "HR-PAY", line: "HR", isNew: false },
  { sku: "ANL-CLOUD", line: "Analytics", isNew: true },
];

const dealsArbitrary: fc.Arbitrary<WonDealInput[]> = fc.uniqueArray(
  fc.record({
    id: fc.integer({ min: 1, max: 500 }).map((n) => `deal-${n}`),
    partnerOrgId: fc.constantFrom("partner-a", "partner-b"),
    closedAmount: fc.integer({ min: 0, max: 10_000_000 }),
    closedAt: fc.integer({ min: Date.UTC(2026, 8, 1), max: Date.UTC(2027, 1, 28) }).map((ms) => new Date(ms)),
    products: fc.subarray(PRODUCTS),
  }),
  { selector: (deal) => deal.id, maxLength: 25 },
).map((deals) => deals.map((deal) => aWonDeal(deal)));

const asOf = new Date("2027-03-01T00:00:00Z");
const owed = (deals: readonly WonDealInput[]) => computeAccruals(anInput({ programs: PROGRAMS, wonDeals: deals }));

/** The ledger after reconciling each state in turn, as the job would over time. */
function ledgerAfter(states: readonly (readonly WonDealInput[])[]): LedgerEntryInput[] {
  const ledger: LedgerEntryInput[] = [];
  for (const deals of states) ledger.push(...reconcile(ledger, owed(deals), asOf));
  return ledger;
}

function totalsBySubject(entries: readonly { idempotencyKey: string; amount: number }[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const entry of entries) totals.set(subjectKeyOf(entry.idempotencyKey), (totals.get(subjectKeyOf(entry.idempotencyKey)) ?? 0) + entry.amount);
  return new Map([...totals].filter(([, total]) => total !== 0));
}

describe("ledger properties", () => {
  it("every amount is an integer number of cents, and the ledger's total is the sum of what is owed, per subject and overall", () => {
    fc.assert(
      fc.property(dealsArbitrary, dealsArbitrary, (earlier, now) => {
        const ledger = ledgerAfter([earlier, now]);
        const drafts = owed(now);
        expect(ledger.every((entry) => Number.isSafeInteger(entry.amount))).toBe(true);
        expect(ledgerTotal(ledger)).toBe(drafts.reduce((sum, d) => sum + d.amount, 0));
        expect(totalsBySubject(ledger)).toEqual(totalsBySubject(drafts));
      }),
      { numRuns: 60 },
    );
  });

  it("recompute is idempotent: the same input gives the same drafts, and reconciling again appends nothing", () => {
    fc.assert(
      fc.property(dealsArbitrary, (deals) => {
        expect(owed(deals)).toEqual(owed([...deals].reverse()));
        const ledger = ledgerAfter([deals]);
        expect(reconcile(ledger, owed(deals), asOf)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("reconcile's output makes it a fixed point, whatever the ledger held before", () => {
    fc.assert(
      fc.property(dealsArbitrary, dealsArbitrary, dealsArbitrary, (first, second, third) => {
        const ledger = ledgerAfter([first, second]);
        const appended = reconcile(ledger, owed(third), asOf);
        expect(reconcile([...ledger, ...appended], owed(third), asOf)).toEqual([]);
        expect(new Set([...ledger, ...appended].map((e) => e.idempotencyKey)).size).toBe(ledger.length + appended.length);
      }),
      { numRuns: 60 },
    );
  });

  it("accrual then clawback returns the ledger to its prior total", () => {
    fc.assert(
      fc.property(dealsArbitrary, dealsArbitrary, (base, extra) => {
        const baseIds = new Set(base.map((d) => d.id));
        const added = extra.filter((d) => !baseIds.has(d.id));
        const before = ledgerAfter([base]);
        const after = ledgerAfter([base, [...base, ...added], base]);
        expect(ledgerTotal(after)).toBe(ledgerTotal(before));
        expect(totalsBySubject(after)).toEqual(totalsBySubject(before));
      }),
      { numRuns: 60 },
    );
  });
});

// Builders for the incentive tests: a programme of any kind, a won deal and an empty input,
// each with plain defaults a test overrides only where its case differs.
import type { ProgramRules } from "./rules.ts";
import type { AccrualInput, ProgramInput, WonDealInput } from "./types.ts";

export function aProgram(rules: ProgramRules, overrides: Partial<Omit<ProgramInput, "kind" | "rules">> = {}): ProgramInput {
  return {
    ...rules,
    id: `program-${rules.kind.toLowerCase()}`,
    key: rules.kind.toLowerCase().replaceAll("_", "-"),
    version: 1,
    name: `Test ${rules.kind.toLowerCase().replaceAll("_", " ")}`,
    status: "ACTIVE",
    currency: "EUR",
    budgetCap: null,
    effectiveFrom: new Date("2026-01-01T00:00:00Z"),
    effectiveTo: null,
    ...overrides,
  };
}

export function aWonDeal(overrides: Partial<WonDealInput> & Pick<WonDealInput, "id">): WonDealInput {
  return {
    title: `Deal ${overrides.id}`,
    partnerOrgId: "partner-a",
    regionCode: "EMEA-N",
    industry: "Manufacturing",
    currency: "EUR",
    closedAmount: 12_000_000,
    closedAt: new Date("2026-11-03T10:00:00Z"),
    products: [{ sku: "FIN-CORE", line: "Finance", isNew: false }],
    ...overrides,
  };
}

export function anInput(overrides: Partial<AccrualInput>): AccrualInput {
  return {
    programs: [],
    wonDeals: [],
    activities: [],
    sales: [],
    priorFirstOrders: [],
    segmentMemberships: [],
    regionTargets: [],
    ...overrides,
  };
}

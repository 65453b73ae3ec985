// What a replayed programme version would have cost, laid out for a manager: totals per side,
// the difference, the cost by region, segment, partner and month, and sample explanations.
// Pure: it reads the engine's drafts and a directory of partners, nothing else.
import type { Money } from "../money.ts";
import { compareIds } from "./drafting.ts";
import { windowMonths, type ReplayWindow } from "./simulate-window.ts";
import type { AccrualDraft, ProgramInput, RuleName } from "./types.ts";

export const UNSEGMENTED = "Unsegmented";
export const TOP_PARTNERS = 20;
const SAMPLES_PER_SIDE = 3;

/** Who the partners are, by id: the names and the region and segment the cost is sliced by. */
export type PartnerDirectory = {
  partners: ReadonlyMap<string, { name: string; regionCode: string }>;
  regionNames: ReadonlyMap<string, string>;
  /** The partner's segment in the latest segment run; absent means unsegmented. */
  segmentOf: ReadonlyMap<string, string>;
};

/** One replayed version with what the engine drafted for it over the window. */
export type ReplayedVersion = { program: ProgramInput; drafts: readonly AccrualDraft[] };

export type SimulatedVersion = Pick<ProgramInput, "id" | "key" | "version" | "name" | "status" | "kind" | "currency" | "effectiveFrom" | "effectiveTo">;

export type SimulatedSide = { program: SimulatedVersion; totalCost: Money; entries: number; partnersPaid: number };

/** A slice of the cost on both sides; `active` is null when there is no active version to compare. */
export type CostRow = { key: string; label: string; candidate: Money; active: Money | null };

export type PartnerCostRow = CostRow & { regionCode: string; segment: string };

export type SimulationSample = {
  side: "candidate" | "active";
  partnerName: string;
  rule: RuleName;
  amount: Money;
  occurredAt: Date;
  explanation: string;
};

export type SimulationReport = {
  window: ReplayWindow;
  candidate: SimulatedSide;
  active: SimulatedSide | null;
  /** Candidate minus active (or minus nothing); null when the two versions pay in different currencies. */
  delta: { amount: Money; percent: number | null } | null;
  byRegion: CostRow[];
  bySegment: CostRow[];
  byPartner: { top: PartnerCostRow[]; rest: { count: number; candidate: Money; active: Money | null } };
  monthly: { month: string; candidate: Money; active: Money | null }[];
  samples: SimulationSample[];
};

export function simulationReport(window: ReplayWindow, candidate: ReplayedVersion, active: ReplayedVersion | null, directory: PartnerDirectory): SimulationReport {
  const candidateTally = tally(candidate.drafts);
  const activeTally = active === null ? null : tally(active.drafts);
  const candidateMoney = (amount: number): Money => ({ amount, currency: candidate.program.currency });
  const activeMoney = (amount: number): Money | null => (active === null ? null : { amount, currency: active.program.currency });
  const partnerOf = (id: string) => directory.partners.get(id) ?? { name: id, regionCode: "" };
  const segmentOf = (id: string) => directory.segmentOf.get(id) ?? UNSEGMENTED;
  const row = (slice: Slice, label: string): CostRow => ({ key: slice.key, label, candidate: candidateMoney(slice.candidate), active: activeMoney(slice.active) });
  // Regions and segments are properties of the partner: regroup the per-partner cost, not every draft.
  const slicesBy = (groupOf: (partnerOrgId: string) => string) =>
    slices(regroup(candidateTally.byPartner, groupOf), activeTally === null ? new Map() : regroup(activeTally.byPartner, groupOf));

  const partners = slices(candidateTally.byPartner, activeTally?.byPartner ?? new Map());
  const rest = partners.slice(TOP_PARTNERS);
  const months = new Map(slices(candidateTally.byMonth, activeTally?.byMonth ?? new Map()).map((slice) => [slice.key, slice]));
  const candidateSide = side(candidate, candidateTally);
  const activeSide = active === null || activeTally === null ? null : side(active, activeTally);

  return {
    window,
    candidate: candidateSide,
    active: activeSide,
    delta: delta(candidateSide, activeSide),
    byRegion: slicesBy((id) => partnerOf(id).regionCode).map((slice) => row(slice, directory.regionNames.get(slice.key) ?? slice.key)),
    bySegment: slicesBy(segmentOf).map((slice) => row(slice, slice.key)),
    byPartner: {
      top: partners.slice(0, TOP_PARTNERS).map((slice) => ({ ...row(slice, partnerOf(slice.key).name), regionCode: partnerOf(slice.key).regionCode, segment: segmentOf(slice.key) })),
      rest: { count: rest.length, candidate: candidateMoney(sum(rest.map((slice) => slice.candidate))), active: activeMoney(sum(rest.map((slice) => slice.active))) },
    },
    monthly: [...new Set([...windowMonths(window), ...months.keys()])].sort().map((month) => ({
      month,
      candidate: candidateMoney(months.get(month)?.candidate ?? 0),
      active: activeMoney(months.get(month)?.active ?? 0),
    })),
    samples: [
      ...samples("candidate", candidate.program, candidateTally.largest, partnerOf),
      ...(active === null || activeTally === null ? [] : samples("active", active.program, activeTally.largest, partnerOf)),
    ],
  };
}

type Slice = { key: string; candidate: number; active: number };

/**
 * One side's drafts read once — cost per partner and per month, the total, the largest drafts —
 * because with hundreds of thousands of drafts each extra pass costs real time.
 */
type Tally = { byPartner: Map<string, number>; byMonth: Map<string, number>; total: number; largest: AccrualDraft[] };

function tally(drafts: readonly AccrualDraft[]): Tally {
  const result: Tally = { byPartner: new Map(), byMonth: new Map(), total: 0, largest: [] };
  for (const draft of drafts) {
    keepIfLargest(result.largest, draft);
    const at = draft.occurredAt;
    const month = `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, "0")}`;
    result.byPartner.set(draft.partnerOrgId, (result.byPartner.get(draft.partnerOrgId) ?? 0) + draft.amount);
    result.byMonth.set(month, (result.byMonth.get(month) ?? 0) + draft.amount);
    result.total += draft.amount;
  }
  return result;
}

function regroup(costByPartner: ReadonlyMap<string, number>, groupOf: (partnerOrgId: string) => string): Map<string, number> {
  const cost = new Map<string, number>();
  for (const [partnerOrgId, amount] of costByPartner) {
    const key = groupOf(partnerOrgId);
    cost.set(key, (cost.get(key) ?? 0) + amount);
  }
  return cost;
}

/** Both sides' cost per key, the most expensive (to the candidate, then the active) first. */
function slices(candidate: ReadonlyMap<string, number>, active: ReadonlyMap<string, number>): Slice[] {
  return [...new Set([...candidate.keys(), ...active.keys()])]
    .map((key) => ({ key, candidate: candidate.get(key) ?? 0, active: active.get(key) ?? 0 }))
    .sort((a, b) => b.candidate - a.candidate || b.active - a.active || compareIds(a.key, b.key));
}

function side({ program, drafts }: ReplayedVersion, counted: Tally): SimulatedSide {
  const { id, key, version, name, status, kind, currency, effectiveFrom, effectiveTo } = program;
  return {
    program: { id, key, version, name, status, kind, currency, effectiveFrom, effectiveTo },
    totalCost: { amount: counted.total, currency },
    entries: drafts.length,
    partnersPaid: counted.byPartner.size,
  };
}

function delta(candidate: SimulatedSide, active: SimulatedSide | null): SimulationReport["delta"] {
  if (active !== null && active.totalCost.currency !== candidate.totalCost.currency) return null;
  const before = active?.totalCost.amount ?? 0;
  const amount = candidate.totalCost.amount - before;
  return { amount: { amount, currency: candidate.totalCost.currency }, percent: before === 0 ? null : amount / before };
}

/** The largest drafts of a side, so a manager reads why the money goes where it goes. */
function samples(sideName: SimulationSample["side"], program: ProgramInput, largest: readonly AccrualDraft[], partnerOf: (id: string) => { name: string }): SimulationSample[] {
  return largest.map((draft) => ({
    side: sideName,
    partnerName: partnerOf(draft.partnerOrgId).name,
    rule: draft.explanationData.rule,
    amount: { amount: draft.amount, currency: program.currency },
    occurredAt: draft.occurredAt,
    explanation: draft.explanation,
  }));
}

/** Keeps `top` the SAMPLES_PER_SIDE largest drafts seen so far, largest first, ties by key. */
function keepIfLargest(top: AccrualDraft[], draft: AccrualDraft): void {
  const before = (a: AccrualDraft, b: AccrualDraft) => a.amount > b.amount || (a.amount === b.amount && compareIds(a.idempotencyKey, b.idempotencyKey) < 0);
  if (top.length === SAMPLES_PER_SIDE && !before(draft, top[SAMPLES_PER_SIDE - 1])) return;
  const at = top.findIndex((kept) => before(draft, kept));
  top.splice(at === -1 ? top.length : at, 0, draft);
  if (top.length > SAMPLES_PER_SIDE) top.pop();
}

function sum(amounts: readonly number[]): number {
  return amounts.reduce((total, amount) => total + amount, 0);
}

// The plain data the incentive engine reads (programmes, won deals, activities, sales, segment
// memberships, regional targets) and the ledger drafts it writes, free of any database type.
import type { ActivityKind, LedgerKind, ProgramStatus } from "../db/generated/enums.ts";
import type { ProgramRules } from "./rules.ts";
import type { TierMode, TierSlice } from "./tiers.ts";

/** One programme version with its validated rules (see `parseProgramRules`). */
export type ProgramInput = ProgramRules & {
  id: string;
  key: string;
  version: number;
  name: string;
  status: ProgramStatus;
  currency: string;
  /** The programme's total budget in cents, or null for none. */
  budgetCap: number | null;
  /** First and last day (UTC midnight, both inclusive) the programme counts events on. */
  effectiveFrom: Date;
  effectiveTo: Date | null;
};

export type DealProductInput = { sku: string; line: string; isNew: boolean };

/** A deal that is WON now; a deal reopened or lost is simply absent. */
export type WonDealInput = {
  id: string;
  title: string;
  partnerOrgId: string;
  regionCode: string;
  industry: string | null;
  currency: string;
  /** Closed value in cents, after any refund. */
  closedAmount: number;
  closedAt: Date;
  products: DealProductInput[];
};

export type ActivityInput = { id: string; partnerOrgId: string; kind: ActivityKind; occurredAt: Date };

export type SaleInput = {
  id: string;
  partnerOrgId: string;
  productSku: string;
  soldOn: Date;
  amount: number;
  currency: string;
};

/** A partner ordered this product before the deals given (e.g. in ERP history): no first-order bonus. */
export type PriorFirstOrder = { partnerOrgId: string; sku: string };

export type SegmentMembership = { partnerOrgId: string; segment: string };

/** A region's sales target and latest forecast for the period the boost looks at. */
export type RegionTarget = {
  regionCode: string;
  targetAmount: number;
  /** The latest forecast (p50) in cents, or null while no forecast exists yet. */
  forecastAmount: number | null;
  /** The gap a manager set (basis points of target) to use until a forecast exists. */
  managerGapBasisPoints: number | null;
};

export type AccrualInput = {
  programs: readonly ProgramInput[];
  wonDeals: readonly WonDealInput[];
  activities: readonly ActivityInput[];
  sales: readonly SaleInput[];
  priorFirstOrders: readonly PriorFirstOrder[];
  segmentMemberships: readonly SegmentMembership[];
  regionTargets: readonly RegionTarget[];
  /** Each region's currency, which its target and forecast are in (for the boost's explanation); absent, the programme's. */
  regionCurrencies?: Readonly<Record<string, string>>;
};

export type RuleName =
  | "commission"
  | "tier"
  | "accelerator"
  | "spiff"
  | "first-order"
  | "action"
  | "regional-boost"
  | "segment";

/** The explanation as data: everything the sentence says, for statements and audits. */
export type ExplanationData = {
  programKey: string;
  programVersion: number;
  programName: string;
  rule: RuleName;
  base?: number;
  rateBasisPoints?: number;
  multiplierBasisPoints?: number;
  gapBasisPoints?: number;
  lines?: { line: string; base: number; rateBasisPoints: number }[];
  tier?: number;
  mode?: TierMode;
  slices?: TierSlice[];
  quarter?: string;
  quarterToDate?: number;
  month?: string;
  dealId?: string;
  dealTitle?: string;
  activityId?: string;
  activityKind?: ActivityKind;
  productSku?: string;
  productSkus?: string[];
  segment?: string;
  regionCode?: string;
  /** Set when a cap cut the amount: what it would have been, and the cap. */
  uncappedAmount?: number;
  cap?: number;
  capKind?: "BUDGET" | "MONTHLY";
  /** Set on reconciling entries: the ledger's total for this key before, and the target after. */
  previousTotal?: number;
  targetTotal?: number;
};

export type DraftKind = Extract<LedgerKind, "ACCRUAL" | "CLAWBACK">;

/** A ledger entry the engine wants to exist (or, from `reconcile`, to append). */
export type AccrualDraft = {
  idempotencyKey: string;
  partnerOrgId: string;
  programId: string;
  programVersion: number;
  kind: DraftKind;
  /** Cents; positive for ACCRUAL, negative for CLAWBACK. */
  amount: number;
  currency: string;
  dealId: string | null;
  activityId: string | null;
  occurredAt: Date;
  explanation: string;
  explanationData: ExplanationData;
};

/** An entry already in the ledger, as `reconcile` needs it: any kind, with or without a programme. */
export type LedgerEntryInput = Omit<AccrualDraft, "programId" | "programVersion" | "kind"> & { programId: string | null; kind: LedgerKind };

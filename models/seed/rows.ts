// Row shapes of the demo's big tables, written with multi-row INSERTs (see write.ts) rather
// than through Prisma, so they are plain values: Dates, integer cents, JSON objects.
import type { ActivityKind, DealStage, DealStatus, LedgerKind } from "../db/generated/client.ts";
import type { ExplanationData } from "../incentives/types.ts";

export type JsonObject = { [key: string]: string | number | boolean | null | JsonObject | readonly (string | number)[] };

export type CustomerRow = {
  id: string;
  name: string;
  normalizedName: string;
  domain: string;
  country: string;
  industry: string;
  createdAt: Date;
};

export type DealRow = {
  id: string;
  partnerOrgId: string;
  customerId: string;
  registeredById: string;
  title: string;
  /** Minor units (cents). */
  amount: number;
  currency: string;
  expectedCloseDate: Date;
  stage: DealStage;
  status: DealStatus;
  notes: string | null;
  submittedAt: Date;
  decidedAt: Date | null;
  decidedById: string | null;
  rejectionReason: string | null;
  protectionExpiresAt: Date | null;
  closedAt: Date | null;
  closedAmount: number | null;
  updatedAt: Date;
};

export type DealProductRow = { dealId: string; productId: string };

export type DealEventRow = {
  dealId: string;
  actorUserId: string | null;
  action: DealStatus;
  note: string | null;
  data: JsonObject;
  at: Date;
};

export type SalesRow = {
  partnerOrgId: string;
  regionCode: string;
  productId: string;
  soldOn: Date;
  amount: number;
  currency: string;
  externalRef: string;
  createdAt: Date;
};

export type ActivityRow = {
  partnerOrgId: string;
  userId: string | null;
  kind: ActivityKind;
  detail: string | null;
  occurredAt: Date;
};

export type LedgerRow = {
  partnerOrgId: string;
  programId: string;
  kind: LedgerKind;
  amount: number;
  currency: string;
  dealId: string | null;
  explanation: string;
  explanationData: ExplanationData;
  idempotencyKey: string;
  occurredAt: Date;
};

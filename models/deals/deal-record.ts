// What every deal write shares: the row lock that serializes transitions of one deal, the
// DealEvent + audit entry each transition writes (and the hook that lets notifications ride in
// the same transaction), and the deal summary the operations return.
import { z } from "zod";
import { recordAudit } from "../audit/log.ts";
import { isPartnerRole, type SessionUser } from "../auth/users.ts";
import type { Prisma } from "../db/generated/client.ts";
import type { DealStage, DealStatus } from "../db/generated/enums.ts";
import { parseStoredFindings, redactForPartner, type ConflictView } from "./conflicts.ts";
import { type Money, toMoney } from "../money.ts";
import { DealNotFoundError, type DealEventAction } from "./transitions.ts";

export type Tx = Prisma.TransactionClient;

/** One DealEvent as written, for notifications and for the caller to report what happened. */
export type DealEventRecord = {
  eventId: string;
  dealId: string;
  partnerOrgId: string;
  action: DealEventAction;
  from: DealStatus | null;
  to: DealStatus;
  actorUserId: string | null;
  note: string | null;
  at: Date;
};

/** Called inside the transaction for every event, so a notification commits with the change. */
export type DealEventHook = (tx: Tx, event: DealEventRecord) => Promise<void>;

export type DealOperationOptions = {
  now?: Date;
  onEvent?: DealEventHook;
  /** For the audit log, when the change came through the API. */
  ipAddress?: string | null;
  actorApiKeyId?: string | null;
};

export type DealSummary = {
  id: string;
  partnerOrgId: string;
  title: string;
  status: DealStatus;
  stage: DealStage;
  customer: { id: string; name: string; country: string; domain: string | null };
  value: Money;
  productSkus: string[];
  /** `YYYY-MM-DD`. */
  expectedCloseDate: string;
  submittedAt: string;
  decidedAt: string | null;
  decidedById: string | null;
  rejectionReason: string | null;
  protectionExpiresAt: string | null;
  closedAt: string | null;
  closedValue: Money | null;
  conflictScore: number | null;
  conflicts: ConflictView[];
  extensionRequest: { requestedAt: string; reason: string } | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const summarySelect = {
  id: true,
  partnerOrgId: true,
  title: true,
  status: true,
  stage: true,
  amount: true,
  currency: true,
  expectedCloseDate: true,
  submittedAt: true,
  decidedAt: true,
  decidedById: true,
  rejectionReason: true,
  protectionExpiresAt: true,
  closedAt: true,
  closedAmount: true,
  conflictScore: true,
  conflicts: true,
  extensionRequestedAt: true,
  extensionReason: true,
  customer: { select: { id: true, name: true, country: true, domain: true } },
  products: { select: { product: { select: { sku: true } } }, orderBy: { product: { sku: "asc" } } },
} satisfies Prisma.DealSelect;

/** The deal as `viewer` may see it (conflict findings redacted for partners). */
export async function loadDealSummary(db: Pick<Tx, "deal">, dealId: string, viewer: SessionUser): Promise<DealSummary> {
  const deal = await db.deal.findUniqueOrThrow({ where: { id: dealId }, select: summarySelect });
  return {
    id: deal.id,
    partnerOrgId: deal.partnerOrgId,
    title: deal.title,
    status: deal.status,
    stage: deal.stage,
    customer: { ...deal.customer, country: deal.customer.country.trim() },
    value: toMoney(deal.amount, deal.currency),
    productSkus: deal.products.map((p) => p.product.sku),
    expectedCloseDate: deal.expectedCloseDate.toISOString().slice(0, 10),
    submittedAt: deal.submittedAt.toISOString(),
    decidedAt: iso(deal.decidedAt),
    decidedById: deal.decidedById,
    rejectionReason: deal.rejectionReason,
    protectionExpiresAt: iso(deal.protectionExpiresAt),
    closedAt: iso(deal.closedAt),
    closedValue: deal.closedAmount === null ? null : toMoney(deal.closedAmount, deal.currency),
    conflictScore: deal.conflictScore,
    conflicts: redactForPartner(parseStoredFindings(deal.conflicts), viewer),
    extensionRequest:
      deal.extensionRequestedAt && deal.extensionReason !== null
        ? { requestedAt: deal.extensionRequestedAt.toISOString(), reason: deal.extensionReason }
        : null,
  };
}

export type LockedDeal = {
  id: string;
  partnerOrgId: string;
  status: DealStatus;
  amount: bigint;
  currency: string;
  closedAmount: bigint | null;
  protectionExpiresAt: Date | null;
  extensionRequestedAt: Date | null;
  conflicts: unknown;
};

type LockedRow = {
  id: string;
  partner_org_id: string;
  status: DealStatus;
  amount: bigint;
  currency: string;
  closed_amount: bigint | null;
  protection_expires_at: Date | null;
  extension_requested_at: Date | null;
  conflicts: unknown;
};

const dealId = z.guid();

/**
 * Locks the deal row until the transaction ends, so two transitions of one deal run one after
 * the other. A deal of another organization reads, for a partner, exactly like a missing one.
 */
export async function lockDealsForUpdate(tx: Tx, ids: readonly string[], user: SessionUser): Promise<LockedDeal[]> {
  const valid = [...new Set(ids.filter((id) => dealId.safeParse(id).success))].sort();
  if (valid.length === 0) return [];
  // ORDER BY id: several deals are always locked in the same order, so bulk actions cannot deadlock.
  const rows = await tx.$queryRaw<LockedRow[]>`
    SELECT id, partner_org_id, status::text AS status, amount, currency, closed_amount, protection_expires_at, extension_requested_at, conflicts
    FROM deal WHERE id = ANY(${valid}::uuid[]) ORDER BY id FOR UPDATE`;
  return rows
    .filter((r) => !isPartnerRole(user.role) || r.partner_org_id === user.partnerOrgId)
    .map((r) => ({
      id: r.id,
      partnerOrgId: r.partner_org_id,
      status: r.status,
      amount: r.amount,
      currency: r.currency.trim(),
      closedAmount: r.closed_amount,
      protectionExpiresAt: r.protection_expires_at,
      extensionRequestedAt: r.extension_requested_at,
      conflicts: r.conflicts,
    }));
}

export async function lockDealForUpdate(tx: Tx, id: string, user: SessionUser): Promise<LockedDeal> {
  const [deal] = await lockDealsForUpdate(tx, [id], user);
  if (!deal) throw new DealNotFoundError(id);
  return deal;
}

export type NewDealEvent = {
  deal: { id: string; partnerOrgId: string };
  action: DealEventAction;
  from: DealStatus | null;
  to: DealStatus;
  actorUserId: string | null;
  note?: string | null;
  data?: Record<string, Prisma.InputJsonValue | null>;
  at: Date;
  /** The audit action ("deal.approve"); omitted for events no person caused. */
  audit?: string;
};

/** Writes the DealEvent (and its audit entry), then calls the hook inside the same transaction. */
export async function recordDealEvent(tx: Tx, event: NewDealEvent, options: DealOperationOptions): Promise<DealEventRecord> {
  const note = event.note ?? null;
  const data = { ...(event.from ? { from: event.from } : {}), to: event.to, ...event.data };
  const row = await tx.dealEvent.create({
    data: { dealId: event.deal.id, actorUserId: event.actorUserId, action: event.action, note, data, at: event.at },
    select: { id: true },
  });
  if (event.audit) {
    await recordAudit(tx, {
      actorUserId: event.actorUserId,
      actorApiKeyId: options.actorApiKeyId ?? null,
      ipAddress: options.ipAddress ?? null,
      action: event.audit,
      entityType: "Deal",
      entityId: event.deal.id,
      partnerOrgId: event.deal.partnerOrgId,
      data: { ...data, ...(note ? { note } : {}) },
    });
  }
  const record: DealEventRecord = {
    eventId: row.id.toString(),
    dealId: event.deal.id,
    partnerOrgId: event.deal.partnerOrgId,
    action: event.action,
    from: event.from,
    to: event.to,
    actorUserId: event.actorUserId,
    note,
    at: event.at,
  };
  await options.onEvent?.(tx, record);
  return record;
}

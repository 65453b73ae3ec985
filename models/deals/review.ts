// Deal decisions after registration: the channel manager approves, rejects (with a reason),
// bulk-approves clean registrations and decides extension requests; the partner closes a deal
// as won or lost and asks for an extension. Each locks the deal row, checks the state machine,
// writes a DealEvent and an audit entry, and changes nothing when refused.
import { z } from "zod";
import { can, dealScope } from "../auth/permissions.ts";
import { isPartnerRole, type SessionUser } from "../auth/users.ts";
import type { Prisma, PrismaClient } from "../db/generated/client.ts";
import { hasConflicts, parseStoredFindings, type ConflictFinding } from "./conflicts.ts";
import {
  loadDealSummary,
  lockDealForUpdate,
  lockDealsForUpdate,
  recordDealEvent,
  type DealEventRecord,
  type DealOperationOptions,
  type DealSummary,
  type LockedDeal,
  type Tx,
} from "./deal-record.ts";
import { type Money, toMoney } from "../money.ts";
import { getDealSettings, moneyInput } from "./settings.ts";
import { assertTransition, DealForbiddenError, DealValidationError, type DealAction } from "./transitions.ts";
import { fieldErrors } from "../validation.ts";

export type DealTransitionResult = { deal: DealSummary; events: DealEventRecord[] };

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 };

function requireReviewer(user: SessionUser): void {
  if (!can(user, "deals:review")) throw new DealForbiddenError("Only channel managers and admins decide on deal registrations");
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new DealValidationError(fieldErrors(parsed.error, "input"));
}

const stateOf = (deal: LockedDeal) => ({ status: deal.status, extensionPending: deal.extensionRequestedAt !== null });

/** Runs one transition of one deal in a transaction: lock, check, write, summarize. */
async function transition(
  db: PrismaClient,
  user: SessionUser,
  dealId: string,
  action: DealAction,
  options: DealOperationOptions,
  write: (tx: Tx, deal: LockedDeal, now: Date) => Promise<DealEventRecord[]>,
): Promise<DealTransitionResult> {
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const deal = await lockDealForUpdate(tx, dealId, user);
    assertTransition(stateOf(deal), action);
    const events = await write(tx, deal, now);
    return { deal: await loadDealSummary(tx, deal.id, user), events };
  }, TX_OPTIONS);
}

const noteInput = z.object({ note: z.string().trim().max(2000).optional() });

async function approveLocked(tx: Tx, manager: SessionUser, deal: LockedDeal, note: string | undefined, now: Date, options: DealOperationOptions) {
  const { protectionDays } = await getDealSettings(tx);
  const protectionExpiresAt = new Date(now.getTime() + protectionDays * DAY_MS);
  await tx.deal.update({
    where: { id: deal.id },
    data: { status: "APPROVED", decidedAt: now, decidedById: manager.id, protectionExpiresAt, updatedAt: now },
    select: { id: true },
  });
  return recordDealEvent(tx, {
    deal, action: "APPROVED", from: deal.status, to: "APPROVED", actorUserId: manager.id, note: note || null,
    data: { protectionExpiresAt: protectionExpiresAt.toISOString(), protectionDays }, at: now, audit: "deal.approve",
  }, options);
}

/** Approves a submitted registration; protection runs for the configured number of days. */
export async function approveDeal(db: PrismaClient, manager: SessionUser, dealId: string, input: { note?: string } = {}, options: DealOperationOptions = {}): Promise<DealTransitionResult> {
  requireReviewer(manager);
  const { note } = parse(noteInput, input);
  return transition(db, manager, dealId, "approve", options, async (tx, deal, now) => [await approveLocked(tx, manager, deal, note, now, options)]);
}

const rejectInput = z.object({ reason: z.string({ error: "is required" }).trim().min(3, "is required (at least 3 characters)").max(2000) });

/** Rejects a submitted registration; the reason is required and shown to the partner. */
export async function rejectDeal(db: PrismaClient, manager: SessionUser, dealId: string, input: { reason: string }, options: DealOperationOptions = {}): Promise<DealTransitionResult> {
  requireReviewer(manager);
  const { reason } = parse(rejectInput, input);
  return transition(db, manager, dealId, "reject", options, async (tx, deal, now) => {
    await tx.deal.update({
      where: { id: deal.id },
      data: { status: "REJECTED", decidedAt: now, decidedById: manager.id, rejectionReason: reason, updatedAt: now },
      select: { id: true },
    });
    return [await recordDealEvent(tx, { deal, action: "REJECTED", from: deal.status, to: "REJECTED", actorUserId: manager.id, note: reason, at: now, audit: "deal.reject" }, options)];
  });
}

export type BulkSkipReason = "not_found" | "not_submitted" | "has_conflicts";
export type BulkApproveResult = { approved: DealSummary[]; skipped: { dealId: string; reason: BulkSkipReason }[]; events: DealEventRecord[] };

/** Approves, in one transaction, every listed registration that is submitted and has no conflict; reports the rest. */
export async function bulkApproveDeals(db: PrismaClient, manager: SessionUser, dealIds: readonly string[], options: DealOperationOptions = {}): Promise<BulkApproveResult> {
  requireReviewer(manager);
  const ids = [...new Set(parse(z.array(z.string()).min(1, "pick at least one deal").max(200, "at most 200 deals at once"), dealIds))];
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const locked = await lockDealsForUpdate(tx, ids, manager);
    const byId = new Map(locked.map((d) => [d.id, d]));
    const result: BulkApproveResult = { approved: [], skipped: [], events: [] };
    for (const id of ids) {
      const deal = byId.get(id);
      if (!deal) result.skipped.push({ dealId: id, reason: "not_found" });
      else if (deal.status !== "SUBMITTED") result.skipped.push({ dealId: id, reason: "not_submitted" });
      else if (hasConflicts(parseStoredFindings(deal.conflicts))) result.skipped.push({ dealId: id, reason: "has_conflicts" });
      else {
        assertTransition(stateOf(deal), "approve");
        result.events.push(await approveLocked(tx, manager, deal, "bulk approval", now, options));
        result.approved.push(await loadDealSummary(tx, deal.id, manager));
      }
    }
    return result;
  }, TX_OPTIONS);
}

const closeInput = z.object({ outcome: z.enum(["WON", "LOST"], { error: "must be WON or LOST" }), value: moneyInput.optional() });

/** Closes an approved deal as won or lost (the owning partner, or a manager), with its final value. */
export async function closeDeal(db: PrismaClient, user: SessionUser, dealId: string, input: { outcome: "WON" | "LOST"; value?: Money }, options: DealOperationOptions = {}): Promise<DealTransitionResult> {
  if (!isPartnerRole(user.role) && !can(user, "deals:review")) throw new DealForbiddenError("Only the registering partner or a channel manager closes a deal");
  const { outcome, value } = parse(closeInput, input);
  return transition(db, user, dealId, outcome === "WON" ? "win" : "lose", options, async (tx, deal, now) => {
    if (value && value.currency !== deal.currency) throw new DealValidationError({ "value.currency": `must be the deal's currency (${deal.currency})` });
    const closedAmount = value ? BigInt(value.amount) : outcome === "WON" ? deal.amount : null;
    await tx.deal.update({
      where: { id: deal.id },
      data: { status: outcome, stage: "CLOSED", closedAt: now, closedAmount, extensionRequestedAt: null, extensionReason: null, updatedAt: now },
      select: { id: true },
    });
    const data: Record<string, number> = closedAmount === null ? {} : { closedAmount: Number(closedAmount) };
    const audit = outcome === "WON" ? "deal.close_won" : "deal.close_lost";
    return [await recordDealEvent(tx, { deal, action: outcome, from: deal.status, to: outcome, actorUserId: user.id, data, at: now, audit }, options)];
  });
}

const extensionInput = z.object({ reason: z.string({ error: "is required" }).trim().min(3, "is required (at least 3 characters)").max(2000) });

/** The owning partner asks to extend an approved deal's protection; one request waits at a time. */
export async function requestExtension(db: PrismaClient, partner: SessionUser, dealId: string, input: { reason: string }, options: DealOperationOptions = {}): Promise<DealTransitionResult> {
  if (!isPartnerRole(partner.role)) throw new DealForbiddenError("Only the registering partner asks for an extension");
  const { reason } = parse(extensionInput, input);
  return transition(db, partner, dealId, "request_extension", options, async (tx, deal, now) => {
    await tx.deal.update({ where: { id: deal.id }, data: { extensionRequestedAt: now, extensionReason: reason, updatedAt: now }, select: { id: true } });
    return [await recordDealEvent(tx, { deal, action: "EXTENSION_REQUESTED", from: deal.status, to: deal.status, actorUserId: partner.id, note: reason, at: now, audit: "deal.request_extension" }, options)];
  });
}

const decisionInput = z.object({
  approve: z.boolean({ error: "must be true or false" }),
  note: z.string().trim().max(2000).optional(),
  days: z.number().int().min(1).max(365).optional(),
});

/** The manager approves (adding days to the protection, from now if it already lapsed) or refuses a waiting extension request. */
export async function decideExtension(db: PrismaClient, manager: SessionUser, dealId: string, input: { approve: boolean; note?: string; days?: number }, options: DealOperationOptions = {}): Promise<DealTransitionResult> {
  requireReviewer(manager);
  const { approve, note, days } = parse(decisionInput, input);
  return transition(db, manager, dealId, approve ? "approve_extension" : "refuse_extension", options, async (tx, deal, now) => {
    const data: Prisma.DealUpdateInput = { extensionRequestedAt: null, extensionReason: null, updatedAt: now };
    const eventData: Record<string, string | number> = {};
    if (approve) {
      const extensionDays = days ?? (await getDealSettings(tx)).extensionDays;
      const from = Math.max(deal.protectionExpiresAt?.getTime() ?? now.getTime(), now.getTime());
      data.protectionExpiresAt = new Date(from + extensionDays * DAY_MS);
      Object.assign(eventData, { days: extensionDays, protectionExpiresAt: data.protectionExpiresAt.toISOString() });
      if (deal.protectionExpiresAt) eventData.previousProtectionExpiresAt = deal.protectionExpiresAt.toISOString();
    }
    await tx.deal.update({ where: { id: deal.id }, data, select: { id: true } });
    const action = approve ? "EXTENSION_APPROVED" : "EXTENSION_REFUSED";
    const audit = approve ? "deal.approve_extension" : "deal.refuse_extension";
    return [await recordDealEvent(tx, { deal, action, from: deal.status, to: deal.status, actorUserId: manager.id, note: note || null, data: eventData, at: now, audit }, options)];
  });
}

const correctionInput = z.object({ reason: z.string({ error: "is required" }).trim().min(3, "is required (at least 3 characters)").max(2000) });

/**
 * A manager reopens a deal closed by mistake: back to APPROVED, closing value cleared, protection
 * running again (at least the extension length from now). A won deal's incentives are clawed back.
 */
export async function reopenDeal(db: PrismaClient, manager: SessionUser, dealId: string, input: { reason: string }, options: DealOperationOptions = {}): Promise<DealTransitionResult> {
  requireReviewer(manager);
  const { reason } = parse(correctionInput, input);
  return transition(db, manager, dealId, "reopen", options, async (tx, deal, now) => {
    const { extensionDays } = await getDealSettings(tx);
    const protectionExpiresAt = new Date(Math.max(deal.protectionExpiresAt?.getTime() ?? 0, now.getTime() + extensionDays * DAY_MS));
    await tx.deal.update({
      where: { id: deal.id },
      data: { status: "APPROVED", stage: "NEGOTIATE", closedAt: null, closedAmount: null, protectionExpiresAt, updatedAt: now },
      select: { id: true },
    });
    const data = { protectionExpiresAt: protectionExpiresAt.toISOString(), ...(deal.closedAmount === null ? {} : { previousClosedAmount: Number(deal.closedAmount) }) };
    return [await recordDealEvent(tx, { deal, action: "REOPENED", from: deal.status, to: "APPROVED", actorUserId: manager.id, note: reason, data, at: now, audit: "deal.reopen" }, options)];
  });
}

const refundInput = correctionInput.extend({ refund: moneyInput });

/** A manager records money given back on a won deal: its closed value drops by the refund, and incentives on it are clawed back in proportion. */
export async function refundDeal(db: PrismaClient, manager: SessionUser, dealId: string, input: { refund: Money; reason: string }, options: DealOperationOptions = {}): Promise<DealTransitionResult> {
  requireReviewer(manager);
  const { refund, reason } = parse(refundInput, input);
  return transition(db, manager, dealId, "refund", options, async (tx, deal, now) => {
    const closed = deal.closedAmount ?? 0n;
    if (refund.currency !== deal.currency) throw new DealValidationError({ "refund.currency": `must be the deal's currency (${deal.currency})` });
    if (refund.amount <= 0 || BigInt(refund.amount) > closed) throw new DealValidationError({ "refund.amount": `must be more than 0 and at most the closed value (${closed})` });
    const closedAmount = closed - BigInt(refund.amount);
    await tx.deal.update({ where: { id: deal.id }, data: { closedAmount, updatedAt: now }, select: { id: true } });
    const data = { refunded: refund.amount, previousClosedAmount: Number(closed), closedAmount: Number(closedAmount) };
    return [await recordDealEvent(tx, { deal, action: "REFUNDED", from: deal.status, to: "WON", actorUserId: manager.id, note: reason, data, at: now, audit: "deal.refund" }, options)];
  });
}

export type ReviewQueueItem = {
  id: string;
  title: string;
  partnerOrg: { id: string; name: string };
  customer: { name: string; country: string; domain: string | null };
  value: Money;
  productSkus: string[];
  submittedAt: string;
  /** When the SLA wants a decision (submission + review SLA hours). */
  dueAt: string;
  overdue: boolean;
  /** Negative once overdue. */
  hoursLeft: number;
  conflictScore: number | null;
  hasConflicts: boolean;
  conflicts: ConflictFinding[];
};

export type ReviewQueueQuery = { now?: Date; page?: number; pageSize?: number; conflictsOnly?: boolean };

/** Submitted registrations waiting for a decision, the most urgent (SLA due first) on top. */
export async function reviewQueue(db: PrismaClient, manager: SessionUser, query: ReviewQueueQuery = {}): Promise<{ items: ReviewQueueItem[]; total: number; slaHours: number }> {
  requireReviewer(manager);
  const now = query.now ?? new Date();
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const pageSize = Math.min(200, Math.max(1, Math.floor(query.pageSize ?? 50)));
  const { reviewSlaHours } = await getDealSettings(db);
  const where: Prisma.DealWhereInput = {
    AND: [dealScope(manager), { status: "SUBMITTED" }, query.conflictsOnly ? { conflicts: { array_contains: [{ kind: "conflict" }] } } : {}],
  };
  const [total, deals] = await Promise.all([
    db.deal.count({ where }),
    db.deal.findMany({
      where,
      // One SLA for every registration: the due time orders exactly like the submission time.
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        title: true,
        amount: true,
        currency: true,
        submittedAt: true,
        conflictScore: true,
        conflicts: true,
        partnerOrg: { select: { id: true, name: true } },
        customer: { select: { name: true, country: true, domain: true } },
        products: { select: { product: { select: { sku: true } } }, orderBy: { product: { sku: "asc" } } },
      },
    }),
  ]);
  const items = deals.map((deal) => {
    const due = deal.submittedAt.getTime() + reviewSlaHours * HOUR_MS;
    const conflicts = parseStoredFindings(deal.conflicts);
    return {
      id: deal.id,
      title: deal.title,
      partnerOrg: deal.partnerOrg,
      customer: { ...deal.customer, country: deal.customer.country.trim() },
      value: toMoney(deal.amount, deal.currency),
      productSkus: deal.products.map((p) => p.product.sku),
      submittedAt: deal.submittedAt.toISOString(),
      dueAt: new Date(due).toISOString(),
      overdue: due < now.getTime(),
      hoursLeft: Math.round(((due - now.getTime()) / HOUR_MS) * 10) / 10,
      conflictScore: deal.conflictScore,
      hasConflicts: hasConflicts(conflicts),
      conflicts,
    };
  });
  return { items, total, slaHours: reviewSlaHours };
}

export type ExtensionRequestItem = {
  dealId: string;
  title: string;
  partnerOrg: { id: string; name: string };
  customerName: string;
  requestedAt: string;
  reason: string;
  protectionExpiresAt: string | null;
};

/** Extension requests waiting for the manager, oldest first. */
export async function pendingExtensionRequests(db: PrismaClient, manager: SessionUser): Promise<ExtensionRequestItem[]> {
  requireReviewer(manager);
  const deals = await db.deal.findMany({
    where: { AND: [dealScope(manager), { status: "APPROVED", extensionRequestedAt: { not: null } }] },
    orderBy: [{ extensionRequestedAt: "asc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      title: true,
      extensionRequestedAt: true,
      extensionReason: true,
      protectionExpiresAt: true,
      partnerOrg: { select: { id: true, name: true } },
      customer: { select: { name: true } },
    },
  });
  return deals.map((d) => ({
    dealId: d.id,
    title: d.title,
    partnerOrg: d.partnerOrg,
    customerName: d.customer.name,
    requestedAt: d.extensionRequestedAt!.toISOString(),
    reason: d.extensionReason ?? "",
    protectionExpiresAt: d.protectionExpiresAt?.toISOString() ?? null,
  }));
}

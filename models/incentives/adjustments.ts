// The ledger entries people write by hand: a manual adjustment (a credit or a debit, with the
// reason the partner will read) and a payout (money paid to the partner, which lowers the
// balance and may not exceed it). Both are append-only, idempotent per client request,
// audited, and told to the partner's users.
import { z } from "zod";
import { recordAudit } from "../audit/log.ts";
import { can } from "../auth/permissions.ts";
import type { SessionUser } from "../auth/users.ts";
import type { Prisma, PrismaClient } from "../db/generated/client.ts";
import { formatMoney, type Money, toMoney, toSafeNumber } from "../money.ts";
import { notifyUsers } from "../notifications/notify.ts";
import { fieldErrors } from "../validation.ts";

export type ManualEntryKind = "ADJUSTMENT" | "PAYOUT";

export type ManualEntry = {
  id: string;
  partnerOrgId: string;
  kind: ManualEntryKind;
  /** Signed: a debit adjustment and every payout are negative. */
  amount: Money;
  explanation: string;
  reason: string;
  reference: string | null;
  createdBy: string | null;
  occurredAt: string;
};

/** Refusals a person can fix, per field (API: 422 with `fields`); `status` is the HTTP answer. */
export class ManualEntryError extends Error {
  constructor(
    readonly status: 403 | 404 | 409 | 422,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "ManualEntryError";
  }
}

const currency = z.string().trim().regex(/^[A-Z]{3}$/, "must be a three-letter currency code such as EUR");
const positiveCents = z.int("must be a whole number of cents").min(1, "must be more than zero").max(Number.MAX_SAFE_INTEGER, "is too large");

export const manualEntryInput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("ADJUSTMENT"),
    partnerOrgId: z.guid("must be a partner id"),
    direction: z.enum(["CREDIT", "DEBIT"], { error: "must be CREDIT or DEBIT" }),
    amount: z.object({ amount: positiveCents, currency }),
    reason: z.string({ error: "is required" }).trim().min(10, "is required: at least 10 characters the partner will read").max(1000, "must be at most 1,000 characters"),
    clientRequestId: z.guid().optional(),
  }),
  z.object({
    kind: z.literal("PAYOUT"),
    partnerOrgId: z.guid("must be a partner id"),
    amount: z.object({ amount: positiveCents, currency }),
    reference: z.string({ error: "is required" }).trim().min(3, "is required: the payment or credit note reference").max(200, "must be at most 200 characters"),
    reason: z.string().trim().max(1000, "must be at most 1,000 characters").optional(),
    clientRequestId: z.guid().optional(),
  }),
]);

export type ManualEntryInput = z.input<typeof manualEntryInput>;

/** The partner's balance per currency: everything earned, adjusted and paid so far. */
export async function partnerBalances(db: Pick<PrismaClient, "incentiveLedgerEntry">, partnerOrgId: string): Promise<Money[]> {
  const rows = await db.incentiveLedgerEntry.groupBy({ by: ["currency"], where: { partnerOrgId }, _sum: { amount: true }, orderBy: { currency: "asc" } });
  return rows.map((row) => toMoney(row._sum.amount ?? 0n, row.currency));
}

const LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtext('channelwise:incentive-payout:' || $1))";

/**
 * Appends a manual adjustment or a payout for a partner (channel manager, admin). A repeat of
 * the same `clientRequestId` returns the entry written the first time; a payout larger than the
 * balance in its currency is refused (409) and writes nothing.
 */
export async function recordManualEntry(db: PrismaClient, manager: SessionUser, input: unknown, options: { ipAddress?: string | null; now?: Date } = {}): Promise<{ entry: ManualEntry; created: boolean }> {
  if (!can(manager, "incentives:manage")) throw new ManualEntryError(403, "forbidden", "Only channel managers and admins adjust or pay out incentives.");
  const parsed = manualEntryInput.safeParse(input);
  if (!parsed.success) throw new ManualEntryError(422, "invalid_entry", "Some fields are invalid.", fieldErrors(parsed.error));
  const request = parsed.data;
  const now = options.now ?? new Date();
  const idempotencyKey = `${request.kind.toLowerCase()}:${request.clientRequestId ?? crypto.randomUUID()}`;

  return db.$transaction(async (tx) => {
    const partner = await tx.partnerOrg.findUnique({ where: { id: request.partnerOrgId }, select: { id: true, name: true } });
    if (partner === null) throw new ManualEntryError(422, "invalid_entry", "Some fields are invalid.", { partnerOrgId: "is not a partner" });
    const repeat = await tx.incentiveLedgerEntry.findUnique({ where: { idempotencyKey }, select: entrySelect });
    if (repeat !== null) {
      if (repeat.partnerOrgId !== partner.id) throw new ManualEntryError(409, "duplicate_request", "This request id was already used for another partner.");
      return { entry: toManualEntry(repeat), created: false };
    }

    const cents = request.amount.amount;
    const signed = request.kind === "PAYOUT" || request.direction === "DEBIT" ? -cents : cents;
    const money = formatMoney(cents, request.amount.currency);
    let explanation: string;
    let data: Prisma.InputJsonObject;
    if (request.kind === "PAYOUT") {
      // One payout at a time per partner, so two cannot both pass the balance check.
      await tx.$executeRawUnsafe(LOCK_SQL, partner.id);
      const balance = (await partnerBalances(tx, partner.id)).find((b) => b.currency === request.amount.currency)?.amount ?? 0;
      if (cents > balance) {
        throw new ManualEntryError(409, "exceeds_balance", `The payout exceeds the partner's balance of ${formatMoney(balance, request.amount.currency)}.`, {
          "amount.amount": `must be at most the balance of ${formatMoney(balance, request.amount.currency)}`,
        });
      }
      explanation = `Payout of ${money} (reference ${request.reference})${request.reason ? `: ${request.reason}` : ""}`;
      data = { reason: request.reason ?? "", reference: request.reference, by: manager.name };
    } else {
      explanation = `${request.direction === "CREDIT" ? "Manual credit" : "Manual debit"} of ${money} by ${manager.name}: ${request.reason}`;
      data = { reason: request.reason, direction: request.direction, by: manager.name };
    }

    const row = await tx.incentiveLedgerEntry.create({
      data: {
        partnerOrgId: partner.id,
        programId: null,
        kind: request.kind,
        amount: BigInt(signed),
        currency: request.amount.currency,
        explanation,
        explanationData: data,
        idempotencyKey,
        createdById: manager.id,
        occurredAt: now,
      },
      select: entrySelect,
    });
    await recordAudit(tx, {
      actorUserId: manager.id,
      ipAddress: options.ipAddress ?? null,
      action: request.kind === "PAYOUT" ? "incentives.payout" : "incentives.adjust",
      entityType: "IncentiveLedgerEntry",
      entityId: row.id.toString(),
      partnerOrgId: partner.id,
      data: { amount: signed, currency: request.amount.currency, ...data },
    });
    await notifyUsers(tx, {
      partnerOrgId: partner.id,
      kind: request.kind === "PAYOUT" ? "incentives.payout" : "incentives.adjustment",
      title: request.kind === "PAYOUT" ? `Payout of ${money} sent` : `Your incentives were ${signed > 0 ? "credited" : "debited"} ${money}`,
      body: explanation,
      link: "/incentives",
      idempotencyKey: `ledger:${idempotencyKey}`,
      email: request.kind === "PAYOUT",
    });
    return { entry: toManualEntry(row), created: true };
  });
}

const entrySelect = {
  id: true,
  partnerOrgId: true,
  kind: true,
  amount: true,
  currency: true,
  explanation: true,
  explanationData: true,
  occurredAt: true,
  createdBy: { select: { name: true } },
} satisfies Prisma.IncentiveLedgerEntrySelect;

type EntryRow = Prisma.IncentiveLedgerEntryGetPayload<{ select: typeof entrySelect }>;

function toManualEntry(row: EntryRow): ManualEntry {
  const data = (row.explanationData ?? {}) as { reason?: string; reference?: string };
  return {
    id: row.id.toString(),
    partnerOrgId: row.partnerOrgId,
    kind: row.kind === "PAYOUT" ? "PAYOUT" : "ADJUSTMENT",
    amount: toMoney(row.amount, row.currency),
    explanation: row.explanation,
    reason: data.reason ?? "",
    reference: data.reference ?? null,
    createdBy: row.createdBy?.name ?? null,
    occurredAt: row.occurredAt.toISOString(),
  };
}

/** The partner's manual entries, newest first (a partner user: only their own organization's). */
export async function listManualEntries(
  db: PrismaClient,
  user: SessionUser,
  query: { partnerOrgId: string; page: number; pageSize: number },
): Promise<{ items: ManualEntry[]; total: number } | null> {
  const mayRead = can(user, "incentives:read-all") || (can(user, "incentives:read-own") && user.partnerOrgId === query.partnerOrgId);
  if (!mayRead) return null;
  const where: Prisma.IncentiveLedgerEntryWhereInput = { partnerOrgId: query.partnerOrgId, kind: { in: ["ADJUSTMENT", "PAYOUT"] } };
  const [rows, total] = await Promise.all([
    db.incentiveLedgerEntry.findMany({ where, select: entrySelect, orderBy: [{ occurredAt: "desc" }, { id: "desc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
    db.incentiveLedgerEntry.count({ where }),
  ]);
  return { items: rows.map(toManualEntry), total: toSafeNumber(total) };
}

// A partner's incentive statement for a period: every ledger entry (accruals, clawbacks, manual
// adjustments, payouts) with its explanation in words and data, the totals, the opening balance,
// progress to the next rebate tier and the active SPIFFs. The tenant rule lives here: a partner
// user gets their own organization's statement only; channel managers and admins name a partner.
import { can } from "../auth/permissions.ts";
import { isPartnerRole, type SessionUser } from "../auth/users.ts";
import type { PrismaClient } from "../db/generated/client.ts";
import type { LedgerKind, ProgramKind } from "../db/generated/enums.ts";
import { toMoney, toSafeNumber, type Money } from "../money.ts";
import { isUuid } from "../validation.ts";
import { loadActivePrograms, loadActiveSpiffs, loadTierOutlooks, type ActiveSpiff, type TierOutlook } from "./statement-outlook.ts";
import { parseStatementPeriod, periodRange, type StatementPeriod } from "./statement-period.ts";
import { statementTotals, type StatementTotals } from "./statement-totals.ts";

export type StatementErrorCode = "forbidden" | "not_found" | "partner_required" | "invalid_period";

/** Why a statement cannot be shown; routes turn it into 403, 404 or 400. */
export class StatementError extends Error {
  constructor(
    readonly code: StatementErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "StatementError";
  }
}

/** The explanation as data, as the ledger stored it (the engine's ExplanationData, or a manager's adjustment). */
export type ExplanationJson = { [key: string]: unknown };

export type StatementEntry = {
  id: string;
  occurredAt: string;
  kind: LedgerKind;
  /** Signed: accruals and positive adjustments add, clawbacks and payouts (money paid out) subtract. */
  amount: Money;
  /** Null for manual adjustments and payouts. */
  program: { id: string; key: string; name: string; version: number; kind: ProgramKind } | null;
  deal: { id: string; title: string } | null;
  explanation: string;
  explanationData: ExplanationJson;
  /** The balance in this entry's currency after it, counted from the opening balance. */
  balanceAfter: Money;
};

export type StatementPartner = { id: string; name: string; regionCode: string };

export type Statement = {
  partner: StatementPartner;
  period: StatementPeriod;
  /** Oldest first, as a statement reads. */
  entries: StatementEntry[];
  totals: StatementTotals;
  /** Progress to the next tier of every active tiered rebate. */
  tiers: TierOutlook[];
  spiffs: ActiveSpiff[];
  asOf: string;
};

export type StatementQuery = {
  /** Required for channel managers and admins; a partner user may leave it out or name their own. */
  partnerOrgId?: string | null;
  /** `YYYY-MM-DD`; defaults to 1 January of the current year. */
  from?: string | null;
  /** `YYYY-MM-DD`, inclusive; defaults to today. */
  to?: string | null;
  /** Today, for the default period, tier progress and SPIFF countdowns (default: now). */
  now?: Date;
};


/**
 * The partner organization whose statement `user` asks for, or a StatementError: 403 for roles
 * without incentive access, 404 for another organization (never confirming it exists), and
 * "partner_required" when a manager has not picked a partner yet.
 */
export async function resolveStatementPartner(db: PrismaClient, user: SessionUser, partnerOrgId?: string | null): Promise<StatementPartner> {
  const requested = partnerOrgId || null;
  let id: string;
  if (can(user, "incentives:read-all")) {
    if (requested === null) throw new StatementError("partner_required", "Pick a partner to see their statement.", { partnerOrgId: "is required" });
    id = requested;
  } else if (can(user, "incentives:read-own") && isPartnerRole(user.role) && user.partnerOrgId) {
    if (requested !== null && requested !== user.partnerOrgId) throw notFound();
    id = user.partnerOrgId;
  } else {
    throw new StatementError("forbidden", "Your role may not read incentive statements.");
  }
  if (!isUuid(id)) throw notFound();
  const org = await db.partnerOrg.findUnique({ where: { id }, select: { id: true, name: true, regionCode: true } });
  if (org === null) throw notFound();
  return org;
}

function notFound(): StatementError {
  return new StatementError("not_found", "No such partner, or not yours.");
}

export async function getStatement(db: PrismaClient, user: SessionUser, query: StatementQuery = {}): Promise<Statement> {
  const now = query.now ?? new Date();
  const partner = await resolveStatementPartner(db, user, query.partnerOrgId);
  const parsed = parseStatementPeriod({ from: query.from, to: query.to }, now);
  if (!parsed.ok) throw new StatementError("invalid_period", "The period is invalid.", parsed.fields);
  const { period } = parsed;

  const opening = await openingBalance(db, partner.id, period);
  const rows = await ledgerEntries(db, partner.id, period);
  const running = new Map(opening.map((m) => [m.currency, m.amount]));
  const entries = rows.map((row): StatementEntry => {
    const amount = toMoney(row.amount, row.currency);
    const balance = (running.get(amount.currency) ?? 0) + amount.amount;
    running.set(amount.currency, balance);
    return {
      id: row.id.toString(),
      occurredAt: row.occurredAt.toISOString(),
      kind: row.kind,
      amount,
      program: row.program,
      deal: row.deal,
      explanation: row.explanation,
      explanationData: isObject(row.explanationData) ? row.explanationData : {},
      balanceAfter: { currency: amount.currency, amount: balance },
    };
  });

  const active = await loadActivePrograms(db, now);
  const tiers = await loadTierOutlooks(db, active, partner, now);
  const spiffs = await loadActiveSpiffs(db, active, partner, now);
  return { partner, period, entries, totals: statementTotals(entries, period, opening), tiers, spiffs, asOf: now.toISOString() };
}

/** The partner's ledger entries in the period, oldest first (ties by id: the order they were appended). */
function ledgerEntries(db: PrismaClient, partnerOrgId: string, period: StatementPeriod) {
  const { start, end } = periodRange(period);
  return db.incentiveLedgerEntry.findMany({
    where: { partnerOrgId, occurredAt: { gte: start, lt: end } },
    select: {
      id: true,
      occurredAt: true,
      kind: true,
      amount: true,
      currency: true,
      explanation: true,
      explanationData: true,
      program: { select: { id: true, key: true, name: true, version: true, kind: true } },
      deal: { select: { id: true, title: true } },
    },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
  });
}

/** The sum of the partner's entries before the period, per currency. */
async function openingBalance(db: PrismaClient, partnerOrgId: string, period: StatementPeriod): Promise<Money[]> {
  const groups = await db.incentiveLedgerEntry.groupBy({
    by: ["currency"],
    where: { partnerOrgId, occurredAt: { lt: periodRange(period).start } },
    _sum: { amount: true },
    orderBy: { currency: "asc" },
  });
  return groups.map((g) => ({ currency: g.currency.trim(), amount: toSafeNumber(g._sum.amount) }));
}

function isObject(value: unknown): value is ExplanationJson {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

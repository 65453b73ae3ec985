// A partner registers a deal: validated input, one transaction that serializes registrations of
// the same customer (so exactly one of two simultaneous ones is first), finds or creates the
// customer, runs the conflict check, writes the deal with its events and audit entry, and
// approves it at once when the auto-approval rule allows. A repeated clientRequestId replays.
import { z } from "zod";
import { can } from "../auth/permissions.ts";
import type { SessionUser } from "../auth/users.ts";
import type { Prisma, PrismaClient } from "../db/generated/client.ts";
import type { DealStatus } from "../db/generated/enums.ts";
import { conflictScore, countryCode, customerDomain, findDealConflicts, hasConflicts, redactForPartner, type ConflictFinding, type ConflictView } from "./conflicts.ts";
import { normalizeCompanyName } from "./customer-names.ts";
import { loadDealSummary, recordDealEvent, type DealEventRecord, type DealOperationOptions, type DealSummary, type Tx } from "./deal-record.ts";
import { getDealSettings, moneyInput, type DealSettings } from "./settings.ts";
import { assertTransition, DealForbiddenError, DealValidationError } from "./transitions.ts";
import { fieldErrors } from "../validation.ts";

const DAY_MS = 86_400_000;

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/** The registration form and `POST /api/v1/deals`, checked against the clock at `now`. */
export function dealRegistrationInputAt(now?: Date) {
  return z.object({
    customer: z.object({
      name: z.string({ error: "is required" }).trim().min(2, "must have at least 2 characters").max(300).transform((s) => s.replace(/\s+/g, " ")),
      domain: customerDomain.optional(),
      country: countryCode,
      industry: z.string().trim().max(100).optional(),
    }),
    title: z.string({ error: "is required" }).trim().min(3, "must have at least 3 characters").max(200),
    value: moneyInput,
    productSkus: z
      .array(z.string().trim().min(1).max(100))
      .min(1, "pick at least one product")
      .max(50)
      .transform((skus) => [...new Set(skus)]),
    expectedCloseDate: z.iso.date("must be a date (YYYY-MM-DD)").refine(
      // Yesterday (UTC) still counts, so a partner west of Greenwich may pick their own today.
      (date) => date >= utcDay(new Date((now ?? new Date()).getTime() - DAY_MS)),
      "must not be in the past",
    ),
    notes: z.string().trim().max(5000).optional(),
    clientRequestId: z.string().trim().min(1).max(200).optional(),
  });
}

/** The registration input schema, against the real clock. */
export const dealRegistrationInput = dealRegistrationInputAt();
export type DealRegistrationInput = z.input<typeof dealRegistrationInput>;
type ParsedInput = z.output<typeof dealRegistrationInput>;

export type RegistrationResult = {
  dealId: string;
  /** False when the clientRequestId was seen before and the earlier deal is returned. */
  created: boolean;
  status: DealStatus;
  autoApproved: boolean;
  conflictScore: number | null;
  /** As the registering partner may see them. */
  conflicts: ConflictView[];
  deal: DealSummary;
  events: DealEventRecord[];
};

const TX_OPTIONS = { maxWait: 20_000, timeout: 30_000 };

/** Registers a deal for the user's own organization (partner users only). */
export async function registerDeal(db: PrismaClient, user: SessionUser, input: unknown, options: DealOperationOptions = {}): Promise<RegistrationResult> {
  if (!can(user, "deals:register") || !user.partnerOrgId) throw new DealForbiddenError("Only partner users register deals");
  const partnerOrgId = user.partnerOrgId;
  const now = options.now ?? new Date();
  const parsed = dealRegistrationInputAt(now).safeParse(input);
  if (!parsed.success) {
    throw new DealValidationError(fieldErrors(parsed.error, "input"));
  }
  const data = parsed.data;
  const normalizedName = normalizeCompanyName(data.customer.name);
  const domain = data.customer.domain || null;

  if (data.clientRequestId) {
    const earlier = await replay(db, user, data.clientRequestId);
    if (earlier) return earlier;
  }

  return db.$transaction(async (tx) => {
    await lockRegistration(tx, partnerOrgId, data, normalizedName, domain);
    if (data.clientRequestId) {
      // A double submission that raced the first one waited on the lock above and finds it here.
      const earlier = await replay(tx, user, data.clientRequestId);
      if (earlier) return earlier;
    }
    const products = await requireProducts(tx, data.productSkus);
    const customerId = await findOrCreateCustomer(tx, data, normalizedName, domain);
    const { items: findings } = await findDealConflicts(tx, {
      customerName: data.customer.name,
      domain,
      country: data.customer.country,
      productSkus: data.productSkus,
      partnerOrgId,
      asOf: now,
    });
    const settings = await getDealSettings(tx);
    const autoApproved = autoApprovalApplies(settings, data, findings);
    const score = conflictScore(findings);
    const protectionExpiresAt = autoApproved ? new Date(now.getTime() + settings.protectionDays * DAY_MS) : null;

    const deal = await tx.deal.create({
      data: {
        partnerOrgId,
        customerId,
        registeredById: user.id,
        title: data.title,
        amount: BigInt(data.value.amount),
        currency: data.value.currency,
        expectedCloseDate: new Date(`${data.expectedCloseDate}T00:00:00.000Z`),
        status: "SUBMITTED",
        notes: data.notes || null,
        submittedAt: now,
        conflictScore: score,
        conflicts: findings as unknown as Prisma.InputJsonValue,
        clientRequestId: data.clientRequestId ?? null,
        createdAt: now,
        updatedAt: now,
        products: { createMany: { data: products.map((p) => ({ productId: p.id })) } },
      },
      select: { id: true, partnerOrgId: true },
    });

    const events = [
      await recordDealEvent(tx, {
        deal, action: "SUBMITTED", from: null, to: "SUBMITTED", actorUserId: user.id, at: now, audit: "deal.register",
        data: { customerId, conflictScore: score, conflicts: findings.length, ...(data.clientRequestId ? { clientRequestId: data.clientRequestId } : {}) },
      }, options),
    ];
    if (findings.length > 0) {
      const conflicts = findings.filter((f) => f.kind === "conflict").length;
      events.push(await recordDealEvent(tx, {
        deal, action: "CONFLICT_FOUND", from: "SUBMITTED", to: "SUBMITTED", actorUserId: null, at: now,
        note: `${conflicts} conflicting, ${findings.length - conflicts} related registration(s)`,
        data: { conflictScore: score, findings: findings as unknown as Prisma.InputJsonValue },
      }, options));
    }
    if (autoApproved) {
      assertTransition({ status: "SUBMITTED", extensionPending: false }, "auto_approve");
      await tx.deal.update({ where: { id: deal.id }, data: { status: "APPROVED", decidedAt: now, decidedById: null, protectionExpiresAt }, select: { id: true } });
      events.push(await recordDealEvent(tx, {
        deal, action: "AUTO_APPROVED", from: "SUBMITTED", to: "APPROVED", actorUserId: null, at: now, note: "approved by the rule", audit: "deal.auto_approve",
        data: { rule: { autoApproveBelow: settings.autoApproveBelow }, protectionExpiresAt: protectionExpiresAt!.toISOString(), protectionDays: settings.protectionDays },
      }, options));
    }
    const summary = await loadDealSummary(tx, deal.id, user);
    return {
      dealId: deal.id,
      created: true,
      status: summary.status,
      autoApproved,
      conflictScore: score,
      conflicts: redactForPartner(findings, user),
      deal: summary,
      events,
    };
  }, TX_OPTIONS);
}

/** Auto-approval: switched on, same currency, value under the threshold, and no conflict (related deals are fine). */
export function autoApprovalApplies(settings: Pick<DealSettings, "autoApproveBelow">, input: { value: { amount: number; currency: string } }, findings: readonly Pick<ConflictFinding, "kind">[]): boolean {
  const rule = settings.autoApproveBelow;
  if (!rule || rule.currency !== input.value.currency) return false;
  return input.value.amount < rule.amount && !hasConflicts(findings);
}

/**
 * Serializes registrations that could be for the same customer — same country and normalized
 * name, or same registrable domain — and double submissions of one request. Keys are taken in
 * one global order, so two registrations that share some keys cannot deadlock.
 */
async function lockRegistration(tx: Tx, partnerOrgId: string, data: ParsedInput, normalizedName: string, domain: string | null): Promise<void> {
  const keys = [`deal-customer:${data.customer.country}:${normalizedName}`];
  if (domain) keys.push(`deal-domain:${data.customer.country}:${domain}`);
  if (data.clientRequestId) keys.push(`deal-request:${partnerOrgId}:${data.clientRequestId}`);
  for (const key of keys.sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
  }
}

async function replay(db: Pick<Tx, "deal">, user: SessionUser, clientRequestId: string): Promise<RegistrationResult | null> {
  const existing = await db.deal.findUnique({
    where: { partnerOrgId_clientRequestId: { partnerOrgId: user.partnerOrgId!, clientRequestId } },
    select: { id: true },
  });
  if (!existing) return null;
  const deal = await loadDealSummary(db, existing.id, user);
  return {
    dealId: deal.id,
    created: false,
    status: deal.status,
    autoApproved: false,
    conflictScore: deal.conflictScore,
    conflicts: deal.conflicts,
    deal,
    events: [],
  };
}

async function requireProducts(tx: Tx, skus: readonly string[]): Promise<{ id: string; sku: string }[]> {
  const products = await tx.product.findMany({ where: { sku: { in: [...skus] }, active: true }, select: { id: true, sku: true } });
  const missing = skus.filter((sku) => !products.some((p) => p.sku === sku));
  if (missing.length > 0) throw new DealValidationError({ productSkus: `unknown or inactive product: ${missing.join(", ")}` });
  return products;
}

/** The customer with this normalized name in this country (preferring one on the same domain), or a new one. */
async function findOrCreateCustomer(tx: Tx, data: ParsedInput, normalizedName: string, domain: string | null): Promise<string> {
  const country = data.customer.country;
  const existing = await tx.customer.findFirst({
    where: { country, normalizedName, ...(domain ? { OR: [{ domain }, { domain: null }] } : {}) },
    orderBy: [{ domain: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    select: { id: true, domain: true },
  });
  if (existing) {
    if (domain && existing.domain === null) await tx.customer.update({ where: { id: existing.id }, data: { domain }, select: { id: true } });
    return existing.id;
  }
  const created = await tx.customer.create({
    data: { name: data.customer.name, normalizedName, domain, country, industry: data.customer.industry || null },
    select: { id: true },
  });
  return created.id;
}

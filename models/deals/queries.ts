// Read-only deal listing, detail and export for the portal and the API, always within what the
// user may see (dealScope). A deal outside that scope reads exactly like one that does not exist.
import { z } from "zod";
import { dealScope } from "../auth/permissions.ts";
import { isPartnerRole, type SessionUser } from "../auth/users.ts";
import type { Prisma, PrismaClient } from "../db/generated/client.ts";
import type { DealStage, DealStatus } from "../db/generated/enums.ts";
import { parseStoredFindings, redactForPartner, type ConflictView } from "./conflicts.ts";
import { type Money, toMoney } from "../money.ts";

export const DEAL_STATUSES = ["SUBMITTED", "APPROVED", "REJECTED", "WON", "LOST", "EXPIRED"] as const satisfies readonly DealStatus[];

export type { Money };

export type DealListItem = {
  id: string;
  title: string;
  partnerOrg: { id: string; name: string };
  customerName: string;
  status: DealStatus;
  value: Money;
  /** `YYYY-MM-DD` (a calendar date, no time zone). */
  expectedCloseDate: string;
  submittedAt: string;
  protectionExpiresAt: string | null;
};

export type DealEventItem = { id: string; at: string; actor: string | null; action: string; note: string | null };

export type WinProbability = { value: number; reasons: string[] };

export type DealDetail = Omit<DealListItem, "customerName"> & {
  stage: DealStage;
  productSkus: string[];
  /** Conflict findings from registration, redacted for partners (another organization's deal stays hidden). */
  conflicts: ConflictView[];
  conflictScore: number | null;
  /** A waiting extension request, if any. */
  extensionRequest: { requestedAt: string; reason: string } | null;
  winProbability: WinProbability | null;
  customer: { name: string; domain: string | null; country: string; industry: string | null };
  products: { sku: string; name: string }[];
  registeredBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  rejectionReason: string | null;
  closedAt: string | null;
  closedValue: Money | null;
  notes: string | null;
  events: DealEventItem[];
};

export type DealListQuery = {
  status?: DealStatus;
  /** Only approved deals whose protection ends within this many days (and has not ended). */
  expiringWithinDays?: number;
  page: number;
  pageSize: number;
  now?: Date;
};

const DAY_MS = 86_400_000;

/** "Expiring soon" in the portal: protection ends within this many days. */
export const EXPIRING_SOON_DAYS = 14;

/** The filter for the list and the export: the user's scope, a status, protection ending soon. */
function listWhere(user: SessionUser, { status, expiringWithinDays, now = new Date() }: Omit<DealListQuery, "page" | "pageSize">): Prisma.DealWhereInput {
  const expiring: Prisma.DealWhereInput =
    expiringWithinDays === undefined
      ? {}
      : { status: "APPROVED", protectionExpiresAt: { gt: now, lte: new Date(now.getTime() + expiringWithinDays * DAY_MS) } };
  return { AND: [dealScope(user), status ? { status } : {}, expiring] };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const calendarDate = (d: Date) => d.toISOString().slice(0, 10);

const listSelect = {
  id: true,
  title: true,
  status: true,
  amount: true,
  currency: true,
  expectedCloseDate: true,
  submittedAt: true,
  protectionExpiresAt: true,
  partnerOrg: { select: { id: true, name: true } },
  customer: { select: { name: true } },
} satisfies Prisma.DealSelect;

/** One page of the deals `user` may see, newest first, with the total for paging. */
export async function listDeals(
  db: PrismaClient,
  user: SessionUser,
  { page, pageSize, ...filter }: DealListQuery,
): Promise<{ items: DealListItem[]; total: number }> {
  const where = listWhere(user, filter);
  const [total, deals] = await Promise.all([
    db.deal.count({ where }),
    db.deal.findMany({
      where,
      select: listSelect,
      orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  return {
    total,
    items: deals.map((deal) => ({
      id: deal.id,
      title: deal.title,
      partnerOrg: deal.partnerOrg,
      customerName: deal.customer.name,
      status: deal.status,
      value: toMoney(deal.amount, deal.currency),
      expectedCloseDate: calendarDate(deal.expectedCloseDate),
      submittedAt: deal.submittedAt.toISOString(),
      protectionExpiresAt: iso(deal.protectionExpiresAt),
    })),
  };
}

/** How many deals `user` may see per status (for the list's filter). */
export async function countDealsByStatus(db: PrismaClient, user: SessionUser): Promise<Record<DealStatus, number>> {
  const rows = await db.deal.groupBy({ by: ["status"], where: dealScope(user), _count: { _all: true } });
  const counts: Record<DealStatus, number> = { SUBMITTED: 0, APPROVED: 0, REJECTED: 0, WON: 0, LOST: 0, EXPIRED: 0 };
  for (const row of rows) counts[row.status] = row._count._all;
  return counts;
}

const dealId = z.guid();

const detailSelect = {
  ...listSelect,
  stage: true,
  notes: true,
  decidedAt: true,
  rejectionReason: true,
  closedAt: true,
  closedAmount: true,
  conflicts: true,
  conflictScore: true,
  extensionRequestedAt: true,
  extensionReason: true,
  winProbability: true,
  winReasons: true,
  customer: { select: { name: true, domain: true, country: true, industry: true } },
  registeredBy: { select: { name: true } },
  decidedBy: { select: { name: true } },
  products: { select: { product: { select: { sku: true, name: true } } }, orderBy: { product: { sku: "asc" } } },
  events: {
    select: { id: true, at: true, action: true, note: true, actor: { select: { name: true } } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.DealSelect;

type DetailRow = Prisma.DealGetPayload<{ select: typeof detailSelect }>;

function toDealDetail(deal: DetailRow, user: SessionUser): DealDetail {
  return {
    id: deal.id,
    title: deal.title,
    partnerOrg: deal.partnerOrg,
    status: deal.status,
    stage: deal.stage,
    value: toMoney(deal.amount, deal.currency),
    expectedCloseDate: calendarDate(deal.expectedCloseDate),
    submittedAt: deal.submittedAt.toISOString(),
    protectionExpiresAt: iso(deal.protectionExpiresAt),
    customer: { ...deal.customer, country: deal.customer.country.trim() },
    products: deal.products.map((p) => p.product),
    productSkus: deal.products.map((p) => p.product.sku),
    conflicts: redactForPartner(parseStoredFindings(deal.conflicts), user),
    conflictScore: deal.conflictScore,
    extensionRequest:
      deal.extensionRequestedAt && deal.extensionReason !== null
        ? { requestedAt: deal.extensionRequestedAt.toISOString(), reason: deal.extensionReason }
        : null,
    // The win probability is the vendor's view of the pipeline: channel managers and admins see it, partners do not.
    winProbability: deal.winProbability === null || isPartnerRole(user.role) ? null : { value: deal.winProbability, reasons: reasonTexts(deal.winReasons) },
    registeredBy: deal.registeredBy?.name ?? null,
    decidedAt: iso(deal.decidedAt),
    decidedBy: deal.decidedBy?.name ?? null,
    rejectionReason: deal.rejectionReason,
    closedAt: iso(deal.closedAt),
    closedValue: deal.closedAmount === null ? null : toMoney(deal.closedAmount, deal.currency),
    notes: deal.notes,
    events: deal.events.map((event) => ({
      id: event.id.toString(),
      at: event.at.toISOString(),
      actor: event.actor?.name ?? null,
      action: event.action,
      note: event.note,
    })),
  };
}

/** The deal with its products and timeline, or null when it does not exist or is not `user`'s to see. */
export async function getDealForUser(db: PrismaClient, user: SessionUser, id: string): Promise<DealDetail | null> {
  if (!dealId.safeParse(id).success) return null;
  const deal = await db.deal.findFirst({ where: { AND: [{ id }, dealScope(user)] }, select: detailSelect });
  return deal ? toDealDetail(deal, user) : null;
}

/** One page of deals in full (for the API's list), with the same filters and order as `listDeals`. */
export async function listDealDetails(db: PrismaClient, user: SessionUser, { page, pageSize, ...filter }: DealListQuery): Promise<{ items: DealDetail[]; total: number }> {
  const where = listWhere(user, filter);
  const [total, deals] = await Promise.all([
    db.deal.count({ where }),
    db.deal.findMany({ where, select: detailSelect, orderBy: [{ submittedAt: "desc" }, { id: "asc" }], skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  return { total, items: deals.map((deal) => toDealDetail(deal, user)) };
}

/** Win-probability reasons as stored by the scoring job: strings, or objects with a `text`. */
function reasonTexts(json: unknown): string[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((r: unknown) => {
    if (typeof r === "string") return [r];
    if (r && typeof r === "object" && "text" in r && typeof r.text === "string") return [r.text];
    return [];
  });
}

/** True when the deal exists and `user` may see it: the tenant check API actions make before anything else. */
export async function canSeeDeal(db: PrismaClient, user: SessionUser, id: string): Promise<boolean> {
  if (!dealId.safeParse(id).success) return false;
  return (await db.deal.count({ where: { AND: [{ id }, dealScope(user)] } })) > 0;
}

/** The active products a deal can be registered for, by name. */
export async function listRegistrableProducts(db: PrismaClient): Promise<{ sku: string; name: string }[]> {
  return db.product.findMany({ where: { active: true }, select: { sku: true, name: true }, orderBy: [{ name: "asc" }, { sku: "asc" }] });
}

export type DealExportRow = DealListItem & {
  customerDomain: string | null;
  customerCountry: string;
  productSkus: string[];
  closedValue: Money | null;
};

const EXPORT_BATCH = 1000;

/** Every deal `user` may see (with the list's filters), newest first, in batches for a streamed export. */
export async function* exportDeals(db: PrismaClient, user: SessionUser, filter: Omit<DealListQuery, "page" | "pageSize"> = {}): AsyncGenerator<DealExportRow[]> {
  const where = listWhere(user, filter);
  let cursor: { submittedAt: Date; id: string } | null = null;
  for (;;) {
    const after: Prisma.DealWhereInput = cursor
      ? { OR: [{ submittedAt: { lt: cursor.submittedAt } }, { submittedAt: cursor.submittedAt, id: { gt: cursor.id } }] }
      : {};
    const deals = await db.deal.findMany({
      where: { AND: [where, after] },
      select: {
        ...listSelect,
        closedAmount: true,
        customer: { select: { name: true, domain: true, country: true } },
        products: { select: { product: { select: { sku: true } } }, orderBy: { product: { sku: "asc" } } },
      },
      orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
      take: EXPORT_BATCH,
    });
    if (deals.length === 0) return;
    yield deals.map((deal) => ({
      id: deal.id,
      title: deal.title,
      partnerOrg: deal.partnerOrg,
      customerName: deal.customer.name,
      customerDomain: deal.customer.domain,
      customerCountry: deal.customer.country.trim(),
      status: deal.status,
      value: toMoney(deal.amount, deal.currency),
      expectedCloseDate: calendarDate(deal.expectedCloseDate),
      submittedAt: deal.submittedAt.toISOString(),
      protectionExpiresAt: iso(deal.protectionExpiresAt),
      productSkus: deal.products.map((p) => p.product.sku),
      closedValue: deal.closedAmount === null ? null : toMoney(deal.closedAmount, deal.currency),
    }));
    if (deals.length < EXPORT_BATCH) return;
    const last = deals[deals.length - 1]!;
    cursor = { submittedAt: last.submittedAt, id: last.id };
  }
}

// Read-only deal listing and detail for the portal, always within what the user may see
// (dealScope). A deal outside that scope reads exactly like one that does not exist.
import { z } from "zod";
import { dealScope } from "../auth/permissions.ts";
import type { SessionUser } from "../auth/users.ts";
import type { Prisma, PrismaClient } from "../db/generated/client.ts";
import type { DealStage, DealStatus } from "../db/generated/enums.ts";

export const DEAL_STATUSES = ["SUBMITTED", "APPROVED", "REJECTED", "WON", "LOST", "EXPIRED"] as const satisfies readonly DealStatus[];

export type Money = { amount: number; currency: string };

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

export type DealDetail = Omit<DealListItem, "customerName"> & {
  stage: DealStage;
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

export type DealListQuery = { status?: DealStatus; page: number; pageSize: number };

function money(amount: bigint, currency: string): Money {
  if (amount > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`Deal amount ${amount} is too large`);
  return { amount: Number(amount), currency: currency.trim() };
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
  { status, page, pageSize }: DealListQuery,
): Promise<{ items: DealListItem[]; total: number }> {
  const where: Prisma.DealWhereInput = { AND: [dealScope(user), status ? { status } : {}] };
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
      value: money(deal.amount, deal.currency),
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

/** The deal with its products and timeline, or null when it does not exist or is not `user`'s to see. */
export async function getDealForUser(db: PrismaClient, user: SessionUser, id: string): Promise<DealDetail | null> {
  if (!dealId.safeParse(id).success) return null;
  const deal = await db.deal.findFirst({
    where: { AND: [{ id }, dealScope(user)] },
    select: {
      ...listSelect,
      stage: true,
      notes: true,
      decidedAt: true,
      rejectionReason: true,
      closedAt: true,
      closedAmount: true,
      customer: { select: { name: true, domain: true, country: true, industry: true } },
      registeredBy: { select: { name: true } },
      decidedBy: { select: { name: true } },
      products: { select: { product: { select: { sku: true, name: true } } }, orderBy: { product: { sku: "asc" } } },
      events: {
        select: { id: true, at: true, action: true, note: true, actor: { select: { name: true } } },
        orderBy: [{ at: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!deal) return null;
  return {
    id: deal.id,
    title: deal.title,
    partnerOrg: deal.partnerOrg,
    status: deal.status,
    stage: deal.stage,
    value: money(deal.amount, deal.currency),
    expectedCloseDate: calendarDate(deal.expectedCloseDate),
    submittedAt: deal.submittedAt.toISOString(),
    protectionExpiresAt: iso(deal.protectionExpiresAt),
    customer: { ...deal.customer, country: deal.customer.country.trim() },
    products: deal.products.map((p) => p.product),
    registeredBy: deal.registeredBy?.name ?? null,
    decidedAt: iso(deal.decidedAt),
    decidedBy: deal.decidedBy?.name ?? null,
    rejectionReason: deal.rejectionReason,
    closedAt: iso(deal.closedAt),
    closedValue: deal.closedAmount === null ? null : money(deal.closedAmount, deal.currency),
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

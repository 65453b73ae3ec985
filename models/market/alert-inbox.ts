// A regional lead's alert inbox: their own alerts with filters and the unread count, one alert in
// full, marking read. Every function takes the user and touches only that user's alerts: another
// lead's alert reads and behaves exactly like one that does not exist.
import { z } from "zod";
import type { Prisma, PrismaClient } from "../db/generated/client.ts";
import type { AlertSeverity, ContentType } from "../db/generated/enums.ts";
import { isUuid } from "../validation.ts";
import type { RecommendedPartner } from "./recommend.ts";
import { safeHttpUrl } from "./text.ts";

export const ALERT_SEVERITIES = ["HIGH", "MEDIUM", "LOW"] as const satisfies readonly AlertSeverity[];
export const ALERT_CONTENT_TYPES = ["TENDER", "COMPETITOR", "INDUSTRY"] as const satisfies readonly ContentType[];

export type AlertFilters = { unreadOnly?: boolean; severity?: AlertSeverity; contentType?: ContentType; region?: string };
export type AlertQuery = AlertFilters & { page?: number; pageSize?: number };

export type AlertForwardView = { partnerOrgId: string; partnerName: string; note: string | null; createdAt: string };

export type AlertView = {
  id: string;
  severity: AlertSeverity;
  relevance: number;
  regionCode: string | null;
  regionName: string | null;
  reasons: string[];
  readAt: string | null;
  createdAt: string;
  item: {
    id: string;
    title: string;
    /** The item's address, only when it is http(s); anything else is not linked. */
    url: string | null;
    summary: string | null;
    contentType: ContentType;
    location: string | null;
    reference: string | null;
    publishedAt: string | null;
    deadline: string | null;
    value: { amount: number; currency: string } | null;
    sourceName: string;
  };
  recommendedPartners: RecommendedPartner[];
  forwards: AlertForwardView[];
};

type InboxDb = Pick<PrismaClient, "alert" | "alertForward" | "partnerOrg">;
type User = { id: string };

export const alertViewSelect = {
  id: true, severity: true, relevance: true, regionCode: true, reasons: true, recommendedPartners: true, readAt: true, createdAt: true,
  region: { select: { name: true } },
  item: {
    select: {
      id: true, title: true, canonicalUrl: true, summary: true, contentType: true, location: true, reference: true, publishedAt: true, deadline: true,
      valueAmount: true, valueCurrency: true, source: { select: { name: true } },
    },
  },
} as const;

type AlertRow = Prisma.AlertGetPayload<{ select: typeof alertViewSelect }>;

const partnerSchema = z.object({ partnerOrgId: z.string(), name: z.string(), score: z.number(), reasons: z.array(z.string()).catch([]) });

/** The stored reasons, leniently: anything that is not text is left out. */
export function parseAlertReasons(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((r): r is string => typeof r === "string") : [];
}

/** The stored recommendations, leniently: entries that are not recommendations are left out. */
export function parseRecommendedPartners(value: unknown): RecommendedPartner[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const parsed = partnerSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

function toView(row: AlertRow, forwards: AlertForwardView[]): AlertView {
  const { item } = row;
  const amount = item.valueAmount === null ? null : Number(item.valueAmount);
  return {
    id: row.id,
    severity: row.severity,
    relevance: row.relevance,
    regionCode: row.regionCode,
    regionName: row.region?.name ?? null,
    reasons: parseAlertReasons(row.reasons),
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    item: {
      id: item.id,
      title: item.title,
      url: safeHttpUrl(item.canonicalUrl, null),
      summary: item.summary,
      contentType: item.contentType,
      location: item.location,
      reference: item.reference,
      publishedAt: item.publishedAt?.toISOString() ?? null,
      deadline: item.deadline?.toISOString() ?? null,
      value: amount !== null && Number.isSafeInteger(amount) && item.valueCurrency ? { amount, currency: item.valueCurrency.trim() } : null,
      sourceName: item.source.name,
    },
    recommendedPartners: parseRecommendedPartners(row.recommendedPartners),
    forwards,
  };
}

/** The forwards of `alertIds` with the partners' names, grouped by alert. */
async function forwardsOf(db: InboxDb, alertIds: readonly string[]): Promise<Map<string, AlertForwardView[]>> {
  const rows = await db.alertForward.findMany({
    where: { alertId: { in: [...alertIds] } },
    select: { alertId: true, partnerOrgId: true, note: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const orgs = await db.partnerOrg.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.partnerOrgId))] } }, select: { id: true, name: true } });
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const grouped = new Map<string, AlertForwardView[]>();
  for (const row of rows) {
    const list = grouped.get(row.alertId) ?? [];
    list.push({ partnerOrgId: row.partnerOrgId, partnerName: names.get(row.partnerOrgId) ?? "", note: row.note, createdAt: row.createdAt.toISOString() });
    grouped.set(row.alertId, list);
  }
  return grouped;
}

function whereFor(user: User, filters: AlertFilters): Prisma.AlertWhereInput {
  return {
    userId: user.id,
    ...(filters.unreadOnly ? { readAt: null } : {}),
    ...(filters.severity ? { severity: filters.severity } : {}),
    ...(filters.region ? { regionCode: filters.region } : {}),
    ...(filters.contentType ? { item: { contentType: filters.contentType } } : {}),
  };
}

/** One page of the user's alerts, newest first, with the filtered total and the unread count. */
export async function listAlerts(
  db: InboxDb,
  user: User,
  { page = 1, pageSize = 20, ...filters }: AlertQuery = {},
): Promise<{ items: AlertView[]; total: number; unreadCount: number }> {
  const where = whereFor(user, filters);
  const [total, unreadCount, rows] = await Promise.all([
    db.alert.count({ where }),
    unreadAlertCount(db, user),
    db.alert.findMany({ where, select: alertViewSelect, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  const forwards = await forwardsOf(db, rows.map((r) => r.id));
  return { items: rows.map((row) => toView(row, forwards.get(row.id) ?? [])), total, unreadCount };
}

/** The user's own alert, or null (malformed id, no such alert, or someone else's). */
export async function getAlert(db: InboxDb, user: User, alertId: string): Promise<AlertView | null> {
  if (!isUuid(alertId)) return null;
  const row = await db.alert.findFirst({ where: { id: alertId, userId: user.id }, select: alertViewSelect });
  if (!row) return null;
  const forwards = await forwardsOf(db, [row.id]);
  return toView(row, forwards.get(row.id) ?? []);
}

/** How many of the user's alerts are unread (the navigation's badge). */
export function unreadAlertCount(db: Pick<PrismaClient, "alert">, user: User): Promise<number> {
  return db.alert.count({ where: { userId: user.id, readAt: null } });
}

/** Whether `alertId` is one of the user's alerts (a malformed id is not): the cheap check before acting on it. */
export async function isOwnAlert(db: Pick<PrismaClient, "alert">, user: User, alertId: string): Promise<boolean> {
  if (!isUuid(alertId)) return false;
  return (await db.alert.findFirst({ where: { id: alertId, userId: user.id }, select: { id: true } })) !== null;
}

/** Marks one of the user's alerts read (already read stays as it was): when it was read, or null when it is not theirs. */
export async function markAlertReadAt(db: Pick<PrismaClient, "alert">, user: User, alertId: string, now = new Date()): Promise<Date | null> {
  if (!isUuid(alertId)) return null;
  await db.alert.updateMany({ where: { id: alertId, userId: user.id, readAt: null }, data: { readAt: now } });
  const row = await db.alert.findFirst({ where: { id: alertId, userId: user.id }, select: { readAt: true } });
  return row?.readAt ?? null;
}

/** Marks one of the user's alerts read (already read stays as it was); false when it is not theirs. */
export async function markAlertRead(db: Pick<PrismaClient, "alert">, user: User, alertId: string, now = new Date()): Promise<boolean> {
  return (await markAlertReadAt(db, user, alertId, now)) !== null;
}

/** Marks the user's unread alerts read (those matching `filters` only, when given); returns how many changed. */
export async function markAllRead(db: Pick<PrismaClient, "alert">, user: User, filters: AlertFilters = {}, now = new Date()): Promise<number> {
  const { count } = await db.alert.updateMany({ where: { ...whereFor(user, filters), readAt: null }, data: { readAt: now } });
  return count;
}

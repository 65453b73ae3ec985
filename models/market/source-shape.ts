// A stored market source as the API and pages show it: the API's lower-case config shape
// (../shared/API.md) plus its run status, and the config back as columns for a save.
import { Prisma } from "../db/generated/client.ts";
import type { ContentType, SourceKind as SourceKindColumn } from "../db/generated/enums.ts";
import { nextDueAt } from "./schedule.ts";
import type { SourceConfig, SourceContentType, SourceKind, SourceSelectors } from "./types.ts";

export const sourceRowSelect = {
  id: true,
  name: true,
  url: true,
  kind: true,
  contentType: true,
  regionCodes: true,
  competitors: true,
  keywords: true,
  schedule: true,
  enabled: true,
  selectors: true,
  lastRunAt: true,
  lastSuccessAt: true,
  lastStatus: true,
  lastError: true,
  consecutiveFailures: true,
  etag: true,
  lastModified: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.MarketSourceSelect;

export type SourceRow = Prisma.MarketSourceGetPayload<{ select: typeof sourceRowSelect }>;

export type SourceStatus = {
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  /** "ok", "not-modified", or the failure's code ("timeout", "http_status"…); null before the first run. */
  lastStatus: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  /** When the scrape job takes it next (after any back-off); null when disabled. */
  nextRunAt: string | null;
};

export type SourceView = SourceConfig & { id: string; status: SourceStatus; createdAt: string; updatedAt: string; canEdit: boolean };

export const kindOf = (column: SourceKindColumn): SourceKind => column.toLowerCase() as SourceKind;
export const contentTypeOf = (column: ContentType): SourceContentType => column.toLowerCase() as SourceContentType;
export const kindColumn = (kind: SourceKind): SourceKindColumn => kind.toUpperCase() as SourceKindColumn;
export const contentTypeColumn = (contentType: SourceContentType): ContentType => contentType.toUpperCase() as ContentType;

function selectorsOf(value: Prisma.JsonValue | null): SourceSelectors | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as SourceSelectors) : undefined;
}

/** The source's configuration in the API's shape (what a form edits and a test fetch reads). */
export function configOf(row: SourceRow): SourceConfig {
  const selectors = selectorsOf(row.selectors);
  return {
    name: row.name,
    url: row.url,
    kind: kindOf(row.kind),
    contentType: contentTypeOf(row.contentType),
    regionCodes: row.regionCodes,
    competitors: row.competitors,
    keywords: row.keywords,
    schedule: row.schedule,
    enabled: row.enabled,
    ...(selectors ? { selectors } : {}),
  };
}

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

export function viewOf(row: SourceRow, canEdit: boolean, now = new Date()): SourceView {
  return {
    id: row.id,
    ...configOf(row),
    status: {
      lastRunAt: iso(row.lastRunAt),
      lastSuccessAt: iso(row.lastSuccessAt),
      lastStatus: row.lastStatus,
      lastError: row.lastError,
      consecutiveFailures: row.consecutiveFailures,
      nextRunAt: row.enabled ? iso(nextDueAt(row, now)) : null,
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    canEdit,
  };
}

/** A validated config as the columns it is stored in. */
export function columnsOf(config: SourceConfig) {
  return {
    name: config.name,
    url: config.url,
    kind: kindColumn(config.kind),
    contentType: contentTypeColumn(config.contentType),
    regionCodes: config.regionCodes,
    competitors: config.competitors,
    keywords: config.keywords,
    schedule: config.schedule,
    enabled: config.enabled,
    selectors: config.selectors ? (config.selectors as Prisma.InputJsonValue) : Prisma.DbNull,
  };
}

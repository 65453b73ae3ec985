// Market sources as admins and regional leads configure them: list, read, create, update,
// switch on or off and delete, each validated (the API's source shape, a five-field cron,
// known regions — a lead's own only) and audited. Who may do what: source-access.ts.
import { recordAudit } from "../audit/log.ts";
import type { SessionUser } from "../auth/users.ts";
import type { Prisma, PrismaClient } from "../db/generated/client.ts";
import { fieldErrors, isUuid } from "../validation.ts";
import { canEditSource, canManageSources, canReadSources, canSeeSource, sourceScope } from "./source-access.ts";
import { sourceConfigSchema } from "./source-config.ts";
import { SourceForbiddenError, SourceNotFoundError, SourceValidationError } from "./source-errors.ts";
import { columnsOf, configOf, sourceRowSelect, viewOf, type SourceRow, type SourceView } from "./source-shape.ts";
import type { SourceConfig } from "./types.ts";

type Db = PrismaClient | Prisma.TransactionClient;
export type SourceOperationOptions = { ipAddress?: string | null };

function requireReader(actor: SessionUser): void {
  if (!canReadSources(actor)) throw new SourceForbiddenError("Your role may not see market sources");
}

function requireManager(actor: SessionUser): void {
  if (!canManageSources(actor)) throw new SourceForbiddenError("Only admins and regional leads configure market sources");
}

const asObject = (input: unknown): Record<string, unknown> => (typeof input === "object" && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {});

/**
 * Validates a whole source config for `actor`: the API's shape, a schedule we can run, region
 * codes that exist and, for a regional lead, only their own. Throws SourceValidationError with
 * every field that is wrong, so a form shows them all at once.
 */
export async function parseSourceConfig(db: Db, actor: SessionUser, input: unknown): Promise<SourceConfig> {
  const raw = asObject(input);
  const parsed = sourceConfigSchema.safeParse(raw);
  const fields = parsed.success ? {} : fieldErrors(parsed.error);
  const regionCodes = parsed.success ? parsed.data.regionCodes : Array.isArray(raw.regionCodes) ? raw.regionCodes.filter((c): c is string => typeof c === "string") : [];
  if (!fields.regionCodes) {
    const known = new Set((await db.region.findMany({ select: { code: true } })).map((r) => r.code));
    const unknown = regionCodes.filter((code) => !known.has(code));
    if (unknown.length > 0) fields.regionCodes = `unknown region code(s): ${unknown.join(", ")}`;
    else if (actor.role === "REGIONAL_LEAD" && !canEditSource(actor, { regionCodes })) {
      fields.regionCodes = `choose one or more of your own regions: ${actor.regionCodes.join(", ")}`;
    }
  }
  if (!parsed.success || Object.keys(fields).length > 0) throw new SourceValidationError(fields);
  return parsed.data;
}

async function findRow(db: Db, id: string): Promise<SourceRow> {
  if (!isUuid(id)) throw new SourceNotFoundError();
  const row = await db.marketSource.findUnique({ where: { id }, select: sourceRowSelect });
  if (row === null) throw new SourceNotFoundError();
  return row;
}

/** The row of a source `actor` may change; 404 when they may not even see it, 403 when they only see it. */
export async function findEditableSource(db: Db, actor: SessionUser, id: string): Promise<SourceRow> {
  requireReader(actor);
  const row = await findRow(db, id);
  if (!canSeeSource(actor, row)) throw new SourceNotFoundError();
  if (!canEditSource(actor, row)) throw new SourceForbiddenError("You may change only the sources of your own regions");
  return row;
}

export async function listSources(db: Db, actor: SessionUser, paging: { skip?: number; take?: number } = {}): Promise<{ items: (SourceView & { itemCount: number })[]; total: number }> {
  requireReader(actor);
  const where = sourceScope(actor);
  const now = new Date();
  const [rows, total] = await Promise.all([
    db.marketSource.findMany({ where, select: { ...sourceRowSelect, _count: { select: { items: true } } }, orderBy: [{ name: "asc" }, { id: "asc" }], skip: paging.skip, take: paging.take }),
    db.marketSource.count({ where }),
  ]);
  return { items: rows.map(({ _count, ...row }) => ({ ...viewOf(row, canEditSource(actor, row), now), itemCount: _count.items })), total };
}

/** One source as `actor` sees it; null when it does not exist, the id is malformed or it is not theirs to see. */
export async function getSource(db: Db, actor: SessionUser, id: string): Promise<SourceView | null> {
  requireReader(actor);
  if (!isUuid(id)) return null;
  const row = await db.marketSource.findUnique({ where: { id }, select: sourceRowSelect });
  return row !== null && canSeeSource(actor, row) ? viewOf(row, canEditSource(actor, row)) : null;
}

function audit(db: Db, actor: SessionUser, options: SourceOperationOptions, action: string, id: string, data: Prisma.InputJsonValue) {
  return recordAudit(db, { actorUserId: actor.id, action: `market_source.${action}`, entityType: "MarketSource", entityId: id, ipAddress: options.ipAddress ?? null, data });
}

export async function createSource(db: PrismaClient, actor: SessionUser, input: unknown, options: SourceOperationOptions = {}): Promise<string> {
  requireManager(actor);
  const config = await parseSourceConfig(db, actor, input);
  return db.$transaction(async (tx) => {
    const { id } = await tx.marketSource.create({ data: { ...columnsOf(config), createdById: actor.id }, select: { id: true } });
    await audit(tx, actor, options, "create", id, { name: config.name, url: config.url, kind: config.kind, regionCodes: config.regionCodes });
    return id;
  });
}

/** The fields whose change makes the last fetch's state (conditional-GET validators, failures) meaningless. */
const FETCH_FIELDS = ["url", "kind", "selectors"] as const;

/** Changes a source: `patch` is merged over what is stored and the result validated whole. */
export async function updateSource(db: PrismaClient, actor: SessionUser, id: string, patch: unknown, options: SourceOperationOptions = {}): Promise<void> {
  const changes = asObject(patch);
  await db.$transaction(async (tx) => {
    const row = await findEditableSource(tx, actor, id);
    const before = configOf(row);
    const config = await parseSourceConfig(tx, actor, { ...before, ...changes });
    const refetch = FETCH_FIELDS.some((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(config[field] ?? null));
    await tx.marketSource.update({
      where: { id },
      data: { ...columnsOf(config), ...(refetch ? { etag: null, lastModified: null, consecutiveFailures: 0 } : {}) },
      select: { id: true },
    });
    await audit(tx, actor, options, "update", id, { fields: Object.keys(changes).sort() });
  });
}

export async function setSourceEnabled(db: PrismaClient, actor: SessionUser, id: string, enabled: boolean, options: SourceOperationOptions = {}): Promise<void> {
  await updateSource(db, actor, id, { enabled }, options);
}

/** Deletes a source, with the items it found first and their alerts (switch it off to keep them). */
export async function deleteSource(db: PrismaClient, actor: SessionUser, id: string, options: SourceOperationOptions = {}): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await findEditableSource(tx, actor, id);
    await tx.marketSource.delete({ where: { id }, select: { id: true } });
    await audit(tx, actor, options, "delete", id, { name: row.name, url: row.url });
  });
}

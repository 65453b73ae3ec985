// The programme lifecycle a channel manager drives: draft → active → archived. Only drafts are
// edited; editing an active or archived version makes the next version as a draft; activating
// a version archives the one it replaces and ends that one's window the day before, so two
// versions never pay for the same event, while entries keep the version they came from.
// Every change is audited; activation and archive queue an incentive recompute in the same
// transaction. See program-queries.ts for reading versions.
import { recordAudit } from "../audit/log.ts";
import { can } from "../auth/permissions.ts";
import type { SessionUser } from "../auth/users.ts";
import { Prisma, type PrismaClient } from "../db/generated/client.ts";
import { toSafeNumber } from "../money.ts";
import { isUuid } from "../validation.ts";
import { programInputSelect, type StoredProgram } from "./load.ts";
import { ProgramForbiddenError, ProgramNotFoundError, ProgramStateError, ProgramValidationError } from "./program-errors.ts";
import { parseProgramDraft, type ProgramDraft } from "./program-input.ts";
import { ymd } from "./program-queries.ts";
import { requestIncentiveRecompute } from "./recompute.ts";

type Tx = Prisma.TransactionClient;

export type ProgramOperationOptions = {
  /** The client address for the audit log. */
  ipAddress?: string | null;
  /** The UTC day the change happens on (YYYY-MM-DD; default today), for windows and archive dates. */
  today?: string;
};

/** Serializes lifecycle changes, so two activations of one key cannot both see "no active version". */
const LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtext('channelwise:incentive-programs'))";
const DAY_MS = 86_400_000;

const asDate = (day: string) => new Date(`${day}T00:00:00.000Z`);
const addDays = (day: string, days: number) => ymd(new Date(asDate(day).getTime() + days * DAY_MS));
const todayOf = (options: ProgramOperationOptions) => options.today ?? ymd(new Date());

/** A stored version: the columns the engine reads (load.ts), here to check and copy it. */
type StoredVersion = StoredProgram;

function requireManager(actor: SessionUser): void {
  if (!can(actor, "incentives:manage")) throw new ProgramForbiddenError();
}

function columnsOf(draft: ProgramDraft) {
  return {
    name: draft.name,
    kind: draft.kind,
    rules: draft.rules as Prisma.InputJsonValue,
    currency: draft.currency,
    budgetCap: draft.budgetCap === null ? null : BigInt(draft.budgetCap),
    effectiveFrom: asDate(draft.effectiveFrom),
    effectiveTo: draft.effectiveTo === null ? null : asDate(draft.effectiveTo),
  };
}

/** The stored version as the input it was made from (for an update's merge and a copy). */
function inputOf(row: StoredVersion): Record<string, unknown> {
  const currency = row.currency.trim();
  return {
    key: row.key,
    name: row.name,
    kind: row.kind,
    rules: row.rules,
    currency,
    effectiveFrom: ymd(row.effectiveFrom),
    effectiveTo: row.effectiveTo === null ? null : ymd(row.effectiveTo),
    budget: row.budgetCap === null ? null : { amount: toSafeNumber(row.budgetCap), currency },
  };
}

/** Runs `work` in a transaction holding the lifecycle lock. */
async function underLock<T>(db: PrismaClient, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(LOCK_SQL);
    return work(tx);
  });
}

async function findVersion(tx: Tx, id: string): Promise<StoredVersion> {
  if (!isUuid(id)) throw new ProgramNotFoundError();
  const row = await tx.incentiveProgram.findUnique({ where: { id }, select: programInputSelect });
  if (row === null) throw new ProgramNotFoundError();
  return row;
}

function audit(tx: Tx, actor: SessionUser, options: ProgramOperationOptions, action: string, program: { id: string; key: string; version: number }, data: Record<string, Prisma.InputJsonValue | null> = {}) {
  return recordAudit(tx, {
    actorUserId: actor.id,
    action: `incentive_program.${action}`,
    entityType: "IncentiveProgram",
    entityId: program.id,
    ipAddress: options.ipAddress ?? null,
    data: { key: program.key, version: program.version, ...data },
  });
}

/** A new programme: version 1 of a key nobody uses yet, as a DRAFT. Returns its id. */
export async function createProgram(db: PrismaClient, actor: SessionUser, input: unknown, options: ProgramOperationOptions = {}): Promise<string> {
  requireManager(actor);
  const draft = parseProgramDraft(input);
  return underLock(db, async (tx) => {
    if ((await tx.incentiveProgram.count({ where: { key: draft.key } })) > 0) {
      throw new ProgramValidationError({ key: "another program already uses this key; open it and create a new version instead" });
    }
    const { id } = await tx.incentiveProgram.create({ data: { key: draft.key, version: 1, status: "DRAFT", createdById: actor.id, ...columnsOf(draft) }, select: { id: true } });
    await audit(tx, actor, options, "create", { id, key: draft.key, version: 1 }, { kind: draft.kind });
    return id;
  });
}

/** Changes a DRAFT in place: `patch` is merged over what is stored, then validated whole. Its key stays. */
export async function updateDraftProgram(db: PrismaClient, actor: SessionUser, id: string, patch: unknown, options: ProgramOperationOptions = {}): Promise<void> {
  requireManager(actor);
  const changes = typeof patch === "object" && patch !== null && !Array.isArray(patch) ? (patch as Record<string, unknown>) : {};
  await underLock(db, async (tx) => {
    const row = await findVersion(tx, id);
    if (row.status !== "DRAFT") throw new ProgramStateError(`Version ${row.version} is ${row.status.toLowerCase()}: only a draft can be edited; create a new version instead`);
    if ("key" in changes && changes.key !== row.key) throw new ProgramValidationError({ key: "the key of a program cannot change" });
    const draft = parseProgramDraft({ ...inputOf(row), ...changes });
    await tx.incentiveProgram.update({ where: { id }, data: columnsOf(draft), select: { id: true } });
    await audit(tx, actor, options, "update", row, { fields: Object.keys(changes).sort() });
  });
}

/**
 * "Edit" of an ACTIVE or ARCHIVED version: the next version of its key as a DRAFT, a copy
 * starting today (or the day after the source starts, whichever is later). Returns its id.
 */
export async function createNextVersion(db: PrismaClient, actor: SessionUser, id: string, options: ProgramOperationOptions = {}): Promise<string> {
  requireManager(actor);
  return underLock(db, async (tx) => {
    const source = await findVersion(tx, id);
    if (source.status === "DRAFT") throw new ProgramStateError(`Version ${source.version} is still a draft: edit it instead`);
    const draftOfKey = await tx.incentiveProgram.findFirst({ where: { key: source.key, status: "DRAFT" }, select: { version: true } });
    if (draftOfKey !== null) throw new ProgramStateError(`Version ${draftOfKey.version} of this program is already a draft: edit that one`);
    const latest = await tx.incentiveProgram.aggregate({ where: { key: source.key }, _max: { version: true } });
    const version = (latest._max.version ?? 0) + 1;
    const sourceFrom = ymd(source.effectiveFrom);
    const effectiveFrom = [todayOf(options), addDays(sourceFrom, 1)].sort()[1];
    const sourceTo = source.effectiveTo === null ? null : ymd(source.effectiveTo);
    const draft = parseProgramDraft({ ...inputOf(source), effectiveFrom, effectiveTo: sourceTo !== null && sourceTo >= effectiveFrom ? sourceTo : null });
    const created = await tx.incentiveProgram.create({ data: { key: source.key, version, status: "DRAFT", createdById: actor.id, ...columnsOf(draft) }, select: { id: true } });
    await audit(tx, actor, options, "new_version", { id: created.id, key: source.key, version }, { from: source.id, fromVersion: source.version });
    return created.id;
  });
}

/**
 * Activates a DRAFT. Every earlier paying version of its key (the ACTIVE one, and archived ones
 * still open on that day) ends the day before this one starts; the ACTIVE one is archived.
 * Refused (409) when such a version does not start before this one.
 */
export async function activateProgram(db: PrismaClient, actor: SessionUser, id: string, options: ProgramOperationOptions = {}): Promise<void> {
  requireManager(actor);
  await underLock(db, async (tx) => {
    const row = await findVersion(tx, id);
    if (row.status !== "DRAFT") throw new ProgramStateError(`Version ${row.version} is ${row.status.toLowerCase()}: only a draft can be activated`);
    parseProgramDraft(inputOf(row));
    const from = ymd(row.effectiveFrom);
    const overlapping = await tx.incentiveProgram.findMany({
      where: { key: row.key, status: { in: ["ACTIVE", "ARCHIVED"] }, OR: [{ effectiveTo: null }, { effectiveTo: { gte: row.effectiveFrom } }] },
      select: { id: true, version: true, status: true, effectiveFrom: true, effectiveTo: true },
      orderBy: { version: "asc" },
    });
    const ended: Record<string, string> = {};
    for (const earlier of overlapping) {
      if (row.effectiveTo !== null && earlier.effectiveFrom > row.effectiveTo && earlier.status !== "ACTIVE") continue;
      if (ymd(earlier.effectiveFrom) >= from) {
        throw new ProgramStateError(`Version ${row.version} must start after version ${earlier.version} starts (${ymd(earlier.effectiveFrom)}), so the two never pay for the same event`);
      }
      const effectiveTo = addDays(from, -1);
      await tx.incentiveProgram.update({
        where: { id: earlier.id },
        data: { effectiveTo: asDate(effectiveTo), ...(earlier.status === "ACTIVE" ? { status: "ARCHIVED", archivedAt: new Date() } : {}) },
        select: { id: true },
      });
      ended[`v${earlier.version}`] = effectiveTo;
    }
    const active = await tx.incentiveProgram.findFirst({ where: { key: row.key, status: "ACTIVE" }, select: { id: true, version: true } });
    if (active !== null) {
      // An ACTIVE version that ends before this one starts: archived as it is, its window kept.
      await tx.incentiveProgram.update({ where: { id: active.id }, data: { status: "ARCHIVED", archivedAt: new Date() }, select: { id: true } });
    }
    await tx.incentiveProgram.update({ where: { id }, data: { status: "ACTIVE", activatedAt: new Date() }, select: { id: true } });
    await audit(tx, actor, options, "activate", row, { effectiveFrom: from, ended });
    await requestIncentiveRecompute(tx);
  }).catch(refuseSecondActive);
}

/** Archives an ACTIVE version: it stops paying after today and keeps what it earned. */
export async function archiveProgram(db: PrismaClient, actor: SessionUser, id: string, options: ProgramOperationOptions = {}): Promise<void> {
  requireManager(actor);
  const today = todayOf(options);
  await underLock(db, async (tx) => {
    const row = await findVersion(tx, id);
    if (row.status !== "ACTIVE") throw new ProgramStateError(`Version ${row.version} is ${row.status.toLowerCase()}: only the active version can be archived`);
    const from = ymd(row.effectiveFrom);
    if (from > today) throw new ProgramStateError(`Version ${row.version} starts on ${from} and has not paid anything yet; activate a new version to replace it`);
    const current = row.effectiveTo === null ? null : ymd(row.effectiveTo);
    const effectiveTo = current !== null && current < today ? current : today;
    await tx.incentiveProgram.update({ where: { id }, data: { status: "ARCHIVED", archivedAt: new Date(), effectiveTo: asDate(effectiveTo) }, select: { id: true } });
    await audit(tx, actor, options, "archive", row, { effectiveTo });
    await requestIncentiveRecompute(tx);
  });
}

/** Deletes a DRAFT (it never paid anything). */
export async function deleteDraftProgram(db: PrismaClient, actor: SessionUser, id: string, options: ProgramOperationOptions = {}): Promise<void> {
  requireManager(actor);
  await underLock(db, async (tx) => {
    const row = await findVersion(tx, id);
    if (row.status !== "DRAFT") throw new ProgramStateError(`Version ${row.version} is ${row.status.toLowerCase()}: only a draft can be deleted`);
    await tx.incentiveProgram.delete({ where: { id }, select: { id: true } });
    await audit(tx, actor, options, "delete", row);
  });
}

/** The partial unique index speaks when a writer skipped the lock: the same 409 as the code's own check. */
function refuseSecondActive(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new ProgramStateError("Another version of this program is already active");
  }
  throw error;
}

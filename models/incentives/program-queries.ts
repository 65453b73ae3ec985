// Reading programme versions: the list (filtered, paged, or grouped by key for the editor) and
// one version, each with who created it and what it has earned. Managers see every version;
// partners see only ACTIVE ones, without the budget (what they can earn, not what it costs).
import { can } from "../auth/permissions.ts";
import type { SessionUser } from "../auth/users.ts";
import type { Prisma, PrismaClient } from "../db/generated/client.ts";
import { toMoney, type Money } from "../money.ts";
import { isUuid } from "../validation.ts";
import type { ProgramKind, ProgramStatus } from "./program-kinds.ts";
import { programRulesSchema } from "./rules.ts";

type Reader = Pick<PrismaClient, "incentiveProgram" | "incentiveLedgerEntry">;

/** One programme version as pages and the API show it (dates as YYYY-MM-DD, times ISO). */
export type ProgramVersion = {
  id: string;
  key: string;
  version: number;
  name: string;
  kind: ProgramKind;
  status: ProgramStatus;
  /** The validated rules of the kind (amounts in cents of `currency`, rates in basis points). */
  rules: Record<string, unknown>;
  currency: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  /** Manager view only: the programme's total budget, its author and what it has accrued. */
  budget?: Money | null;
  createdBy?: { id: string; name: string } | null;
  createdAt?: string;
  activatedAt?: string | null;
  archivedAt?: string | null;
  earned?: { entries: number; total: Money };
};

/** Every version of one key, newest first, and the version that pays now (if any). */
export type ProgramFamily = { key: string; name: string; kind: ProgramKind; active: ProgramVersion | null; versions: ProgramVersion[] };

export type ProgramFilter = { status?: ProgramStatus; kind?: ProgramKind; skip?: number; take?: number };

const programSelect = {
  id: true, key: true, version: true, name: true, kind: true, status: true, rules: true, currency: true, budgetCap: true,
  effectiveFrom: true, effectiveTo: true, createdAt: true, activatedAt: true, archivedAt: true,
  createdBy: { select: { id: true, name: true } },
} satisfies Prisma.IncentiveProgramSelect;

type ProgramRow = Prisma.IncentiveProgramGetPayload<{ select: typeof programSelect }>;

export const ymd = (date: Date): string => date.toISOString().slice(0, 10);

/** The visible versions' filter: partners never see drafts or archived versions. */
function scopeOf(viewer: SessionUser, filter: ProgramFilter): Prisma.IncentiveProgramWhereInput {
  const manager = can(viewer, "incentives:manage");
  if (!manager && filter.status !== undefined && filter.status !== "ACTIVE") return { id: { in: [] } };
  return { ...(manager ? {} : { status: "ACTIVE" }), ...(filter.status ? { status: filter.status } : {}), ...(filter.kind ? { kind: filter.kind } : {}) };
}

/** Versions the viewer may see, by key then newest version first, with the total before paging. */
export async function listProgramVersions(db: Reader, viewer: SessionUser, filter: ProgramFilter = {}): Promise<{ items: ProgramVersion[]; total: number }> {
  const where = scopeOf(viewer, filter);
  const total = await db.incentiveProgram.count({ where });
  const rows = await db.incentiveProgram.findMany({ where, select: programSelect, orderBy: [{ key: "asc" }, { version: "desc" }], skip: filter.skip, take: filter.take });
  return { items: await toVersions(db, viewer, rows), total };
}

/** Every programme key with all its versions (the manager's list page). */
export async function listProgramFamilies(db: Reader, viewer: SessionUser): Promise<ProgramFamily[]> {
  const { items } = await listProgramVersions(db, viewer);
  const families = new Map<string, ProgramVersion[]>();
  for (const version of items) families.set(version.key, [...(families.get(version.key) ?? []), version]);
  return [...families.entries()].map(([key, versions]) => {
    const active = versions.find((v) => v.status === "ACTIVE") ?? null;
    const shown = active ?? versions[0];
    return { key, name: shown.name, kind: shown.kind, active, versions };
  });
}

/** One version the viewer may see, or null (also for a malformed id or a partner and a draft). */
export async function getProgramVersion(db: Reader, viewer: SessionUser, id: string): Promise<ProgramVersion | null> {
  if (!isUuid(id)) return null;
  const row = await db.incentiveProgram.findFirst({ where: { id, ...scopeOf(viewer, {}) }, select: programSelect });
  return row === null ? null : (await toVersions(db, viewer, [row]))[0];
}

/** Every version of a key, newest first (the program page's history). */
export async function programHistory(db: Reader, viewer: SessionUser, key: string): Promise<ProgramVersion[]> {
  const rows = await db.incentiveProgram.findMany({ where: { key, ...scopeOf(viewer, {}) }, select: programSelect, orderBy: { version: "desc" } });
  return toVersions(db, viewer, rows);
}

async function toVersions(db: Reader, viewer: SessionUser, rows: ProgramRow[]): Promise<ProgramVersion[]> {
  const manager = can(viewer, "incentives:manage");
  const earned = manager ? await earnedBy(db, rows.map((r) => r.id)) : new Map<string, { entries: number; total: bigint }>();
  return rows.map((row) => {
    const currency = row.currency.trim();
    const base: ProgramVersion = {
      id: row.id,
      key: row.key,
      version: row.version,
      name: row.name,
      kind: row.kind,
      status: row.status,
      rules: rulesFor(row, manager),
      currency,
      effectiveFrom: ymd(row.effectiveFrom),
      effectiveTo: row.effectiveTo === null ? null : ymd(row.effectiveTo),
    };
    if (!manager) return base;
    const sums = earned.get(row.id);
    return {
      ...base,
      budget: row.budgetCap === null ? null : toMoney(row.budgetCap, currency),
      createdBy: row.createdBy,
      createdAt: row.createdAt.toISOString(),
      activatedAt: row.activatedAt?.toISOString() ?? null,
      archivedAt: row.archivedAt?.toISOString() ?? null,
      earned: { entries: sums?.entries ?? 0, total: toMoney(sums?.total ?? 0n, currency) },
    };
  });
}

/** The rules with their defaults filled in; a partner does not see a SPIFF's budget cap. */
function rulesFor(row: ProgramRow, manager: boolean): Record<string, unknown> {
  const parsed = programRulesSchema.safeParse({ kind: row.kind, rules: row.rules });
  const rules: Record<string, unknown> = parsed.success ? { ...parsed.data.rules } : { ...(row.rules as Record<string, unknown>) };
  if (!manager) delete rules.budgetCap;
  return rules;
}

async function earnedBy(db: Reader, programIds: string[]): Promise<Map<string, { entries: number; total: bigint }>> {
  if (programIds.length === 0) return new Map();
  const sums = await db.incentiveLedgerEntry.groupBy({ by: ["programId"], where: { programId: { in: programIds } }, _count: { _all: true }, _sum: { amount: true } });
  return new Map(sums.flatMap((s) => (s.programId === null ? [] : [[s.programId, { entries: s._count._all, total: s._sum.amount ?? 0n }]])));
}

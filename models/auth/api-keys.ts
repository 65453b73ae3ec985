// API keys for integrations (API.md: `Authorization: Bearer <api key>`): a key acts as the user
// it was issued to, with exactly that user's permissions and tenant. The key is shown once; we
// keep its SHA-256 (a random 256-bit secret needs no slow hash) and a short prefix to recognise
// it in lists. Revoked, expired or disabled-user keys authenticate nobody.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "../audit/log.ts";
import type { PrismaClient } from "../db/generated/client.ts";
import { fieldErrors } from "../validation.ts";
import { sessionUserSelect, toSessionUser, type SessionUser } from "./users.ts";

const KEY_PATTERN = /^cw_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;
/** Recording every use would write on every request; once a minute is enough to show "last used". */
const TOUCH_AFTER_MS = 60_000;

export type ApiKeyView = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; expiresAt: string | null; revokedAt: string | null };

export class ApiKeyInputError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super(`Invalid API key: ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("; ")}`);
    this.name = "ApiKeyInputError";
  }
}

const hashOf = (key: string) => createHash("sha256").update(key).digest("hex");

const createInput = z.object({
  name: z.string({ error: "is required" }).trim().min(3, "is required (at least 3 characters)").max(100, "must be at most 100 characters"),
  expiresInDays: z.int("must be a whole number of days").min(1, "must be at least 1 day").max(730, "must be at most 730 days").nullable().default(365),
});

const viewSelect = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true } as const;

function toView(row: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null; revokedAt: Date | null }): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Issues a key that acts as `user`; the returned `key` is the only time anyone sees it. */
export async function createApiKey(db: PrismaClient, user: SessionUser, input: unknown, options: { ipAddress?: string | null; now?: Date } = {}): Promise<{ key: string; apiKey: ApiKeyView }> {
  const parsed = createInput.safeParse(input);
  if (!parsed.success) throw new ApiKeyInputError(fieldErrors(parsed.error, "input"));
  const now = options.now ?? new Date();
  const prefix = randomBytes(4).toString("hex");
  const key = `cw_${prefix}_${randomBytes(32).toString("base64url")}`;
  const expiresAt = parsed.data.expiresInDays === null ? null : new Date(now.getTime() + parsed.data.expiresInDays * 86_400_000);
  return db.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: { name: parsed.data.name, prefix, keyHash: hashOf(key), userId: user.id, createdById: user.id, createdAt: now, expiresAt },
      select: viewSelect,
    });
    await recordAudit(tx, { actorUserId: user.id, action: "api_key.create", entityType: "ApiKey", entityId: row.id, partnerOrgId: user.partnerOrgId, ipAddress: options.ipAddress ?? null, data: { name: row.name, prefix } });
    return { key, apiKey: toView(row) };
  });
}

/** The user's own keys, newest first. */
export async function listApiKeys(db: PrismaClient, user: SessionUser): Promise<ApiKeyView[]> {
  const rows = await db.apiKey.findMany({ where: { userId: user.id }, select: viewSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return rows.map(toView);
}

/** Revokes one of the user's own keys; false when there is no such key of theirs (or it was revoked already). */
export async function revokeApiKey(db: PrismaClient, user: SessionUser, id: string, options: { ipAddress?: string | null } = {}): Promise<boolean> {
  if (!z.guid().safeParse(id).success) return false;
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({ where: { id, userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 1) await recordAudit(tx, { actorUserId: user.id, action: "api_key.revoke", entityType: "ApiKey", entityId: id, partnerOrgId: user.partnerOrgId, ipAddress: options.ipAddress ?? null });
    return count === 1;
  });
}

/** The user a bearer key acts as, or null when it is malformed, unknown, revoked, expired, or its user is disabled. */
export async function userOfApiKey(db: PrismaClient, key: string, now = new Date()): Promise<{ user: SessionUser; apiKeyId: string } | null> {
  if (!KEY_PATTERN.test(key)) return null;
  const row = await db.apiKey.findUnique({ where: { keyHash: hashOf(key) }, select: { id: true, revokedAt: true, expiresAt: true, lastUsedAt: true, user: { select: sessionUserSelect } } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || row.user.disabledAt) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now }, select: { id: true } });
  }
  return { user: toSessionUser(row.user), apiKeyId: row.id };
}

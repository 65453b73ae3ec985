// Signing in with e-mail and password, rate-limited per client address and temporarily locked
// per (e-mail, address) after repeated failures. The lock is tied to the address the failures
// came from and lapses on its own, so an attacker can slow their own guessing but cannot lock
// the real user out.
import type { PrismaClient } from "../db/generated/client.ts";
import { recordAudit } from "../audit/log.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { normalizeEmail, type SessionUser, sessionUserSelect, toSessionUser } from "./users.ts";

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 50;

export type LoginResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "locked" | "rate_limited"; retryAfterSeconds: number };

let dummyHash: Promise<string> | undefined;

type Counts = { account_failures: number; account_oldest: Date | null; address_failures: number; address_oldest: Date | null };

async function recentFailures(db: PrismaClient, email: string, ip: string): Promise<Counts> {
  const [row] = await db.$queryRaw<Counts[]>`
    WITH recent AS (
      SELECT email, succeeded, at FROM login_attempt
      WHERE ip_address = ${ip} AND at > now() - make_interval(mins => ${LOGIN_WINDOW_MINUTES})
    ), last_success AS (
      SELECT max(at) AS success_at FROM recent WHERE email = ${email} AND succeeded
    ), account AS (
      SELECT recent.at FROM recent, last_success
      WHERE recent.email = ${email} AND NOT succeeded AND (last_success.success_at IS NULL OR recent.at > last_success.success_at)
      ORDER BY recent.at DESC LIMIT ${MAX_FAILURES_PER_ACCOUNT}
    )
    SELECT
      (SELECT count(*)::int FROM account) AS account_failures,
      (SELECT min(at) FROM account) AS account_oldest,
      (SELECT count(*)::int FROM recent WHERE NOT succeeded) AS address_failures,
      (SELECT min(at) FROM recent WHERE NOT succeeded) AS address_oldest`;
  return row;
}

function secondsUntilWindowEnds(oldest: Date | null): number {
  const ends = (oldest?.getTime() ?? Date.now()) + LOGIN_WINDOW_MINUTES * 60_000;
  return Math.max(1, Math.ceil((ends - Date.now()) / 1000));
}

export async function attemptLogin(
  db: PrismaClient,
  input: { email: string; password: string; ipAddress: string },
): Promise<LoginResult> {
  const email = normalizeEmail(input.email);
  const ip = input.ipAddress;
  const counts = await recentFailures(db, email, ip);
  if (counts.address_failures >= MAX_FAILURES_PER_ADDRESS) {
    return { ok: false, reason: "rate_limited", retryAfterSeconds: secondsUntilWindowEnds(counts.address_oldest) };
  }
  if (counts.account_failures >= MAX_FAILURES_PER_ACCOUNT) {
    return { ok: false, reason: "locked", retryAfterSeconds: secondsUntilWindowEnds(counts.account_oldest) };
  }

  const found = await db.user.findUnique({ where: { email }, select: { ...sessionUserSelect, passwordHash: true } });
  // Verify against a throwaway hash when the user is unknown, so timing does not reveal which e-mails exist.
  dummyHash ??= hashPassword("not-a-real-password-but-long-enough");
  const valid = await verifyPassword(found?.passwordHash ?? (await dummyHash), input.password);
  const succeeded = Boolean(found && valid && !found.disabledAt);

  await db.loginAttempt.create({ data: { email, ipAddress: ip, succeeded }, select: { id: true } });
  if (!found || !succeeded) return { ok: false, reason: "invalid_credentials" };

  const at = new Date();
  await db.$transaction([
    db.user.update({ where: { id: found.id }, data: { lastLoginAt: at }, select: { id: true } }),
    ...(found.partnerOrgId
      ? [db.activity.create({ data: { partnerOrgId: found.partnerOrgId, userId: found.id, kind: "LOGIN", occurredAt: at }, select: { id: true } })]
      : []),
  ]);
  await recordAudit(db, { actorUserId: found.id, action: "auth.login", entityType: "User", entityId: found.id, ipAddress: ip });
  return { ok: true, user: toSessionUser(found) };
}

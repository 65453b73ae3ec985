import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { attemptLogin, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from "./login.ts";
import { createUser } from "./users.ts";

const password = "correct horse battery staple";
let orgId: string;

beforeAll(async () => {
  const org = await db.partnerOrg.findFirstOrThrow({ select: { id: true } });
  orgId = org.id;
  await createUser(db, { email: "Login.Test@Example.com", name: "Login Test", role: "PARTNER", partnerOrgId: orgId, password });
  await createUser(db, { email: "lockout@example.com", name: "Lockout", role: "CHANNEL_MANAGER", password });
  await createUser(db, { email: "disabled@example.com", name: "Disabled", role: "ADMIN", password });
  await db.user.update({ where: { email: "disabled@example.com" }, data: { disabledAt: new Date() } });
});

describe("attemptLogin", () => {
  it("signs in with the right password, case-insensitively on the e-mail, and records the login", async () => {
    const before = await db.activity.count({ where: { partnerOrgId: orgId, kind: "LOGIN" } });
    const result = await attemptLogin(db, { email: " login.test@EXAMPLE.com ", password, ipAddress: "10.0.0.1" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.user).toMatchObject({ email: "login.test@example.com", role: "PARTNER", partnerOrgId: orgId });
    expect(result.user).not.toHaveProperty("passwordHash");
    expect(await db.activity.count({ where: { partnerOrgId: orgId, kind: "LOGIN" } })).toBe(before + 1);
    expect(await db.auditLog.count({ where: { action: "auth.login", entityId: result.user.id } })).toBe(1);
  });

  it("answers the same for a wrong password and an unknown e-mail", async () => {
    const wrong = await attemptLogin(db, { email: "login.test@example.com", password: "nope", ipAddress: "10.0.0.2" });
    const unknown = await attemptLogin(db, { email: "nobody@example.com", password: "nope", ipAddress: "10.0.0.2" });
    expect(wrong).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(unknown).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it("refuses a disabled user", async () => {
    expect(await attemptLogin(db, { email: "disabled@example.com", password, ipAddress: "10.0.0.3" })).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it("locks an account for one address after repeated failures, but not for others, and the lock lapses", async () => {
    const attacker = "203.0.113.7";
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect((await attemptLogin(db, { email: "lockout@example.com", password: "guess" + i, ipAddress: attacker })).ok).toBe(false);
    }
    const locked = await attemptLogin(db, { email: "lockout@example.com", password, ipAddress: attacker });
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    if (!locked.ok && locked.reason === "locked") expect(locked.retryAfterSeconds).toBeGreaterThan(0);

    // The real user, elsewhere, is not locked out by the attacker.
    expect((await attemptLogin(db, { email: "lockout@example.com", password, ipAddress: "198.51.100.20" })).ok).toBe(true);

    // Once the failures are older than the window, the attacker's address may try again.
    await db.$executeRaw`UPDATE login_attempt SET at = at - interval '16 minutes' WHERE ip_address = ${attacker}`;
    expect((await attemptLogin(db, { email: "lockout@example.com", password, ipAddress: attacker })).ok).toBe(true);
  });

  it("a success clears the account's failure count for that address", async () => {
    const ip = "192.0.2.44";
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await attemptLogin(db, { email: "lockout@example.com", password: "x", ipAddress: ip });
    expect((await attemptLogin(db, { email: "lockout@example.com", password, ipAddress: ip })).ok).toBe(true);
    expect(await attemptLogin(db, { email: "lockout@example.com", password: "x", ipAddress: ip })).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it("rate-limits an address that tries many accounts", async () => {
    const ip = "192.0.2.99";
    await db.loginAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_ADDRESS }, (_, i) => ({ email: `spray${i}@example.com`, ipAddress: ip, succeeded: false })),
    });
    const result = await attemptLogin(db, { email: "login.test@example.com", password, ipAddress: ip });
    expect(result).toMatchObject({ ok: false, reason: "rate_limited" });
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { createSession, getSessionUser, revokeAllSessions, revokeSession } from "./sessions.ts";
import { createUser } from "./users.ts";

let userId: string;

beforeAll(async () => {
  const user = await createUser(db, { email: "session.test@example.com", name: "Session Test", role: "REGIONAL_LEAD", password: "long enough password", regionCodes: [] });
  userId = user.id;
});

describe("sessions", () => {
  it("resolves a live session to its user", async () => {
    const { id } = await createSession(db, userId, { ttlHours: 1, ipAddress: "127.0.0.1" });
    expect(id.length).toBeGreaterThanOrEqual(40);
    expect(await getSessionUser(db, id)).toMatchObject({ id: userId, email: "session.test@example.com", role: "REGIONAL_LEAD" });
  });

  it("refuses unknown, expired and revoked sessions", async () => {
    expect(await getSessionUser(db, "no-such-session")).toBeNull();
    const expired = await createSession(db, userId, { ttlHours: 1 });
    await db.session.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getSessionUser(db, expired.id)).toBeNull();
    const revoked = await createSession(db, userId, { ttlHours: 1 });
    await revokeSession(db, revoked.id);
    expect(await getSessionUser(db, revoked.id)).toBeNull();
  });

  it("ends every session of a user at once, and a disabled user's sessions stop working", async () => {
    const a = await createSession(db, userId, { ttlHours: 1 });
    const b = await createSession(db, userId, { ttlHours: 1 });
    expect(await revokeAllSessions(db, userId)).toBeGreaterThanOrEqual(2);
    expect(await getSessionUser(db, a.id)).toBeNull();
    expect(await getSessionUser(db, b.id)).toBeNull();

    const c = await createSession(db, userId, { ttlHours: 1 });
    await db.user.update({ where: { id: userId }, data: { disabledAt: new Date() } });
    expect(await getSessionUser(db, c.id)).toBeNull();
  });
});

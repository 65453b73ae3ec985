// The notifications API: a user lists and marks only their own notifications; someone else's
// ids change nothing; bad input is a 4xx in the API's error format.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../../models/auth/users.ts";
import { db } from "../../../models/db/client.ts";
import { notifyUsers } from "../../../models/notifications/notify.ts";
import { demoUser, invoke, jsonRequest, routeContext } from "../../../test/routes.ts";
import * as list from "./notifications.ts";
import * as read from "./notifications.read.ts";

const get = (url: string) => new Request(`http://localhost${url}`);

let partner: SessionUser;
let partner2: SessionUser;

async function listFor(user: SessionUser | null, query = "") {
  const res = await invoke(list.loader, { request: get(`/api/v1/notifications${query}`), context: routeContext(user), params: {} });
  return { status: res.status, body: await res.json() };
}

async function markFor(user: SessionUser, body: unknown) {
  const res = await invoke(read.action, { request: jsonRequest("/api/v1/notifications/read", body), context: routeContext(user), params: {} });
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  partner = await demoUser("partner@example.com");
  partner2 = await demoUser("partner2@example.com");
  await db.notification.deleteMany({ where: { userId: { in: [partner.id, partner2.id] } } });
  for (let i = 0; i < 3; i++) {
    await notifyUsers(db, { userIds: [partner.id], kind: "test", title: `Mine ${i}`, idempotencyKey: `api-mine-${i}`, email: false });
  }
  await notifyUsers(db, { userIds: [partner2.id], kind: "test", title: "Theirs", idempotencyKey: "api-theirs", email: false });
});

describe("GET /api/v1/notifications", () => {
  it("lists only the signed-in user's notifications, with the total and unread count", async () => {
    const { status, body } = await listFor(partner);
    expect(status).toBe(200);
    expect(body.total).toBe(3);
    expect(body.unreadCount).toBe(3);
    expect(body.items.map((n: { title: string }) => n.title).sort()).toEqual(["Mine 0", "Mine 1", "Mine 2"]);
    expect(Object.keys(body.items[0]).sort()).toEqual(["body", "createdAt", "data", "id", "kind", "link", "readAt", "title"]);
    expect((await listFor(partner2)).body.items.map((n: { title: string }) => n.title)).toEqual(["Theirs"]);
  });

  it("pages, filters unread, and answers 400 for bad query values and 401 without a session", async () => {
    expect((await listFor(partner, "?pageSize=2&page=2")).body).toMatchObject({ total: 3, items: [expect.any(Object)] });
    expect((await listFor(partner, "?pageSize=500")).status).toBe(400);
    const bad = await listFor(partner, "?unread=maybe");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_query");
    const anonymous = await listFor(null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe("unauthenticated");
  });
});

describe("POST /api/v1/notifications/read", () => {
  it("ignores another user's notification ids", async () => {
    const theirs = (await listFor(partner2)).body.items[0].id;
    expect(await markFor(partner, { ids: [theirs] })).toEqual({ status: 200, body: { updated: 0 } });
    expect((await listFor(partner2, "?unread=true")).body.total).toBe(1);
  });

  it("marks the user's own notifications read, one by id or all at once", async () => {
    const mine = (await listFor(partner)).body.items;
    expect(await markFor(partner, { ids: [mine[0].id] })).toEqual({ status: 200, body: { updated: 1 } });
    const unread = (await listFor(partner, "?unread=true")).body;
    expect(unread.total).toBe(2);
    expect(unread.items.map((n: { id: string }) => n.id)).not.toContain(mine[0].id);

    expect(await markFor(partner, { all: true })).toEqual({ status: 200, body: { updated: 2 } });
    expect((await listFor(partner)).body.unreadCount).toBe(0);
    expect((await listFor(partner2)).body.unreadCount).toBe(1);
  });

  it("answers 422 for a body that is neither ids nor all, and 405 for GET", async () => {
    for (const body of [{}, { ids: [] }, { ids: ["nope"] }, { all: false }, { ids: [crypto.randomUUID()], all: true }]) {
      const res = await markFor(partner, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.code).toBe("validation_failed");
    }
    const res = await invoke(read.loader, { request: get("/api/v1/notifications/read"), context: routeContext(partner), params: {} });
    expect(res.status).toBe(405);
  });
});

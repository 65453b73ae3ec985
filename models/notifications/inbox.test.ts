// A user's inbox: the list, the unread count and marking read touch only the user's own
// notifications; someone else's ids are ignored as if they did not exist.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { listNotifications, markRead, unreadCount } from "./inbox.ts";
import { notifyUsers } from "./notify.ts";

let mine: string;
let theirs: string;

async function seedNotifications(userId: string, prefix: string, count: number) {
  for (let i = 0; i < count; i++) {
    await notifyUsers(db, { userIds: [userId], kind: "test", title: `${prefix} ${i}`, idempotencyKey: `${prefix}-${i}`, email: false });
    // Distinct times, so "newest first" has one answer.
    await db.notification.update({ where: { idempotencyKey: `${prefix}-${i}:${userId}` }, data: { createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)) }, select: { id: true } });
  }
}

beforeAll(async () => {
  mine = (await db.user.findUniqueOrThrow({ where: { email: "partner@example.com" }, select: { id: true } })).id;
  theirs = (await db.user.findUniqueOrThrow({ where: { email: "partner2@example.com" }, select: { id: true } })).id;
  await db.notification.deleteMany({ where: { userId: { in: [mine, theirs] } } });
  await seedNotifications(mine, "mine", 5);
  await seedNotifications(theirs, "theirs", 3);
});

describe("the inbox", () => {
  it("lists only the user's own notifications, newest first, paged", async () => {
    const page1 = await listNotifications(db, mine, { page: 1, pageSize: 2 });
    expect(page1.total).toBe(5);
    expect(page1.items.map((n) => n.title)).toEqual(["mine 4", "mine 3"]);
    const page3 = await listNotifications(db, mine, { page: 3, pageSize: 2 });
    expect(page3.items.map((n) => n.title)).toEqual(["mine 0"]);
    expect(page1.items[0]).toEqual({ id: expect.any(String), kind: "test", title: "mine 4", body: null, link: null, data: null, createdAt: expect.any(String), readAt: null });
    expect(await unreadCount(db, mine)).toBe(5);
  });

  it("marks read only the user's own notifications, whatever ids are sent", async () => {
    const own = (await listNotifications(db, mine)).items;
    const foreign = (await listNotifications(db, theirs)).items;
    expect(await markRead(db, mine, [foreign[0].id, foreign[1].id, "not-a-uuid"])).toBe(0);
    expect(await unreadCount(db, theirs)).toBe(3);

    expect(await markRead(db, mine, [own[0].id, foreign[0].id])).toBe(1);
    expect(await markRead(db, mine, [own[0].id])).toBe(0);
    expect(await unreadCount(db, mine)).toBe(4);
    const unread = await listNotifications(db, mine, { unreadOnly: true });
    expect(unread.total).toBe(4);
    expect(unread.items.map((n) => n.id)).not.toContain(own[0].id);
    expect((await listNotifications(db, mine)).items[0].readAt).toEqual(expect.any(String));
  });

  it("marks all of the user's own notifications read, and no one else's", async () => {
    expect(await markRead(db, mine, "all")).toBe(4);
    expect(await unreadCount(db, mine)).toBe(0);
    expect(await unreadCount(db, theirs)).toBe(3);
    expect(await markRead(db, mine, [])).toBe(0);
  });
});

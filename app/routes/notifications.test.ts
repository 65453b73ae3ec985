// The notifications page and the bell: a user sees, counts and marks only their own
// notifications; a form naming someone else's notification changes nothing. A forwarded tender's
// external address opens in a new tab, marked; a link that is neither a portal path nor http(s)
// never becomes a link.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../models/auth/users.ts";
import { db } from "../../models/db/client.ts";
import { notifyUsers } from "../../models/notifications/notify.ts";
import { renderPage } from "../../test/render-page.tsx";
import { demoUser, routeContext } from "../../test/routes.ts";
import Notifications, { action, loader } from "./notifications.tsx";
import { loader as portalLoader } from "./portal.tsx";

let partner: SessionUser;
let manager: SessionUser;

const page = (user: SessionUser, query = "") =>
  loader({ request: new Request(`http://localhost/notifications${query}`), context: routeContext(user), params: {} } as never);

async function post(user: SessionUser, fields: Record<string, string>) {
  const request = new Request("http://localhost/notifications", { method: "POST", body: new URLSearchParams(fields) });
  const result = await action({ request, context: routeContext(user), params: {} } as never);
  return { status: result.init?.status ?? 200, data: result.data };
}

const bell = async (user: SessionUser) =>
  (await portalLoader({ request: new Request("http://localhost/dashboard"), context: routeContext(user), params: {} } as never)).unreadNotifications;

beforeAll(async () => {
  partner = await demoUser("partner@example.com");
  manager = await demoUser("manager@example.com");
  await db.notification.deleteMany({ where: { userId: { in: [partner.id, manager.id] } } });
  await notifyUsers(db, { userIds: [partner.id], kind: "test", title: "For the partner", link: "/deals", idempotencyKey: "page-partner-1", email: false });
  await notifyUsers(db, { userIds: [partner.id], kind: "test", title: "Also for the partner", idempotencyKey: "page-partner-2", email: false });
  await notifyUsers(db, { userIds: [manager.id], kind: "test", title: "For the manager", idempotencyKey: "page-manager", email: false });
});

describe("notifications page", () => {
  it("shows the user's own notifications and their unread count in the bell", async () => {
    const data = await page(partner);
    expect(data.items.map((n) => n.title).sort()).toEqual(["Also for the partner", "For the partner"]);
    expect(data).toMatchObject({ total: 2, unreadTotal: 2, unreadOnly: false, page: 1 });
    expect(await bell(partner)).toBe(2);
    expect(await bell(manager)).toBe(1);
  });

  it("changes nothing when a form names someone else's notification", async () => {
    const foreign = (await page(manager)).items[0].id;
    expect(await post(partner, { intent: "read", id: foreign })).toEqual({ status: 200, data: { ok: true, updated: 0 } });
    expect(await bell(manager)).toBe(1);
  });

  it("marks one, then all of the user's own notifications read", async () => {
    const [first] = (await page(partner)).items;
    expect(await post(partner, { intent: "read", id: first.id })).toEqual({ status: 200, data: { ok: true, updated: 1 } });
    expect((await page(partner, "?unread=1")).items.map((n) => n.id)).not.toContain(first.id);
    expect(await post(partner, { intent: "read-all" })).toEqual({ status: 200, data: { ok: true, updated: 1 } });
    expect(await bell(partner)).toBe(0);
    expect(await bell(manager)).toBe(1);
  });

  it("refuses a malformed form with 400", async () => {
    expect(await post(partner, { intent: "delete-everything" })).toEqual({ status: 400, data: { ok: false } });
    expect(await post(partner, { intent: "read", id: "nope" })).toEqual({ status: 400, data: { ok: false } });
  });
});

describe("notification links", () => {
  const unsafe = ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "//evil.example/x", "/\\evil.example"];

  beforeAll(async () => {
    const lead = await demoUser("lead@example.com");
    await db.notification.deleteMany({ where: { userId: lead.id } });
    await notifyUsers(db, { userIds: [lead.id], kind: "market.lead", title: "Tender lead", link: "https://tenders.example.org/t/42?lot=1&x=2", idempotencyKey: "links-external", email: false });
    await notifyUsers(db, { userIds: [lead.id], kind: "test", title: "Portal page", link: "/deals", idempotencyKey: "links-portal", email: false });
    for (const [i, link] of unsafe.entries()) await notifyUsers(db, { userIds: [lead.id], kind: "test", title: `Unsafe ${i}`, link, idempotencyKey: `links-unsafe-${i}`, email: false });
  });

  it("opens an external tender in a new tab, marked, follows portal paths and links nothing else", async () => {
    const html = await renderPage(await demoUser("lead@example.com"), "/notifications", "notifications", Notifications, loader);
    const list = html.slice(html.indexOf('data-testid="notification-list"'));
    expect(list).toContain('<a href="https://tenders.example.org/t/42?lot=1&amp;x=2" target="_blank" rel="noopener noreferrer"');
    expect(list).toMatch(/>Tender lead<span aria-hidden="true"> ↗<\/span><span class="sr-only"> \(opens in a new tab\)<\/span><\/a>/);
    expect(list).toMatch(/<a class="text-brand-700 hover:underline" href="\/deals"[^>]*>Portal page<\/a>/);
    for (const i of unsafe.keys()) expect(list).toContain(`<span>Unsafe ${i}</span>`);
    const hrefs = [...list.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.filter((h) => !h.startsWith("/notifications")).sort()).toEqual(["/deals", "https://tenders.example.org/t/42?lot=1&amp;x=2"]);
    expect(list).not.toMatch(/href="(javascript|data):|href="\/\/|href="\/\\/);
    // Only the external link opens a new tab.
    expect(list.match(/target="_blank"/g)).toHaveLength(1);
  });
});

// The deal pages' loaders: a partner opening another organization's deal gets a 404 (never a
// 403 that would confirm it exists); a malformed id is a 404 too; leads may not list deals.
import { describe, expect, it } from "vitest";
import { db } from "../../models/db/client.ts";
import { demoUser, routeContext } from "../../test/routes.ts";
import { loader as dealLoader } from "./deal.tsx";
import { loader as dealsLoader } from "./deals.tsx";

const request = (path: string) => new Request(`http://localhost${path}`);

/** The HTTP status a loader throws (a Response or React Router's `data()`), or 200 when it returns. */
async function statusOf(run: () => Promise<unknown>): Promise<number> {
  try {
    await run();
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    const init = (thrown as { init?: { status?: number } }).init;
    if (init?.status) return init.status;
    throw thrown;
  }
}

describe("deal pages", () => {
  it("answers 404 to a partner opening another organization's deal, 200 to a channel manager", async () => {
    const partner = await demoUser("partner@example.com");
    const manager = await demoUser("manager@example.com");
    const partner2 = await demoUser("partner2@example.com");
    const foreign = await db.deal.findFirstOrThrow({ where: { partnerOrgId: partner2.partnerOrgId! }, select: { id: true } });
    const args = (user: typeof partner) => ({ request: request(`/deals/${foreign.id}`), context: routeContext(user), params: { dealId: foreign.id }, unstable_pattern: "/deals/:dealId" });
    expect(await statusOf(() => dealLoader(args(partner) as never))).toBe(404);
    expect(await statusOf(() => dealLoader(args(manager) as never))).toBe(200);
  });

  it("answers 404 for a malformed deal id", async () => {
    const manager = await demoUser("manager@example.com");
    const args = { request: request("/deals/nope"), context: routeContext(manager), params: { dealId: "nope" } };
    expect(await statusOf(() => dealLoader(args as never))).toBe(404);
  });

  it("lists a partner's own deals, ignores a bad filter and refuses a regional lead with 403", async () => {
    const partner = await demoUser("partner@example.com");
    const page = await dealsLoader({ request: request("/deals?status=BOGUS&page=-3"), context: routeContext(partner), params: {} } as never);
    expect(page.status).toBeNull();
    expect(page.page).toBe(1);
    expect(page.items.every((d) => d.partnerOrg.id === partner.partnerOrgId)).toBe(true);
    const lead = await demoUser("lead@example.com");
    expect(await statusOf(() => dealsLoader({ request: request("/deals"), context: routeContext(lead), params: {} } as never))).toBe(403);
  });
});

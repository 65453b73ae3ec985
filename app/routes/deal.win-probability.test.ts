// Win probability on the web: registering through the API queues the deal's scoring in its
// transaction; once scored, the API and the deal page show the probability, its reasons and
// the model's quality to a channel manager, and nothing of it to the partner.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../models/auth/users.ts";
import { db } from "../../models/db/client.ts";
import { SCORE_DEALS_QUEUE } from "../../models/deals/win-model/request.ts";
import { scoreDeals } from "../../models/deals/win-model/score.ts";
import { trainWinModel } from "../../models/deals/win-model/train.ts";
import { setJobQueue } from "../../models/services.ts";
import type { Jobs } from "../../jobs/worker.ts";
import { startJobs } from "../../jobs/worker.ts";
import { demoUser, invoke, jsonRequest, routeContext } from "../../test/routes.ts";
import * as dealRoute from "./api/deals.deal.ts";
import * as deals from "./api/deals.ts";
import { loader as dealLoader } from "./deal.tsx";

let jobs: Jobs;
let partner: SessionUser;
let manager: SessionUser;
let dealId: string;

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

async function apiDeal(user: SessionUser): Promise<{ winProbability: unknown }> {
  const res = await invoke(dealRoute.loader as never, { request: new Request(`http://localhost/api/v1/deals/${dealId}`), context: routeContext(user), params: { dealId } });
  expect(res.status).toBe(200);
  return (await res.json()).deal;
}

async function page(user: SessionUser) {
  return dealLoader({ request: new Request(`http://localhost/deals/${dealId}`), context: routeContext(user), params: { dealId }, unstable_pattern: "/deals/:dealId" } as never);
}

beforeAll(async () => {
  partner = await demoUser("partner@example.com");
  manager = await demoUser("manager@example.com");
  // A web process: sends jobs, works none, so the queued job stays where the test can see it.
  jobs = await startJobs({ connectionString: process.env.DATABASE_URL ?? "", work: false, schedule: false, log: () => {} });
  setJobQueue(jobs.boss);
});

afterAll(async () => {
  setJobQueue(undefined);
  await jobs?.stop();
});

describe("win probability on the web", () => {
  it("queues the deal's scoring when it is registered through the API", async () => {
    const sku = (await db.product.findFirstOrThrow({ where: { active: true }, select: { sku: true }, orderBy: { sku: "asc" } })).sku;
    const res = await invoke(deals.action as never, {
      request: jsonRequest("/api/v1/deals", { customer: { name: "Probawerk Hydraulik", country: "DE" }, title: "Probawerk ERP", value: { amount: 6_500_000, currency: "EUR" }, productSkus: [sku], expectedCloseDate: inAMonth() }),
      context: routeContext(partner),
      params: {},
    });
    expect(res.status).toBe(201);
    const { deal } = await res.json();
    dealId = deal.id;
    expect(deal.winProbability).toBeNull();
    const queued = await db.$queryRaw<{ data: unknown }[]>`SELECT data FROM pgboss.job WHERE name = ${SCORE_DEALS_QUEUE}`;
    expect(queued.map((j) => j.data)).toEqual([{ dealIds: [dealId] }]);
  });

  it("shows no model quality before a model exists", async () => {
    expect((await page(manager)).winModel).toEqual({ quality: null });
    expect((await apiDeal(manager)).winProbability).toBeNull();
  });

  it("shows a manager the probability and reasons, and the partner null", async () => {
    const trained = await trainWinModel(db);
    if (!trained.ok) throw new Error(trained.error);
    expect((await scoreDeals(db, { dealIds: [dealId] })).scored).toBe(1);

    const forManager = await apiDeal(manager);
    expect(forManager.winProbability).toEqual({ value: expect.any(Number), reasons: expect.arrayContaining([expect.any(String)]) });
    const { value } = forManager.winProbability as { value: number };
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThan(1);
    expect((await apiDeal(partner)).winProbability).toBeNull();

    const managerPage = await page(manager);
    expect(managerPage.deal.winProbability).toEqual(forManager.winProbability);
    expect(managerPage.winModel?.quality).toMatchObject({ auc: trained.auc, nTest: trained.nTest, trainedAt: expect.any(String) });
    const partnerPage = await page(partner);
    expect(partnerPage.deal.winProbability).toBeNull();
    expect(partnerPage.winModel).toBeNull();
  }, 60_000);

  it("lists deals with the probability for a manager and without for the partner", async () => {
    const list = async (user: SessionUser) => {
      const res = await invoke(deals.loader as never, { request: new Request("http://localhost/api/v1/deals?pageSize=200"), context: routeContext(user), params: {} });
      return (await res.json()).items as { id: string; winProbability: unknown }[];
    };
    expect((await list(partner)).every((d) => d.winProbability === null)).toBe(true);
    const managerItems = await list(manager);
    expect(managerItems.find((d) => d.id === dealId)?.winProbability).toEqual({ value: expect.any(Number), reasons: expect.any(Array) });
  });
});

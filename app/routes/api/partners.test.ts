// GET /api/v1/partners, /partners/:id and /segments for every role (API.md): managers and admins
// see every partner, leads their regions (404 outside), partner roles 403 — except their own
// organization's segment and health when the program shows it, never the churn risk.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../../models/auth/users.ts";
import { db } from "../../../models/db/client.ts";
import { churnReasonText, scoreAllPartners } from "../../../models/partners/score-fixtures.ts";
import { SHOW_OWN_SEGMENT_KEY } from "../../../models/partners/segment-visibility.ts";
import { demoUsers, invoke, routeContext } from "../../../test/routes.ts";
import { loader as detailLoader } from "./partners.partner.ts";
import { loader as listLoader } from "./partners.ts";
import { loader as segmentsLoader } from "./segments.ts";

let manager: SessionUser;
let admin: SessionUser;
let lead: SessionUser;
let partner: SessionUser;
let partner2: SessionUser;
let inRegion: string;
let outOfRegion: string;

const get = (user: SessionUser | null, path: string, params: Record<string, string> = {}) => ({ request: new Request(`http://localhost/api/v1${path}`), context: routeContext(user), params });
const detail = (user: SessionUser | null, id: string) => invoke(detailLoader, get(user, `/partners/${id}`, { partnerOrgId: id }));
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

beforeAll(async () => {
  ({ manager, admin, lead, partner, partner2 } = await demoUsers());
  inRegion = partner.partnerOrgId ?? "";
  outOfRegion = (await db.partnerOrg.findFirstOrThrow({ where: { regionCode: { notIn: lead.regionCodes } }, select: { id: true } })).id;
});

describe("before the first run", () => {
  it("GET /segments answers 404 no_segment_run and partners carry no scores", async () => {
    const segments = await invoke(segmentsLoader, get(manager, "/segments"));
    expect(segments.status).toBe(404);
    expect(await errorCode(segments)).toBe("no_segment_run");
    const body = await (await detail(manager, inRegion)).json();
    expect(body.partner).toMatchObject({ id: inRegion, segment: null, health: null, churnRisk: null, model: null });
    expect(body.partner.kpis.pipeline).toEqual(expect.any(Array));
  });
});

describe("with a run", () => {
  let runId: string;
  beforeAll(async () => {
    ({ runId } = await scoreAllPartners(db));
  });

  it("GET /partners lists by role with { items, total }, paged, filtered and sorted by churn risk", async () => {
    const all = await (await invoke(listLoader, get(admin, "/partners?pageSize=200"))).json();
    expect(all.total).toBe(await db.partnerOrg.count());
    expect(all.run).toMatchObject({ runId, quality: { silhouette: 0.42, churnAuc: 0.81, churnBrier: 0.12 } });
    const risks = all.items.map((p: { churnRisk: { value: number } }) => p.churnRisk.value);
    expect(risks).toEqual([...risks].sort((a: number, b: number) => b - a));
    expect(all.items[0]).toMatchObject({ segment: { label: expect.any(String), runId }, health: { score: expect.any(Number), reasons: expect.any(Array) } });
    expect(all.items[0].churnRisk.reasons[0].text).toMatch(/^Logins fell/);

    const page2 = await (await invoke(listLoader, get(manager, "/partners?page=2&pageSize=10&sort=name&segment=Dormant&healthBand=at-risk"))).json();
    expect(page2.items.length).toBeLessThanOrEqual(10);
    expect(page2.items.every((p: { segment: { label: string }; health: { score: number } }) => p.segment.label === "Dormant" && p.health.score < 40)).toBe(true);

    const leads = await (await invoke(listLoader, get(lead, "/partners?pageSize=200"))).json();
    expect(leads.items.every((p: { region: string }) => lead.regionCodes.includes(p.region))).toBe(true);
    expect(leads.total).toBe(await db.partnerOrg.count({ where: { regionCode: { in: lead.regionCodes } } }));

    for (const user of [partner, partner2]) expect((await invoke(listLoader, get(user, "/partners"))).status).toBe(403);
    expect((await invoke(listLoader, get(null, "/partners"))).status).toBe(401);
    const bad = await invoke(listLoader, get(manager, "/partners?tier=DIAMOND&sort=chaos"));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toMatchObject({ tier: expect.any(String), sort: expect.any(String) });
    expect((await invoke(listLoader, get(manager, "/partners?pageSize=500"))).status).toBe(400);
  });

  it("GET /partners answers odd filters and page numbers without a 500", async () => {
    for (const query of ["page=9007199254740991", "page=99999999", "segment=%27%3B--&region=%25&q=%25_", `segment=${"x".repeat(200)}`, "healthBand=at-risk&segment=%E2%9C%93"]) {
      const response = await invoke(listLoader, get(manager, `/partners?${query}`));
      expect(response.status, query).toBe(200);
      expect((await response.json()).items, query).toEqual([]);
    }
    expect((await invoke(listLoader, get(manager, "/partners?page=1e400"))).status).toBe(400);
    expect((await invoke(listLoader, get(manager, `/partners?segment=${"x".repeat(201)}`))).status).toBe(400);
  });

  it("GET /partners/:id gives managers, admins and in-region leads the profile with reasons, quality and KPIs", async () => {
    for (const user of [manager, admin, lead]) {
      const response = await detail(user, inRegion);
      expect(response.status).toBe(200);
      const { partner: body } = await response.json();
      expect(body).toMatchObject({
        id: inRegion,
        region: "DACH",
        segment: { label: expect.any(String), runId },
        health: { score: expect.any(Number), band: expect.any(String), reasons: [expect.objectContaining({ text: expect.any(String) }), expect.anything()] },
        churnRisk: { value: expect.any(Number), reasons: expect.arrayContaining([expect.objectContaining({ feature: "logins90d" })]) },
        model: { runId, quality: { churnAuc: 0.81 } },
        kpis: { pipeline: expect.any(Array), earnings12m: expect.any(Array) },
      });
      expect(body.churnRisk.reasons[0].text).toBe(churnReasonText(body.segment.label));
    }
  });

  it("GET /partners/:id answers 404 outside a lead's regions and for unknown ids", async () => {
    expect((await detail(lead, outOfRegion)).status).toBe(404);
    expect(await errorCode(await detail(lead, outOfRegion))).toBe("not_found");
    expect((await detail(manager, outOfRegion)).status).toBe(200);
    expect((await detail(manager, "nope")).status).toBe(404);
    expect((await detail(null, inRegion)).status).toBe(401);
  });

  it("refuses partner users while the program keeps segments to itself", async () => {
    for (const user of [partner, partner2]) {
      expect((await detail(user, user.partnerOrgId ?? "")).status).toBe(403);
      expect((await detail(user, outOfRegion)).status).toBe(403);
    }
  });

  it("shows a partner their own segment and health — never churn — when the program chooses to", async () => {
    await db.setting.create({ data: { key: SHOW_OWN_SEGMENT_KEY, value: true } });
    const own = await detail(partner, inRegion);
    expect(own.status).toBe(200);
    const { partner: body } = await own.json();
    expect(body).toMatchObject({ id: inRegion, segment: { label: expect.any(String), runId }, health: { score: expect.any(Number) }, churnRisk: null, kpis: null });
    expect(JSON.stringify(body)).not.toMatch(/Logins fell|churnAuc.*\d/);
    expect(body.model.quality).not.toHaveProperty("churnAuc");

    expect((await detail(partner, partner2.partnerOrgId ?? "")).status).toBe(404);
    expect((await detail(partner2, inRegion)).status).toBe(404);
    expect((await detail(partner2, partner2.partnerOrgId ?? "")).status).toBe(200);
    expect((await invoke(listLoader, get(partner, "/partners"))).status).toBe(403);
    expect((await invoke(segmentsLoader, get(partner, "/segments"))).status).toBe(403);
  });

  it("GET /segments gives the latest run with quality and finishedAt", async () => {
    for (const user of [manager, admin, lead]) {
      const response = await invoke(segmentsLoader, get(user, "/segments"));
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body).toMatchObject({ runId, k: 3, silhouette: 0.42, finishedAt: expect.any(String), quality: { churn: { auc: 0.81, brier: 0.12 }, churnAuc: 0.81 } });
      expect(body.segments[0]).toEqual({ label: "Champions", size: expect.any(Number), centroid: expect.objectContaining({ revenue12m: 90_000_000 }), description: expect.any(String) });
    }
    expect((await invoke(segmentsLoader, get(null, "/segments"))).status).toBe(401);
  });
});

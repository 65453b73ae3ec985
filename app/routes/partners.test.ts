// The partner pages' loaders and the segments page's action for every role: managers and admins
// see every partner, regional leads their regions (404 outside), partners are refused; filters and
// sort come from the URL; before any run the pages say how segments get computed.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../models/auth/users.ts";
import { db } from "../../models/db/client.ts";
import { scoreAllPartners } from "../../models/partners/score-fixtures.ts";
import { SHOW_OWN_SEGMENT_KEY } from "../../models/partners/segment-visibility.ts";
import { demoUsers, invoke, routeContext } from "../../test/routes.ts";
import { loader as profileLoader } from "./partners.partner.tsx";
import { loader as listLoader } from "./partners.tsx";
import { action as segmentsAction, loader as segmentsLoader } from "./segments.tsx";

let manager: SessionUser;
let admin: SessionUser;
let lead: SessionUser;
let partner: SessionUser;
let partner2: SessionUser;
let inRegion: string;
let outOfRegion: string;

const get = (user: SessionUser | null, path: string, params: Record<string, string> = {}) => ({ request: new Request(`http://localhost${path}`), context: routeContext(user), params });
const post = (user: SessionUser, path: string, form: Record<string, string>) => ({
  request: new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(form) }),
  context: routeContext(user),
  params: {},
});

type ListData = { items: { id: string; segment: string | null; churnRisk: number | null; region: { code: string } }[]; total: number; run: unknown; filters: Record<string, string> };

beforeAll(async () => {
  ({ manager, admin, lead, partner, partner2 } = await demoUsers());
  inRegion = (await db.partnerOrg.findFirstOrThrow({ where: { regionCode: { in: lead.regionCodes } }, select: { id: true } })).id;
  outOfRegion = (await db.partnerOrg.findFirstOrThrow({ where: { regionCode: { notIn: lead.regionCodes } }, select: { id: true } })).id;
});

describe("before the first segmentation run", () => {
  it("lists partners unscored and the segments page has no run", async () => {
    const list = (await (await invoke(listLoader, get(manager, "/partners"))).json()) as ListData;
    expect(list.run).toBeNull();
    expect(list.items.every((p) => p.segment === null)).toBe(true);
    const segments = await (await invoke(segmentsLoader, get(manager, "/segments"))).json();
    expect(segments).toMatchObject({ run: null, scored: 0, shown: false, canChange: true });
    const profile = await (await invoke(profileLoader, get(manager, `/partners/${inRegion}`, { partnerOrgId: inRegion }))).json();
    expect(profile.profile.scoring).toBeNull();
  });
});

describe("with a run", () => {
  beforeAll(async () => {
    await scoreAllPartners(db);
  });

  it("lets managers, admins and leads open the list, the profile and the segments page, and refuses partners", async () => {
    for (const user of [manager, admin, lead]) {
      expect((await invoke(listLoader, get(user, "/partners"))).status).toBe(200);
      expect((await invoke(segmentsLoader, get(user, "/segments"))).status).toBe(200);
      expect((await invoke(profileLoader, get(user, `/partners/${inRegion}`, { partnerOrgId: inRegion }))).status).toBe(200);
    }
    for (const user of [partner, partner2]) {
      expect((await invoke(listLoader, get(user, "/partners"))).status).toBe(403);
      expect((await invoke(segmentsLoader, get(user, "/segments"))).status).toBe(403);
      expect((await invoke(profileLoader, get(user, `/partners/${user.partnerOrgId}`, { partnerOrgId: user.partnerOrgId ?? "" }))).status).toBe(403);
      expect((await invoke(profileLoader, get(user, `/partners/${inRegion}`, { partnerOrgId: inRegion }))).status).toBe(403);
    }
  });

  it("answers 404 to a lead outside their regions and to an unknown or malformed id", async () => {
    expect((await invoke(profileLoader, get(lead, `/partners/${outOfRegion}`, { partnerOrgId: outOfRegion }))).status).toBe(404);
    expect((await invoke(profileLoader, get(manager, `/partners/${outOfRegion}`, { partnerOrgId: outOfRegion }))).status).toBe(200);
    expect((await invoke(profileLoader, get(manager, "/partners/x", { partnerOrgId: "x" }))).status).toBe(404);
    const unknown = "00000000-0000-4000-8000-000000000001";
    expect((await invoke(profileLoader, get(admin, `/partners/${unknown}`, { partnerOrgId: unknown }))).status).toBe(404);
  });

  it("sends a signed-out visitor to the login page", async () => {
    const response = await invoke(listLoader, get(null, "/partners?segment=Dormant"));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/login?${new URLSearchParams({ redirectTo: "/partners?segment=Dormant" })}`);
  });

  it("filters and sorts from the URL, ignoring values it does not know", async () => {
    const dormant = (await (await invoke(listLoader, get(manager, "/partners?segment=Dormant&sort=churn"))).json()) as ListData;
    expect(dormant.total).toBe(await db.partnerScore.count({ where: { segmentLabel: "Dormant" } }));
    expect(dormant.items.every((p) => p.segment === "Dormant")).toBe(true);
    const risks = dormant.items.map((p) => p.churnRisk ?? -1);
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
    expect(dormant.filters).toMatchObject({ segment: "Dormant", sort: "churn" });

    const lenient = (await (await invoke(listLoader, get(manager, "/partners?tier=DIAMOND&healthBand=great&sort=chaos&page=-3"))).json()) as ListData;
    expect(lenient.filters).toMatchObject({ tier: "", healthBand: "", sort: "churn" });
    expect(lenient.total).toBe(await db.partnerOrg.count());

    const leadList = (await (await invoke(listLoader, get(lead, "/partners?sort=name"))).json()) as ListData;
    expect(leadList.items.every((p) => lead.regionCodes.includes(p.region.code))).toBe(true);
  });

  it("shows the run on the segments page with its quality", async () => {
    const body = await (await invoke(segmentsLoader, get(lead, "/segments"))).json();
    expect(body.run).toMatchObject({ k: 3, quality: { silhouette: 0.42, churnAuc: 0.81, churnBrier: 0.12 } });
    expect(body.run.segments.map((s: { label: string }) => s.label)).toEqual(["Champions", "Steady performers", "Dormant"]);
    expect(body.scored).toBe(await db.partnerOrg.count());
    expect(body.canChange).toBe(false);
  });
});

describe("what partners see of their own segment", () => {
  it("is changed by managers and admins only, audited", async () => {
    expect((await invoke(segmentsAction, post(manager, "/segments", { show: "true" }))).status).toBe(200);
    expect((await db.setting.findUniqueOrThrow({ where: { key: SHOW_OWN_SEGMENT_KEY } })).value).toBe(true);
    expect(await db.auditLog.count({ where: { action: "partner_settings.update", actorUserId: manager.id } })).toBe(1);
    expect((await invoke(segmentsAction, post(admin, "/segments", { show: "false" }))).status).toBe(200);
    expect((await db.setting.findUniqueOrThrow({ where: { key: SHOW_OWN_SEGMENT_KEY } })).value).toBe(false);

    for (const user of [lead, partner]) expect((await invoke(segmentsAction, post(user, "/segments", { show: "true" }))).status).toBe(403);
    expect((await invoke(segmentsAction, post(manager, "/segments", { show: "maybe" }))).status).toBe(400);
    expect((await db.setting.findUniqueOrThrow({ where: { key: SHOW_OWN_SEGMENT_KEY } })).value).toBe(false);
  });
});

// The deal pages' forms against the seeded database: the registration form (field errors keep
// what was typed; one deal per clientRequestId), the deal page's actions (another organization's
// deal is a 404), the review queue (managers only, approve, reject, bulk-approve the clean ones)
// and the CSV export (own organization only, cells safe from formula injection).
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../models/auth/users.ts";
import { db } from "../../models/db/client.ts";
import { demoUser, routeContext } from "../../test/routes.ts";
import { action as dealAction, loader as dealLoader } from "./deal.tsx";
import { loader as exportLoader } from "./deals.export.ts";
import { action as registerAction, loader as registerLoader } from "./deals.new.tsx";
import { action as reviewAction, loader as reviewLoader } from "./review.tsx";

let partner: SessionUser;
let partner2: SessionUser;
let manager: SessionUser;
let sku: string;

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const formRequest = (path: string, fields: Record<string, string | string[]>) => {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  return new Request(`http://localhost${path}`, { method: "POST", body });
};

/** The status and JSON body of a route function's answer (data() included). */
async function answer(run: () => Promise<unknown>): Promise<{ status: number; body: unknown; location: string | null }> {
  try {
    const result = await run();
    if (result instanceof Response) return { status: result.status, body: result.headers.get("content-type")?.includes("json") ? await result.json() : null, location: result.headers.get("location") };
    const d = result as { data?: unknown; init?: { status?: number } };
    if (d && typeof d === "object" && "data" in d) return { status: d.init?.status ?? 200, body: d.data, location: null };
    return { status: 200, body: result, location: null };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: null, location: thrown.headers.get("location") };
    const init = (thrown as { init?: { status?: number } }).init;
    if (init?.status) return { status: init.status, body: null, location: null };
    throw thrown;
  }
}

function registrationFields(name: string, overrides: Record<string, string | string[]> = {}) {
  return {
    "customer.name": name,
    "customer.domain": "",
    "customer.country": "DE",
    "customer.industry": "",
    title: `Deal at ${name}`,
    productSkus: [sku],
    "value.amount": "12500.50",
    "value.currency": "EUR",
    expectedCloseDate: inAMonth(),
    notes: "",
    clientRequestId: crypto.randomUUID(),
    ...overrides,
  };
}

const register = (user: SessionUser, fields: Record<string, string | string[]>) =>
  answer(() => registerAction({ request: formRequest("/deals/new", fields), context: routeContext(user), params: {} } as never));

beforeAll(async () => {
  partner = await demoUser("partner@example.com");
  partner2 = await demoUser("partner2@example.com");
  manager = await demoUser("manager@example.com");
  sku = (await db.product.findFirstOrThrow({ where: { active: true }, select: { sku: true }, orderBy: { sku: "asc" } })).sku;
});

describe("the registration form", () => {
  it("offers products and countries to partners, and is a 403 for a channel manager", async () => {
    const page = await answer(() => registerLoader({ request: new Request("http://localhost/deals/new"), context: routeContext(partner), params: {} } as never));
    expect(page.status).toBe(200);
    const body = page.body as { products: unknown[]; countries: string[]; clientRequestId: string };
    expect(body.products.length).toBeGreaterThan(0);
    expect(body.countries).toEqual(expect.arrayContaining(["DE", "SE", "US"]));
    expect(body.countries).not.toContain("EU");
    expect(body.clientRequestId).toEqual(expect.any(String));
    expect((await answer(() => registerLoader({ request: new Request("http://localhost/deals/new"), context: routeContext(manager), params: {} } as never))).status).toBe(403);
  });

  it("answers 422 with field errors and the typed values, creating nothing", async () => {
    const before = await db.deal.count();
    const fields = registrationFields("Q", { "value.amount": "12,345.67", productSkus: [] });
    const res = await register(partner, fields);
    expect(res.status).toBe(422);
    const body = res.body as { errors: Record<string, string>; amountInvalid: boolean; values: Record<string, string> };
    expect(Object.keys(body.errors)).toEqual(expect.arrayContaining(["customer.name", "value.amount", "productSkus"]));
    expect(body.amountInvalid).toBe(true);
    expect(body.values["customer.name"]).toBe("Q");
    expect(body.values["value.amount"]).toBe("12,345.67");
    expect(await db.deal.count()).toBe(before);
  });

  it("registers once for a double submission and redirects both to the deal page", async () => {
    const fields = registrationFields("Brennholt Feinmechanik");
    const [a, b] = await Promise.all([register(partner, fields), register(partner, fields)]);
    expect(a.status).toBe(302);
    expect(a.location).toMatch(/^\/deals\/[0-9a-f-]{36}$/);
    expect(b.location).toBe(a.location);
    const deals = await db.deal.findMany({ where: { clientRequestId: fields.clientRequestId }, select: { amount: true, partnerOrgId: true } });
    expect(deals).toEqual([{ amount: 1_250_050n, partnerOrgId: partner.partnerOrgId }]);
  });
});

describe("the deal page's actions", () => {
  it("is a 404 for another organization's partner, and lets the owner ask for an extension once approved", async () => {
    const created = await register(partner, registrationFields("Kesselring Antriebe"));
    const dealId = created.location!.split("/").pop()!;
    const act = (user: SessionUser, fields: Record<string, string>) =>
      answer(() => dealAction({ request: formRequest(`/deals/${dealId}`, fields), context: routeContext(user), params: { dealId } } as never));

    expect((await act(partner2, { intent: "close", outcome: "WON", amount: "", currency: "EUR" })).status).toBe(404);
    expect((await act(partner2, { intent: "extend", reason: "Please extend" })).status).toBe(404);
    expect((await act(partner, { intent: "approve" })).status).toBe(403);
    expect((await act(partner, { intent: "close", outcome: "WON", amount: "", currency: "EUR" })).status).toBe(409);
    expect((await act(manager, { intent: "reject", reason: "" })).status).toBe(422);
    expect((await act(manager, { intent: "approve", note: "fine" })).status).toBe(200);
    expect((await act(partner, { intent: "extend", reason: "Customer delays the budget" })).status).toBe(200);

    const page = await answer(() => dealLoader({ request: new Request(`http://localhost/deals/${dealId}`), context: routeContext(partner), params: { dealId } } as never));
    const loaded = page.body as { deal: { status: string; extensionRequest: unknown; events: { action: string }[] }; protectionDaysLeft: number; can: { review: boolean } };
    expect(loaded.deal.status).toBe("APPROVED");
    expect(loaded.deal.extensionRequest).not.toBeNull();
    expect(loaded.protectionDaysLeft).toBeGreaterThan(80);
    expect(loaded.can.review).toBe(false);
    expect(loaded.deal.events.map((e) => e.action)).toEqual(["SUBMITTED", "APPROVED", "EXTENSION_REQUESTED"]);
  });
});

describe("the review queue", () => {
  it("is for channel managers only, most urgent first, and approves, rejects and bulk-approves", async () => {
    const partnerView = await answer(() => reviewLoader({ request: new Request("http://localhost/review"), context: routeContext(partner), params: {} } as never));
    expect(partnerView.status).toBe(403);

    const ids: string[] = [];
    for (const name of ["Ahlgrim Kunststoff", "Bodenstedt Papier", "Carstensen Glas"]) {
      ids.push((await register(partner, registrationFields(name))).location!.split("/").pop()!);
    }
    const queue = await answer(() => reviewLoader({ request: new Request("http://localhost/review?pageSize=200"), context: routeContext(manager), params: {} } as never));
    const items = (queue.body as { items: { id: string; submittedAt: string }[]; total: number }).items;
    const submitted = items.map((i) => i.submittedAt);
    expect([...submitted].sort()).toEqual(submitted);

    const review = (fields: Record<string, string | string[]>) => answer(() => reviewAction({ request: formRequest("/review", fields), context: routeContext(manager), params: {} } as never));
    expect((await review({ intent: "reject", dealId: ids[0]!, title: "x", reason: "Customer is a direct account" })).status).toBe(200);
    const bulk = await review({ intent: "bulk-approve", dealIds: [ids[0]!, ids[1]!, ids[2]!] });
    expect(bulk.body).toMatchObject({ kind: "bulk", approved: 2, skipped: 1 });
    const statuses = await db.deal.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
    expect(Object.fromEntries(statuses.map((d) => [d.id, d.status]))).toEqual({ [ids[0]!]: "REJECTED", [ids[1]!]: "APPROVED", [ids[2]!]: "APPROVED" });
    const again = await review({ intent: "approve", dealId: ids[1]!, title: "x" });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ ok: false, error: "refused" });
  });
});

describe("the CSV export", () => {
  it("holds only the partner's own organization's deals, with formula cells neutralized", async () => {
    await register(partner2, registrationFields("=HYPERLINK(\"http://evil\")", { title: "+cmd|' /C calc'!A0" }));
    const res = await exportLoader({ request: new Request("http://localhost/deals/export.csv"), context: routeContext(partner2), params: {} } as never);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const csv = (await res.text()).replace(/^\uFEFF/, "");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toMatch(/^id,title,partner,customer,/);
    expect(lines.length - 1).toBe(await db.deal.count({ where: { partnerOrgId: partner2.partnerOrgId! } }));
    const partnerOrgName = (await db.partnerOrg.findUniqueOrThrow({ where: { id: partner.partnerOrgId! }, select: { name: true } })).name;
    expect(csv).not.toContain(partnerOrgName);
    const ownDeal = await db.deal.findFirstOrThrow({ where: { partnerOrgId: partner.partnerOrgId! }, select: { id: true } });
    expect(csv).not.toContain(ownDeal.id);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain("'+cmd|' /C calc'!A0");
    expect(csv).not.toMatch(/(^|,)[=+@]/m);
  });
});

// partnerWindows against a real database: a known partner's half-year windows around a
// snapshot, with the boundaries half-open, and a partner with no data at all.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { partnerWindows } from "./churn-history.ts";

let partnerOrgId = "";

beforeAll(async () => {
  const region = await db.region.findFirstOrThrow({ select: { code: true } });
  const [org, product, customer] = await Promise.all([
    db.partnerOrg.create({ data: { name: "Window Test Partner", regionCode: region.code, country: "DE" }, select: { id: true } }),
    db.product.findFirstOrThrow({ select: { id: true } }),
    db.customer.findFirstOrThrow({ select: { id: true } }),
  ]);
  partnerOrgId = org.id;
  const sale = (soldOn: string, amount: number) => ({
    partnerOrgId, regionCode: region.code, productId: product.id, soldOn: new Date(`${soldOn}T00:00:00Z`), amount: BigInt(amount), currency: "EUR",
  });
  await db.salesRecord.createMany({
    data: [sale("2019-12-31", 1), sale("2020-01-01", 10), sale("2020-06-30", 20), sale("2020-07-01", 300), sale("2020-12-31", 400), sale("2021-01-01", 5000), sale("2021-07-01", 99)],
  });
  const deal = (status: "WON" | "LOST", closedAt: string) => ({
    partnerOrgId, customerId: customer.id, title: `Window ${status} ${closedAt}`, amount: 1n, currency: "EUR", expectedCloseDate: new Date(closedAt),
    status, stage: "CLOSED" as const, submittedAt: new Date("2020-03-01T00:00:00Z"), closedAt: new Date(closedAt),
  });
  await db.deal.createMany({
    data: [deal("WON", "2020-05-01T00:00:00Z"), deal("LOST", "2020-09-01T00:00:00Z"), deal("WON", "2020-12-31T23:59:59Z"), deal("WON", "2021-01-01T00:00:00Z")],
  });
  await db.activity.createMany({
    data: [
      { partnerOrgId, kind: "LOGIN", occurredAt: new Date("2020-02-01T00:00:00Z") },
      { partnerOrgId, kind: "LOGIN", occurredAt: new Date("2020-08-01T00:00:00Z") },
      { partnerOrgId, kind: "DEMO", occurredAt: new Date("2020-08-02T00:00:00Z") },
      { partnerOrgId, kind: "CERTIFICATION", occurredAt: new Date("2019-11-05T10:00:00Z") },
      { partnerOrgId, kind: "MARKETING_EVENT", occurredAt: new Date("2020-08-03T00:00:00Z") },
    ],
  });
});

describe("partnerWindows", () => {
  it("sums the two quarters before, the two before those and the two after the snapshot", async () => {
    const windows = await partnerWindows(db, [new Date("2021-01-01T00:00:00Z")]);
    expect(windows.find((w) => w.partnerOrgId === partnerOrgId)).toEqual({
      partnerOrgId,
      asOf: "2021-01-01",
      last: { revenue: 700, won: 1, lost: 1, submitted: 0, logins: 1, actions: 1 },
      prior: { revenue: 30, won: 1, lost: 0, submitted: 4, logins: 1, actions: 0 },
      next: { revenue: 5000, won: 1 },
      lastCertificationOn: "2019-11-05",
    });
  });

  it("gives every partner org a row per snapshot, zeros where nothing happened", async () => {
    const days = [new Date("2021-01-01T00:00:00Z"), new Date("1990-01-01T00:00:00Z")];
    const windows = await partnerWindows(db, days);
    expect(windows).toHaveLength(2 * (await db.partnerOrg.count()));
    expect(windows.find((w) => w.asOf === "1990-01-01" && w.partnerOrgId === partnerOrgId)).toMatchObject({
      last: { revenue: 0, won: 0, lost: 0, submitted: 0, logins: 0, actions: 0 },
      next: { revenue: 0, won: 0 },
      lastCertificationOn: null,
    });
    expect(await partnerWindows(db, [])).toEqual([]);
  });
});

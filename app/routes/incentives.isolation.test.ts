// Property-based (fast-check): whatever the ledgers of several partner organizations hold and
// whichever partnerOrgId a partner user puts in the query, the statement's page loader, its
// `.data` request, the JSON API and the CSV export return only that user's organization's entries
// (and 404 for another organization's id).
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../models/auth/users.ts";
import { db } from "../../models/db/client.ts";
import { commissionPrograms, createTestPartner, generatedEntry, insertEntries, type TestPartner } from "../../models/incentives/statement-fixtures.ts";
import { invoke, routeContext } from "../../test/routes.ts";
import { loader as apiLoader } from "./api/incentives.statement.ts";
import { loader as csvLoader } from "./incentives.export.ts";
import { loader as pageLoader } from "./incentives.tsx";
import { csvRecords, statementData } from "./incentives.test-support.ts";

let programs: Record<"EUR" | "USD", string>;
let run = 0;

beforeAll(async () => {
  programs = await commissionPrograms(db);
});

type Ids = { status: number; ids: string[] };

const request = (user: SessionUser, path: string) => ({ request: new Request(`http://localhost${path}`), context: routeContext(user), params: {} });

/** The entry ids each channel returns for `query` (empty when it refuses). */
async function idsThroughEveryChannel(user: SessionUser, query: string): Promise<Record<"page" | "data" | "api" | "csv", Ids>> {
  const page = await invoke(pageLoader, request(user, `/incentives?${query}`));
  const pageIds = page.status === 200 ? ((await page.json()) as { statement: { entries: { id: string }[] } }).statement.entries.map((e) => e.id) : [];
  const data = await statementData(user, `/incentives.data?${query}`);
  const dataIds = data.status === 200 ? (data.loaderData as { statement: { entries: { id: string }[] } }).statement.entries.map((e) => e.id) : [];
  const api = await invoke(apiLoader, request(user, `/api/v1/incentives/statement?${query}`));
  const apiIds = api.status === 200 ? ((await api.json()) as { entries: { id: string }[] }).entries.map((e) => e.id) : [];
  const csv = await invoke(csvLoader, request(user, `/incentives/export.csv?${query}`));
  const csvIds = csv.status === 200 ? csvRecords(await csv.text()).slice(1).map((record) => record[0]) : [];
  return {
    page: { status: page.status, ids: pageIds },
    data: { status: data.status, ids: dataIds },
    api: { status: api.status, ids: apiIds },
    csv: { status: csv.status, ids: csvIds },
  };
}

describe("a partner never sees another organization's entries", () => {
  it("through the page, `.data`, the API or the CSV, whatever partnerOrgId they send", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(generatedEntry, { maxLength: 8 }), { minLength: 2, maxLength: 3 }),
        fc.nat(),
        fc.constantFrom<"none" | "own" | "other">("none", "own", "other"),
        async (ledgers, pick, named) => {
          run++;
          const partners: TestPartner[] = [];
          const idsByOrg: string[][] = [];
          for (const [index, entries] of ledgers.entries()) {
            const partner = await createTestPartner(db, `Property Isolation ${run}-${index}`);
            partners.push(partner);
            idsByOrg.push(await insertEntries(db, partner.orgId, entries, programs));
          }
          const own = pick % partners.length;
          const other = (own + 1) % partners.length;
          const partnerOrgId = named === "own" ? partners[own].orgId : named === "other" ? partners[other].orgId : null;
          const query = new URLSearchParams({ from: "2024-01-01", to: "2026-12-31", ...(partnerOrgId ? { partnerOrgId } : {}) }).toString();

          const channels = await idsThroughEveryChannel(partners[own].user, query);
          const ownIds = [...idsByOrg[own]].sort();
          for (const [channel, { status, ids }] of Object.entries(channels)) {
            if (named === "other") {
              expect({ channel, status }).toEqual({ channel, status: 404 });
              expect(ids).toEqual([]);
            } else {
              expect({ channel, status }).toEqual({ channel, status: 200 });
              expect({ channel, ids: [...ids].sort() }).toEqual({ channel, ids: ownIds });
            }
          }
          const returned = Object.values(channels).flatMap((c) => c.ids);
          if (returned.length > 0) {
            const owners = await db.incentiveLedgerEntry.findMany({ where: { id: { in: returned.map(BigInt) } }, select: { partnerOrgId: true }, distinct: ["partnerOrgId"] });
            expect(owners).toEqual([{ partnerOrgId: partners[own].orgId }]);
          }
        },
      ),
      { numRuns: 20 },
    );
  }, 180_000);
});

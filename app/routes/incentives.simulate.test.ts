// The simulator page's loader against the seeded demo: managers and admins get the report for
// the months in the URL, partners and regional leads get a 403 (the `.data` request too) that
// reveals no figure, an unknown programme is a 404, bad months a 422 the page shows; and the
// page itself rendered from a real report.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createRoutesStub } from "react-router";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../models/db/client.ts";
import type { SimulationReport } from "../../models/incentives/simulate.ts";
import { COMMISSION_PROGRAM_KEY } from "../../models/seed/incentives.ts";
import { demoUser, invoke, routeContext } from "../../test/routes.ts";
import { createI18n } from "../i18n/index.ts";
import * as page from "./incentives.simulate.tsx";

let draftId: string;

const pageRequest = (programId: string, search = "", suffix = "") => new Request(`http://localhost/incentives/programs/${programId}/simulate${suffix}${search}`);

async function load(email: string, programId: string, search = "", suffix = "") {
  return invoke(page.loader, { request: pageRequest(programId, search, suffix), context: routeContext(await demoUser(email)), params: { programId } });
}

beforeAll(async () => {
  const draft = await db.incentiveProgram.create({
    data: { key: COMMISSION_PROGRAM_KEY, version: 3, name: "Commission on won deals (6 %)", kind: "COMMISSION", status: "DRAFT", rules: { rateBasisPoints: 600 }, effectiveFrom: new Date("2031-01-01") },
    select: { id: true },
  });
  draftId = draft.id;
});

describe("/incentives/programs/:programId/simulate", () => {
  it("shows managers and admins the draft next to the active version, 12 months by default", async () => {
    for (const email of ["manager@example.com", "admin@example.com"]) {
      const res = await load(email, draftId);
      expect(res.status, email).toBe(200);
      const body = (await res.json()) as { months: string; report: SimulationReport; error: null };
      expect(body.months).toBe("12");
      expect(body.report.window.months).toBe(12);
      expect(body.report.candidate.program).toMatchObject({ id: draftId, status: "DRAFT" });
      expect(body.report.active?.program).toMatchObject({ status: "ACTIVE", key: COMMISSION_PROGRAM_KEY });
      expect(body.report.candidate.totalCost.amount).toBeGreaterThan(body.report.active?.totalCost.amount ?? Infinity);
    }
  }, 60_000);

  it("keeps the months chosen in the URL", async () => {
    const body = await (await load("manager@example.com", draftId, "?months=3")).json();
    expect(body.months).toBe("3");
    expect(body.report.window.months).toBe(3);
  }, 60_000);

  it("refuses partners and regional leads with a 403 that carries no figure, on the page and its .data request", async () => {
    for (const email of ["partner@example.com", "partner2@example.com", "lead@example.com"]) {
      for (const suffix of ["", ".data"]) {
        const res = await load(email, draftId, "?months=12", suffix);
        expect(res.status, `${email}${suffix}`).toBe(403);
        const text = await res.text();
        expect(text).not.toMatch(/totalCost|candidate|Commission/);
      }
    }
  });

  it("answers 404 for an unknown programme and 422 with a clear error for bad months", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-program"]) {
      expect((await load("manager@example.com", id)).status, id).toBe(404);
    }
    for (const months of ["0", "99", "twelve", "1.5"]) {
      const res = await load("manager@example.com", draftId, `?months=${months}`);
      expect(res.status, months).toBe(422);
      expect(await res.json()).toEqual({ months, report: null, error: { kind: "months" } });
    }
  });
});

describe("the simulator page", () => {
  it("renders the versions, the figures, the slices and the ledger note from the loader's report", async () => {
    const body = await (await load("manager@example.com", draftId, "?months=6")).json();
    const html = renderPage({ ...body, report: revive(body.report) });
    expect(html).toContain("Nothing was written to the ledger");
    expect(html).toContain("Commission on won deals (6 %) · v3 · Draft");
    expect(html).toContain("Commission on won deals · v1 · Active");
    expect(html).toContain('data-testid="simulation-by-region"');
    expect(html).toContain('data-testid="simulation-by-partner"');
    expect(html).toMatch(/data-testid="cost-delta" data-value="\d+"/);
    expect(html).toContain(body.report.byPartner.top[0].label.replaceAll("&", "&amp;"));
    expect(html).toContain("6 % of ");
  }, 60_000);

  it("renders the months error clearly", async () => {
    const html = renderPage({ months: "99", report: null, error: { kind: "months" } });
    expect(html).toContain("Choose between 1 and 36 months.");
    expect(html).toContain('aria-invalid="true"');
  });
});

/** The report as the browser receives it: dates as Dates (React Router's stream keeps them). */
function revive(report: SimulationReport): SimulationReport {
  const date = (value: unknown) => new Date(String(value));
  return {
    ...report,
    window: { ...report.window, from: date(report.window.from), to: date(report.window.to) },
    samples: report.samples.map((sample) => ({ ...sample, occurredAt: date(sample.occurredAt) })),
  };
}

/** The page rendered on the server as React Router would, with the loader's data already there. */
function renderPage(loaderData: unknown): string {
  const path = `/incentives/programs/${draftId}/simulate`;
  const Stub = createRoutesStub([{ id: "simulate", path: "/incentives/programs/:programId/simulate", Component: page.default as never, loader: () => loaderData }]);
  return renderToString(
    createElement(I18nextProvider, { i18n: createI18n("en") }, createElement(Stub, { initialEntries: [path], hydrationData: { loaderData: { simulate: loaderData } } })),
  );
}

// The partner pages rendered on the server from their real loaders: the empty state before any
// run, the list's segment, band and churn columns with the models' quality, the profile's KPI tiles,
// reasons in words and statement link, and the segments page's quality tiles and centroid table.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../models/auth/users.ts";
import { db } from "../../models/db/client.ts";
import { computePartnerFeatures } from "../../models/partners/features.ts";
import { churnReasonText, insertSegmentRun } from "../../models/partners/score-fixtures.ts";
import { renderPage } from "../../test/render-page.tsx";
import { demoUser } from "../../test/routes.ts";
import PartnerProfilePage, { loader as profileLoader } from "./partners.partner.tsx";
import Partners, { loader as listLoader } from "./partners.tsx";
import Segments, { loader as segmentsLoader } from "./segments.tsx";

const NO_RUN = 'Segments are computed nightly; none yet — run <code class="rounded bg-slate-100 px-1 py-0.5 text-[0.85em]">segment-partners</code> from the jobs page.';
let manager: SessionUser;
let orgId: string;

beforeAll(async () => {
  manager = await demoUser("manager@example.com");
  orgId = (await demoUser("partner@example.com")).partnerOrgId ?? "";
});

describe("before any run", () => {
  it("every page says how segments get computed", async () => {
    const list = await renderPage(manager, "/partners", "partners", Partners, listLoader);
    const profile = await renderPage(manager, `/partners/${orgId}`, "partners/:partnerOrgId", PartnerProfilePage, profileLoader);
    const segments = await renderPage(manager, "/segments", "segments", Segments, segmentsLoader);
    for (const html of [list, profile, segments]) expect(html).toContain(NO_RUN);
    expect(segments).toContain('data-testid="no-segment-run"');
  });
});

describe("with a run", () => {
  beforeAll(async () => {
    await computePartnerFeatures(db);
    await insertSegmentRun(db, { scores: [{ partnerOrgId: orgId, segment: "Champions", health: 35, churn: 0.62 }] });
  });

  it("the list shows segment, band, churn risk with its main reason, and the models' quality", async () => {
    const html = await renderPage(manager, "/partners?segment=Champions", "partners", Partners, listLoader);
    expect(html).toContain('data-testid="partner-row"');
    expect(html).toContain('data-band="at-risk"');
    expect(html).toContain("62%");
    expect(html).toContain(churnReasonText("Champions"));
    expect(html).toMatch(/silhouette 0\.42 · churn model: AUC 0\.81, Brier 0\.12/);
  });

  it("the profile shows KPI tiles, reasons in words, quality and the statement link", async () => {
    const html = await renderPage(manager, `/partners/${orgId}`, "partners/:partnerOrgId", PartnerProfilePage, profileLoader);
    for (const testId of ["kpi-revenue-12m", "kpi-growth", "kpi-win-rate", "kpi-avg-deal", "kpi-cycle-days", "kpi-pipeline", "kpi-earnings", "chart-revenue", "chart-pipeline", "chart-activity", "health-gauge", "activity-timeline", "profile-deals"]) {
      expect(html, testId).toContain(`data-testid="${testId}"`);
    }
    expect(html).toContain("High revenue, growing, winning most deals");
    expect(html).toContain(churnReasonText("Champions"));
    expect(html).toContain("Won 7 of 10 deals in 12 months");
    expect(html).toContain(`/incentives?partnerOrgId=${orgId}`);
    expect(html).toMatch(/AUC 0\.81/);
    expect(html).toMatch(/href="\/deals\/[0-9a-f-]{36}"/);
  });

  it("gives a regional lead the profile without links to pages their role cannot open", async () => {
    const lead = await demoUser("lead@example.com");
    const html = await renderPage(lead, `/partners/${orgId}`, "partners/:partnerOrgId", PartnerProfilePage, profileLoader);
    expect(html).toContain(churnReasonText("Champions"));
    expect(html).not.toContain("/incentives?partnerOrgId=");
    expect(html).not.toMatch(/href="\/deals\//);
  });

  it("the segments page shows k, silhouette, churn AUC, segment cards and the centroid profile", async () => {
    const html = await renderPage(manager, "/segments", "segments", Segments, segmentsLoader);
    expect(html).toMatch(/data-testid="segments-k" data-value="3"/);
    expect(html).toMatch(/data-testid="segments-silhouette" data-value="0.42"/);
    expect(html).toMatch(/data-testid="segments-churn-auc" data-value="0.81"/);
    expect(html).toContain('data-testid="segment-radar"');
    expect(html).toContain("Little revenue and rarely logs in");
    expect(html).toContain("/partners?segment=Steady+performers");
    expect(html).toContain("Logins, 90 days");
    expect(html).toContain("900K");
  });
});

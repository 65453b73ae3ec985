// The statement page rendered on the server from its real loader data: KPI tiles with raw values,
// tier progress bars with aria values and the "more to reach" sentence, SPIFF cards, entries with
// their programme (or "Manual adjustment" / "Payout") and deal link, and the empty state.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../models/auth/users.ts";
import { db } from "../../models/db/client.ts";
import { commissionPrograms, createTestPartner, insertEntries } from "../../models/incentives/statement-fixtures.ts";
import { renderPage } from "../../test/render-page.tsx";
import { demoUser } from "../../test/routes.ts";
import Incentives, { loader } from "./incentives.tsx";

let manager: SessionUser;
let fresh: { orgId: string; user: SessionUser };
let dealId: string;

/** The page's HTML for `path`, with the loader run as `user` (root data: English, UTC). */
const render = (user: SessionUser, path: string) => renderPage(user, path, "incentives", Incentives, loader);

beforeAll(async () => {
  manager = await demoUser("manager@example.com");
  fresh = await createTestPartner(db, "Render Statement GmbH");
  const customer = await db.customer.findFirstOrThrow({ select: { id: true }, orderBy: { id: "asc" } });
  const deal = await db.deal.create({
    data: { partnerOrgId: fresh.orgId, customerId: customer.id, title: "Render test rollout", amount: 1_000_000n, currency: "EUR", expectedCloseDate: new Date("2026-02-01"), stage: "CLOSED", status: "WON" },
    select: { id: true },
  });
  dealId = deal.id;
  await insertEntries(db, fresh.orgId, [
    { kind: "ACCRUAL", amount: 50_000, currency: "EUR", occurredAt: new Date("2026-02-01T10:00:00Z"), explanation: "5 % of €10,000.00: Commission on won deals", dealId },
    { kind: "ACCRUAL", amount: 1_100, currency: "EUR", occurredAt: new Date("2026-02-02T10:00:00Z"), explanation: "Additional commission" },
    { kind: "ADJUSTMENT", amount: 1_000, currency: "EUR", occurredAt: new Date("2026-02-05T10:00:00Z"), explanation: "Goodwill for the fair" },
    { kind: "PAYOUT", amount: -30_000, currency: "EUR", occurredAt: new Date("2026-03-01T10:00:00Z"), explanation: "Paid by bank transfer" },
  ], await commissionPrograms(db));
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await db.incentiveProgram.create({
    data: {
      key: "render-spiff", version: 1, name: "Render SPIFF", kind: "SPIFF", status: "ACTIVE", currency: "EUR", effectiveFrom: new Date("2026-01-01"),
      rules: { from: day(-5), to: day(10), bonus: 25_000, budgetCap: 500_000, regionCodes: ["DACH"] },
    },
  });
});

describe("statement page rendering", () => {
  it("renders KPI tiles, tier progress, entries and the export link", async () => {
    const html = await render(fresh.user, "/incentives?from=2026-01-01&to=2026-03-31");
    expect(html).toContain('data-testid="kpi-earned" data-value="EUR:52100"');
    expect(html).toContain('data-testid="kpi-paid" data-value="EUR:30000"');
    expect(html).toContain('data-testid="kpi-balance" data-value="EUR:22100"');
    expect(html).toMatch(/role="progressbar"[^>]*aria-valuemin="0"[^>]*aria-valuemax="100"[^>]*aria-valuenow="\d+"/);
    expect(html).toMatch(/more (sales|won volume) this quarter reaches tier \d|Top tier reached/);
    expect(html).toContain("Manual adjustment");
    expect(html).toContain(">Payout<");
    expect(html).toContain("Commission on won deals v1");
    expect(html).toContain(`href="/deals/${dealId}"`);
    expect(html).toContain('href="/incentives/export.csv?from=2026-01-01&amp;to=2026-03-31"');
    expect(html).not.toContain('data-testid="adjust-link"');
    expect(html).toContain('data-testid="spiff-days-left" data-value="10"');
    expect(html).toContain("10 days left");
    expect(html).toContain('data-testid="spiff-budget-left" data-value="500000"');
  });

  it("shows the empty state for a period without entries, and the picker to a manager", async () => {
    expect(await render(fresh.user, "/incentives?from=2025-01-01&to=2025-03-31")).toContain('data-testid="statement-empty"');
    const picking = await render(manager, "/incentives?q=Render%20Statement");
    expect(picking).toContain('data-testid="statement-pick-partner"');
    expect(picking).toContain("Render Statement GmbH");
    const shown = await render(manager, `/incentives?partnerOrgId=${fresh.orgId}&from=2026-01-01&to=2026-03-31`);
    expect(shown).toContain(`href="/incentives/adjustments?partnerOrgId=${fresh.orgId}"`);
    expect(shown).toContain(`partnerOrgId=${fresh.orgId}&amp;from=2026-01-01&amp;to=2026-03-31`);
  });
});

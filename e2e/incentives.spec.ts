// Incentives end to end: a partner wins a deal, the worker accrues it (queued with the deal's
// transaction), and the partner's statement shows the explained entry while the tier progress
// moves by exactly the deal's value; a manager then credits the partner with a reason that the
// partner reads on the statement, and a form error keeps what was typed.
import { expect, test } from "@playwright/test";
import { queryE2eDb } from "./db.ts";
import { AdjustmentsPage, StatementPage } from "./pages/incentive-pages.ts";
import { signedIn } from "./pages/login-page.ts";

const REBATE = "quarterly-volume-rebate";

test("a won deal appears on the partner's statement, explained, and the tier progress moves", async ({ browser }) => {
  const [deal] = await queryE2eDb<{ id: string; title: string }>(
    `SELECT d.id, d.title FROM deal d
     WHERE d.partner_org_id = (SELECT partner_org_id FROM app_user WHERE email = 'partner@example.com')
       AND d.status = 'APPROVED' AND d.currency = 'EUR' ORDER BY d.submitted_at DESC LIMIT 1`,
  );
  expect(deal, "the demo partner has an approved euro deal").toBeDefined();

  const partner = await signedIn(browser, "partner@example.com");
  const statement = new StatementPage(partner);
  await statement.openThisQuarter();
  await expect(statement.tierBar(REBATE)).toBeVisible();
  const before = await statement.tierState(REBATE);

  await partner.goto(`/deals/${deal.id}`);
  await partner.getByLabel("Final value (EUR)").fill("120000");
  await partner.getByTestId("close-won").click();
  await expect(partner.getByTestId("action-message")).toContainText("closed");

  // The worker accrues within a few seconds of the commit; the statement shows it on reload.
  await expect(async () => {
    await statement.openThisQuarter();
    await expect(statement.entryForDeal(deal.title).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 45_000 });
  const entry = statement.entryForDeal(deal.title).filter({ hasText: "5 % of €120,000.00" });
  await expect(entry).toHaveCount(1);
  await expect(entry).toHaveAttribute("data-kind", "ACCRUAL");
  await expect(entry).toHaveAttribute("data-amount", "600000");

  const after = await statement.tierState(REBATE);
  expect(after.volume).toBe(before.volume + 12_000_000);
  expect(after.tier).toBeGreaterThanOrEqual(before.tier);
  expect(after.text).not.toBe(before.text);

  const [stored] = await queryE2eDb<{ n: string }>(`SELECT count(*) AS n FROM incentive_ledger_entry WHERE deal_id = $1 AND kind = 'ACCRUAL'`, [deal.id]);
  expect(Number(stored.n)).toBeGreaterThanOrEqual(1);
});

test("a manager's adjustment keeps the form on error, then reaches the partner's statement with its reason", async ({ browser }) => {
  const [org] = await queryE2eDb<{ name: string }>(`SELECT o.name FROM partner_org o JOIN app_user u ON u.partner_org_id = o.id WHERE u.email = 'partner@example.com'`);
  const manager = await signedIn(browser, "manager@example.com");
  const adjustments = new AdjustmentsPage(manager);
  await adjustments.openFor(org.name);
  const form = adjustments.adjustmentForm();
  await form.getByLabel("Amount").fill("350");
  await form.getByLabel("Reason").fill("too short");
  await form.getByRole("button", { name: "Record adjustment" }).click();
  await expect(form.getByRole("alert")).toBeVisible();
  await expect(form.getByLabel("Amount")).toHaveValue("350");
  await expect(form.getByLabel("Reason")).toHaveValue("too short");

  const reason = `Co-marketing fund for the November webinar ${Date.now()}`;
  await form.getByLabel("Reason").fill(reason);
  await form.getByRole("button", { name: "Record adjustment" }).click();
  await expect(manager.getByRole("status")).toContainText("Adjustment of €350.00 recorded");
  await expect(manager.getByTestId("manual-entries")).toContainText(reason);

  const partner = await signedIn(browser, "partner@example.com");
  const statement = new StatementPage(partner);
  await statement.openThisQuarter();
  const entry = partner.getByTestId("statement-entry").filter({ hasText: reason });
  await expect(entry).toHaveAttribute("data-kind", "ADJUSTMENT");
  await expect(entry).toHaveAttribute("data-amount", "35000");
});

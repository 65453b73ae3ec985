// Page objects for deal registration: the form with its live conflict warnings, the manager's
// review queue, and a deal's page with its timeline.
import { expect, type Locator, type Page } from "@playwright/test";

export type Registration = { customerName: string; domain: string; country: string; sku: string; title: string; amount: string; expectedCloseDate: string };

export class DealFormPage {
  constructor(private readonly page: Page) {}

  async openFromList() {
    await this.page.goto("/deals");
    await this.page.getByTestId("register-deal").click();
    await expect(this.page).toHaveURL(/\/deals\/new$/);
  }

  async fill(r: Registration) {
    const form = this.page.getByTestId("deal-form");
    await form.getByLabel("Customer name").fill(r.customerName);
    await form.getByLabel("Web domain").fill(r.domain);
    await form.getByLabel("Country").selectOption(r.country);
    await form.locator(`input[name="productSkus"][value="${r.sku}"]`).check();
    await form.getByLabel("Deal title").fill(r.title);
    await form.getByLabel("Value").fill(r.amount);
    await form.getByLabel("Expected close date").fill(r.expectedCloseDate);
  }

  liveConflicts(): Locator {
    return this.page.getByTestId("live-conflict-list").getByTestId("conflict");
  }

  async submit() {
    await this.page.getByRole("button", { name: "Register the deal" }).click();
  }
}

export class ReviewPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/review");
    await expect(this.page.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
  }

  /** Pages through the queue (oldest first) until the registration shows. */
  async findItem(dealId: string): Promise<Locator> {
    for (;;) {
      await expect(this.page.getByTestId("review-queue")).toBeVisible();
      if ((await this.item(dealId).count()) > 0) return this.item(dealId);
      const next = this.page.locator('a[rel="next"]');
      if ((await next.count()) === 0) throw new Error(`Deal ${dealId} is not in the review queue`);
      const current = this.page.url();
      await next.click();
      await expect(this.page).not.toHaveURL(current);
    }
  }

  item(dealId: string): Locator {
    return this.page.locator(`[data-testid="review-item"][data-deal-id="${dealId}"]`);
  }

  async approve(dealId: string) {
    await this.item(dealId).getByRole("button", { name: "Approve", exact: true }).click();
    await expect(this.page.getByTestId("review-message")).toContainText("is approved");
  }
}

export class DealPage {
  constructor(private readonly page: Page) {}

  async open(dealId: string) {
    await this.page.goto(`/deals/${dealId}`);
  }

  eventActions(): Promise<(string | null)[]> {
    return this.page.getByTestId("deal-event").evaluateAll((items) => items.map((i) => i.getAttribute("data-action")));
  }
}

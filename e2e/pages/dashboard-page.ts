// Page object for the role-aware dashboard: KPI values carry their raw number in data-value.
import { expect, type Page } from "@playwright/test";

export class DashboardPage {
  constructor(private readonly page: Page) {}

  async expectLoaded() {
    await expect(this.page).toHaveURL(/\/dashboard$/);
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  kpi(testId: string) {
    return this.page.getByTestId(testId);
  }

  async kpiValue(testId: string): Promise<number> {
    const raw = await this.kpi(testId).getAttribute("data-value");
    expect(raw, `${testId} has a data-value`).not.toBeNull();
    return Number(raw);
  }

  /** A money KPI's amounts per currency, from its data-value "EUR:123 USD:45". */
  async kpiMoney(testId: string): Promise<Record<string, number>> {
    const raw = (await this.kpi(testId).getAttribute("data-value")) ?? "";
    return Object.fromEntries(raw.split(" ").filter(Boolean).map((part) => [part.split(":")[0], Number(part.split(":")[1])]));
  }

  async signOut() {
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await expect(this.page).toHaveURL(/\/login$/);
  }
}

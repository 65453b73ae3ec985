// Page objects for incentives: the partner's statement (entries, tier progress, SPIFFs) and the
// manager's adjustments page.
import { expect, type Locator, type Page } from "@playwright/test";

export class StatementPage {
  constructor(private readonly page: Page) {}

  async openThisQuarter() {
    await this.page.goto("/incentives");
    await this.page.getByTestId("period-this-quarter").click();
    await expect(this.page.getByTestId("period-this-quarter")).toHaveAttribute("aria-current", "page");
  }

  tierBar(programKey: string): Locator {
    return this.page.getByTestId(`tier-progress-${programKey}`);
  }

  /** The quarter's volume (cents) and reached tier that the tier row shows. */
  async tierState(programKey: string): Promise<{ volume: number; tier: number; text: string }> {
    const row = this.page.getByTestId(`tier-${programKey}`);
    return {
      volume: Number(await row.getAttribute("data-volume")),
      tier: Number(await row.getAttribute("data-tier")),
      text: (await this.tierBar(programKey).getAttribute("aria-valuetext")) ?? "",
    };
  }

  entryForDeal(dealTitle: string): Locator {
    return this.page.getByTestId("statement-entry").filter({ has: this.page.getByRole("link", { name: dealTitle }) });
  }
}

export class AdjustmentsPage {
  constructor(private readonly page: Page) {}

  async openFor(partnerName: string) {
    await this.page.goto("/incentives/adjustments");
    await this.page.getByLabel("Partner name").fill(partnerName);
    await this.page.getByRole("button", { name: "Search" }).click();
    await this.page.getByTestId("partner-choices").getByRole("link", { name: partnerName }).click();
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  adjustmentForm(): Locator {
    return this.page.getByTestId("adjustment-form");
  }
}

// Page objects for the channel manager's partner pages: the filterable partner list, a partner's
// 360 profile (KPIs, charts, scores with reasons) and the segments page with its radar.
import { expect, type Locator, type Page } from "@playwright/test";

export class PartnersListPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/partners");
    await expect(this.page.getByRole("heading", { level: 1, name: "Partners" })).toBeVisible();
  }

  /** Picks a segment in the filter form and applies it (a GET form: the filter lands in the URL). */
  async filterBySegment(label: string) {
    await this.page.getByTestId("partner-filters").getByLabel("Segment").selectOption(label);
    await this.page.getByTestId("apply-filters").click();
    await expect.poll(() => new URL(this.page.url()).searchParams.get("segment")).toBe(label);
  }

  rows(): Locator {
    return this.page.getByTestId("partner-row");
  }

  /** Opens the first partner in the list; returns its id. */
  async openFirstPartner(): Promise<string> {
    const row = this.rows().first();
    const id = (await row.getAttribute("data-partner-id")) ?? "";
    await row.getByTestId("partner-link").click();
    await expect(this.page).toHaveURL(new RegExp(`/partners/${id}$`));
    return id;
  }
}

export class PartnerProfilePage {
  constructor(private readonly page: Page) {}

  profile(): Locator {
    return this.page.getByTestId("partner-profile");
  }

  kpi(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** The chart containers the profile drew (a partner without sales or pipeline shows an empty state instead). */
  charts(): Locator {
    return this.page.locator('[data-testid="chart-revenue"], [data-testid="chart-pipeline"], [data-testid="chart-activity"]');
  }

  /** Recharts' drawing surface inside a chart container. */
  chartSurface(chart: Locator): Locator {
    return chart.locator("svg.recharts-surface").first();
  }

  churnReasons(): Locator {
    return this.page.getByTestId("churn-reasons").getByTestId("reason");
  }

  modelQuality(): Locator {
    return this.page.getByTestId("model-quality").first();
  }
}

export class SegmentsPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/segments");
    await expect(this.page.getByRole("heading", { level: 1, name: "Segments" })).toBeVisible();
  }

  radarSurface(): Locator {
    return this.page.getByTestId("segment-radar").locator("svg.recharts-surface").first();
  }
}

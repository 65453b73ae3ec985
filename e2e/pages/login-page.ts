// Page object for the login page.
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "channelwise-demo";

export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(redirectTo?: string) {
    await this.page.goto(redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : "/login");
  }

  async signIn(email: string, password = DEMO_PASSWORD) {
    await this.page.getByLabel("E-mail").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  async expectError(text: RegExp | string) {
    await expect(this.page.getByRole("alert")).toContainText(text);
  }
}

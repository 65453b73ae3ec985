// Page object for the login page.
import { expect, type Browser, type Page } from "@playwright/test";

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

/** A new browser context signed in as `email`, on its dashboard. */
export async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email);
  await expect(page).toHaveURL(/\/dashboard$/);
  return page;
}

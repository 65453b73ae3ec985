// Runs a background job now, as the admin, through the jobs API, and waits until it completed:
// how an end-to-end test makes sure the demo has what a nightly job would have produced.
import { expect, type APIRequestContext, type PlaywrightWorkerArgs } from "@playwright/test";
import { DEMO_PASSWORD } from "./pages/login-page.ts";

/** A request context signed in as the demo admin; dispose it when done. */
export async function adminApi(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string | undefined): Promise<APIRequestContext> {
  const admin = await playwright.request.newContext({ baseURL });
  expect((await admin.post("/api/v1/auth/login", { data: { email: "admin@example.com", password: DEMO_PASSWORD } })).status()).toBe(200);
  return admin;
}

export async function runJob(admin: APIRequestContext, queue: string, timeout = 120_000): Promise<void> {
  const run = await admin.post(`/api/v1/admin/jobs/${queue}/run`, { data: {} });
  expect(run.status(), `POST /api/v1/admin/jobs/${queue}/run`).toBe(202);
  const { jobId } = (await run.json()) as { jobId: string };
  await expect
    .poll(async () => ((await (await admin.get(`/api/v1/admin/jobs/${queue}/${jobId}`)).json()) as { state: string }).state, { timeout })
    .toBe("completed");
}

// End-to-end tests in a real Chromium (Debian's, never a downloaded browser) against the real
// server: `tsx server/main.ts` on a fresh data dir, with its embedded PostgreSQL and demo seed.
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3197);
const pgPort = Number(process.env.E2E_PG_PORT ?? 54397);
export const e2eDataDir = ".data/e2e";
const executablePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const runningAsRoot = process.getuid?.() === 0;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--headless",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        ...(runningAsRoot ? ["--no-sandbox"] : []),
      ],
    },
  },
  webServer: {
    command: `node -e "require('node:fs').rmSync('${e2eDataDir}',{recursive:true,force:true})" && tsx server/main.ts`,
    url: `http://127.0.0.1:${port}/readyz`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGINT", timeout: 20_000 },
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: e2eDataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      LOG_LEVEL: "warn",
      JOBS_SCHEDULE: "false",
    },
  },
});

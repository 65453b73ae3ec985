import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{app,models,jobs,server,scripts,test}/**/*.test.{ts,tsx}"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup-db.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});

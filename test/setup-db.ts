// Per test file: a private copy of the seeded demo database, and DATABASE_URL pointing at it
// before any model code connects. A test fails if the code under test writes to console.error.
import { afterAll, beforeAll, inject, vi } from "vitest";
import { createTestDatabase, dropDatabase } from "./databases.ts";

const serverUrl = inject("testServerUrl");
const url = await createTestDatabase(serverUrl, "demo");
process.env.DATABASE_URL = url;

beforeAll(() => {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(" ")}`);
  });
});

afterAll(async () => {
  const { closeDb } = await import("../models/db/client.ts");
  await closeDb();
  await dropDatabase(serverUrl, new URL(url).pathname.slice(1));
});

import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { measureParseThroughput } from "./parse-bench.ts";

const available = existsSync(fileURLToPath(new URL("../../../shared/datasets/feeds/real-world/input", import.meta.url)));

// Only that the measurement runs over every input and reports rates: the speed budget is bench/market.ts's.
describe.skipIf(!available)("measureParseThroughput (skipped when ../shared/datasets is absent)", () => {
  it("parses every real-world feed item and every UNGM notice, and reports positive rates", () => {
    const result = measureParseThroughput({ minSeconds: 0.01 });
    expect(result).toMatchObject({ rssItems: 1369, htmlItems: 21 });
    expect(result.rssItemsPerSecond).toBeGreaterThan(0);
    expect(result.htmlItemsPerSecond).toBeGreaterThan(0);
  });
});

// `npm run segment`: clusters a CSV through main() (and once as a real process), with JSON in
// input order, and clear errors naming the row for bad files.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { adjustedRandIndex } from "../models/segments/adjusted-rand.ts";
import { gaussianBlobs } from "../models/segments/blobs.ts";
import { cliHarness } from "../test/cli-harness.ts";
import { main } from "./segment.ts";

const { file, run, path: scratchPath } = cliHarness("segment", main);
const blobs = gaussianBlobs({ clusters: 4, perCluster: 30, dimensions: 3, spread: 0.5, seed: 8 });

const blobCsv = () => ["name,x,y,z", ...blobs.rows.map((r, i) => `"Partner ${i}, Inc.",${r.join(",")}`)].join("\n");

describe("npm run segment", () => {
  it("finds the clusters of a CSV and prints JSON in input row order", async () => {
    const input = await file("blobs.csv", blobCsv());
    const { code, out, err } = await run(["--input", input, "--exclude", "name", "--json"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const result = JSON.parse(out) as { k: number; silhouette: number; sizes: number[]; columns: string[]; assignments: number[] };
    expect(result.k).toBe(4);
    expect(result.columns).toEqual(["x", "y", "z"]);
    expect(result.assignments).toHaveLength(blobs.rows.length);
    expect(adjustedRandIndex(blobs.labels, result.assignments)).toBe(1);
    expect(result.silhouette).toBeGreaterThan(0.7);
  });

  it("honours a fixed k and prints a readable report", async () => {
    const input = await file("blobs2.csv", blobCsv());
    const { code, out } = await run(["--input", input, "--exclude", "name", "--k", "3"]);
    expect(code).toBe(0);
    expect(out).toMatch(/^120 rows, 3 columns \(x, y, z\)\nk = 3\nsilhouette 0\.\d{3}\n/);
    expect(out).toContain("\nrow,cluster,distance\n1,");
    expect(out.trim().split("\n").at(-1)).toMatch(/^120,[0-2],\d+\.\d{3}$/);
  });

  it("names the row and column of a cell that is not a number, and the column to exclude", async () => {
    const input = await file("text.csv", blobCsv());
    const { code, err } = await run(["--input", input]);
    expect(code).toBe(1);
    expect(err).toBe(`Cannot segment ${input}: Row 1 (line 2), column "name": "Partner 0, Inc." is not a number; fix the cell or leave the column out with --exclude "name"\n`);
  });

  it("names a ragged row", async () => {
    const input = await file("ragged.csv", "a,b\n1,2\n3,4\n5\n6,7\n");
    const { code, err } = await run(["--input", input]);
    expect(code).toBe(1);
    expect(err).toContain("Row 3 (line 4) has 1 cells; the header has 2");
  });

  it("reports a missing file, too few rows and bad arguments", async () => {
    expect((await run(["--input", scratchPath("missing.csv")])).err).toMatch(/Cannot segment .*missing\.csv: ENOENT/);
    const tiny = await file("tiny.csv", "a\n1\n2\n3\n");
    expect(await run(["--input", tiny])).toMatchObject({ code: 1, err: expect.stringMatching(/Choosing k needs at least 4 rows/) });
    expect(await run([])).toMatchObject({ code: 2, err: expect.stringMatching(/^--input is required\nUsage:/) });
    expect(await run(["--input", tiny, "--k", "many"])).toMatchObject({ code: 2, err: expect.stringMatching(/--k must be "auto" or a whole number/) });
    expect(await run(["--input", tiny, "--colour"])).toMatchObject({ code: 2 });
  });

  it("runs as a process with the exit code of the outcome", async () => {
    const input = await file("bad.csv", "a,b\n1,x\n");
    const exec = promisify(execFile);
    const failure = await exec(process.execPath, ["--import", "tsx", "scripts/segment.ts", "--input", input]).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringContaining('Row 1 (line 2), column "b": "x" is not a number') });
    const ok = await exec(process.execPath, ["--import", "tsx", "scripts/segment.ts", "--input", await file("ok.csv", blobCsv()), "--exclude", "name", "--json"]);
    expect((JSON.parse(ok.stdout) as { k: number }).k).toBe(4);
  }, 60_000);
});

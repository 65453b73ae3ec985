// `npm run segment -- --input FILE.csv [--exclude COL ...] [--k auto|N] [--seed N] [--json]`
// Clusters any CSV of numeric columns with the code path of the nightly partner segments
// (robust scaling, k-means++ restarts, k by silhouette) and prints k, silhouette, sizes and each
// row's cluster; `--json` prints { k, silhouette, sizes, columns, centroids, tried, assignments }.
// Exit codes: 0 done, 1 the file cannot be clustered (the message names the row), 2 bad arguments.
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { clusterTable } from "../models/segments/cluster.ts";
import { readNumericTable } from "../models/segments/csv-table.ts";
import { DEFAULT_SEED } from "../models/segments/kmeans.ts";

export type Output = { out: (text: string) => void; err: (text: string) => void };

const USAGE = "Usage: npm run segment -- --input FILE.csv [--exclude COLUMN ...] [--k auto|N] [--seed N] [--json]";

type Options = { input: string; exclude: string[]; k: "auto" | number; seed: number; json: boolean };

function parseOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: { input: { type: "string" }, exclude: { type: "string", multiple: true }, k: { type: "string" }, seed: { type: "string" }, json: { type: "boolean" } },
  });
  if (!values.input) throw new Error("--input is required");
  const k = values.k ?? "auto";
  if (k !== "auto" && !/^\d+$/.test(k)) throw new Error(`--k must be "auto" or a whole number; got "${k}"`);
  if (values.seed !== undefined && !/^\d+$/.test(values.seed)) throw new Error(`--seed must be a whole number; got "${values.seed}"`);
  return { input: values.input, exclude: values.exclude ?? [], k: k === "auto" ? "auto" : Number(k), seed: values.seed === undefined ? DEFAULT_SEED : Number(values.seed), json: values.json ?? false };
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;

/** Runs the command; returns the exit code. */
export async function main(argv: readonly string[], io: Output): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  try {
    const text = await readFile(options.input, "utf8");
    const table = readNumericTable(text, options.exclude);
    const result = clusterTable(table.rows, { k: options.k, seed: options.seed });
    const centroids = result.centroids.map((c) => Object.fromEntries(table.columns.map((name, j) => [name, round(c[j])])));
    if (options.json) {
      const tried = result.tried.map((t) => ({ k: t.k, silhouette: round(t.silhouette) }));
      io.out(`${JSON.stringify({ k: result.k, silhouette: round(result.silhouette), sizes: result.sizes, columns: table.columns, centroids, tried, assignments: result.assignments })}\n`);
      return 0;
    }
    const lines = [
      `${table.rows.length} rows, ${table.columns.length} columns (${table.columns.join(", ")})`,
      `k = ${result.k}${options.k === "auto" ? ` (chosen by silhouette: ${result.tried.map((t) => `k=${t.k} ${t.silhouette.toFixed(3)}`).join(", ")})` : ""}`,
      `silhouette ${result.silhouette.toFixed(3)}`,
      "",
      "cluster  size  centre",
      ...result.sizes.map((size, c) => `${String(c).padStart(7)}  ${String(size).padStart(4)}  ${table.columns.map((name) => `${name}=${centroids[c][name]}`).join(" ")}`),
      "",
      "row,cluster,distance",
      ...result.assignments.map((cluster, i) => `${i + 1},${cluster},${result.distances[i].toFixed(3)}`),
    ];
    io.out(`${lines.join("\n")}\n`);
    return 0;
  } catch (error) {
    io.err(`Cannot segment ${options.input}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) });
}

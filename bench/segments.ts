// bench/segments: quality and speed of the segmentation path (models/segments/cluster.ts).
// Quality: synthetic Gaussian blobs with known labels (k must be found, adjusted Rand index 1.0)
// and the public Palmer penguins (vega-datasets; rows with a missing measurement dropped, the four
// measurements standardized, k = 3; ARI vs species ≥ 0.75, where scikit-learn's KMeans with 10
// restarts reaches 0.79). Speed: k 3–8 with 10 restarts each on 10,000 × 16 (≤ 5 s) and
// 100,000 × 16 (≤ 60 s; `--quick` skips it). Wall time is the budget; CPU time is printed too,
// because a busy machine inflates wall time. Exits 1 when a figure misses its budget.
// Run: npm run bench:segments [-- --quick]
import { readFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { adjustedRandIndex } from "../models/segments/adjusted-rand.ts";
import { gaussianBlobs } from "../models/segments/blobs.ts";
import { clusterTable, type ClusterTableOptions } from "../models/segments/cluster.ts";

const QUICK = process.argv.includes("--quick");
const budgets = { blobsAri: 1, penguinsAri: 0.75, speed10kSeconds: 5, speed100kSeconds: 60 };
const results: Record<string, number | string> = {};
let failed = false;

function check(name: string, figure: string, ok: boolean, budget: string): void {
  console.log(`  ${name.padEnd(44)} ${figure.padEnd(28)} ${budget.padEnd(16)} ${ok ? "ok" : "MISSED"}`);
  if (!ok) failed = true;
}

function blobs(): void {
  console.log("Synthetic blobs (k chosen in 3–8 by silhouette, robust scaling)");
  const cases = [
    { clusters: 3, perCluster: 400, dimensions: 2, spread: 1, seed: 1 },
    { clusters: 4, perCluster: 500, dimensions: 6, spread: 1, seed: 2 },
    { clusters: 6, perCluster: 300, dimensions: 10, spread: 1.5, seed: 3 },
    { clusters: 8, perCluster: 250, dimensions: 16, spread: 1.5, seed: 4 },
  ];
  for (const c of cases) {
    const data = gaussianBlobs(c);
    const result = clusterTable(data.rows, {});
    const ari = adjustedRandIndex(data.labels, result.assignments);
    results[`blobs_k${c.clusters}_found`] = result.k;
    results[`blobs_k${c.clusters}_ari`] = ari;
    check(`${c.clusters} blobs, ${c.clusters * c.perCluster} rows × ${c.dimensions}`, `k ${result.k}, ARI ${ari.toFixed(3)}`, result.k === c.clusters && ari >= budgets.blobsAri, `k ${c.clusters}, ARI ≥ ${budgets.blobsAri.toFixed(2)}`);
  }
}

type Penguin = Record<string, string | number | null>;
const MEASUREMENTS = ["Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"];

async function penguins(): Promise<void> {
  // The package's exports map does not list its data files, so read the file from node_modules.
  const file = new URL("../node_modules/vega-datasets/data/penguins.json", import.meta.url);
  const all = JSON.parse(await readFile(file, "utf8")) as Penguin[];
  const complete = all.filter((p) => Object.values(p).every((v) => v !== null && v !== "."));
  console.log(`Palmer penguins (${complete.length} of ${all.length} rows have no missing value; k = 3)`);
  const rows = complete.map((p) => MEASUREMENTS.map((m) => Number(p[m])));
  const species = complete.map((p) => String(p.Species));
  const variants: [string, ClusterTableOptions][] = [
    ["standardized (as scikit-learn's figure)", { scaling: "standard", k: 3 }],
    ["robust scaling (the partner path)", { scaling: "robust", k: 3 }],
  ];
  for (const [name, options] of variants) {
    const result = clusterTable(rows, options);
    const ari = adjustedRandIndex(species, result.assignments);
    results[`penguins_${options.scaling}_ari`] = ari;
    const gated = options.scaling === "standard";
    check(name, `ARI ${ari.toFixed(3)}, silhouette ${result.silhouette.toFixed(3)}`, !gated || ari >= budgets.penguinsAri, gated ? `ARI ≥ ${budgets.penguinsAri}` : "(for reference)");
  }
  const auto = clusterTable(rows, { scaling: "standard" });
  const measured = all.filter((p) => MEASUREMENTS.every((m) => typeof p[m] === "number"));
  const measuredResult = clusterTable(measured.map((p) => MEASUREMENTS.map((m) => Number(p[m]))), { scaling: "standard", k: 3 });
  console.log(`  (k chosen by silhouette instead: k ${auto.k}, ARI ${adjustedRandIndex(species, auto.assignments).toFixed(3)};`);
  console.log(`   keeping the ${measured.length} rows with all four measurements: ARI ${adjustedRandIndex(measured.map((p) => String(p.Species)), measuredResult.assignments).toFixed(3)})`);
}

function speed(rowsCount: number, budgetSeconds: number): void {
  // Overlapping blobs (5 planted, spread 2, centres only 4 apart) so k-means has to iterate.
  const data = gaussianBlobs({ clusters: 5, perCluster: rowsCount / 5, dimensions: 16, spread: 2, separation: 4, seed: 5 });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = clusterTable(data.rows, { restarts: 10 });
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = process.cpuUsage(cpu).user / 1e6;
  results[`speed_${rowsCount}_seconds`] = seconds;
  results[`speed_${rowsCount}_cpu_seconds`] = cpuSeconds;
  const ari = adjustedRandIndex(data.labels, result.assignments);
  results[`speed_${rowsCount}_k`] = result.k;
  results[`speed_${rowsCount}_ari`] = ari;
  check(`${rowsCount.toLocaleString("en")} × 16, k 3–8 × 10 restarts`, `${seconds.toFixed(2)} s (CPU ${cpuSeconds.toFixed(2)} s)`, seconds <= budgetSeconds, `≤ ${budgetSeconds} s`);
  console.log(`    found k ${result.k} of 5 planted, ARI ${ari.toFixed(3)}, silhouette ${result.silhouette.toFixed(3)}`);
}

console.log(`bench/segments${QUICK ? " (--quick: 100,000 rows skipped)" : ""}`);
blobs();
await penguins();
console.log("Speed (robust scaling, k-means++ restarts, silhouette sampled above 3,000 rows)");
speed(10_000, budgets.speed10kSeconds);
if (!QUICK) speed(100_000, budgets.speed100kSeconds);
console.log(JSON.stringify({ bench: "segments", ...results }));
if (failed) process.exitCode = 1;

// bench/startup: time from `npm start` to /readyz = 200 on a fresh data dir (migrate + seed,
// plus the web build when none is current) and on a warm one (data reused, no reseed), and the
// time Ctrl-C (SIGINT) takes to stop web, worker and database. Fails when a start does not
// reach ready or a stop is not clean; prints each figure next to its budget.
// `--cold` forgets the current web build first, to measure a first start on a fresh clone.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "../models/db/embedded.ts";
import { isBuildCurrent, projectRoot } from "../server/build.ts";

const budgets = { freshMs: 90_000, warmMs: 15_000, stopMs: 15_000 };

type Run = { readyMs: number; stopMs: number; exitCode: number | null; output: string };

async function waitReady(url: string, child: ReturnType<typeof spawn>, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("npm start did not become ready in time");
}

async function startAndStop(dataDir: string): Promise<Run> {
  const port = await freePort();
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs"), "server/main.ts"], {
    cwd: projectRoot,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "info", DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  try {
    await waitReady(`http://127.0.0.1:${port}/readyz`, child, started + 300_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`${(error as Error).message}\n--- output ---\n${output.slice(-3000)}`);
  }
  const readyMs = Date.now() - started;
  const stopStarted = Date.now();
  child.kill("SIGINT");
  const exitCode = await Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), 60_000))]);
  return { readyMs, stopMs: Date.now() - stopStarted, exitCode, output };
}

function row(name: string, ms: number, budget: number) {
  const verdict = ms <= budget ? "within budget" : "OVER BUDGET";
  console.log(`${name.padEnd(38)} ${(ms / 1000).toFixed(1).padStart(6)} s   budget ${(budget / 1000).toFixed(0)} s   ${verdict}`);
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), "channelwise-bench-startup-"));
try {
  if (process.argv.includes("--cold")) await rm(path.join(projectRoot, "build", ".source-hash"), { force: true });
  const buildWasCurrent = await isBuildCurrent();
  const fresh = await startAndStop(dataDir);
  const warm = await startAndStop(dataDir);
  console.log(`bench/startup on ${os.cpus().length} cores, Node ${process.versions.node}`);
  row(`fresh data dir${buildWasCurrent ? "" : " + web build"} (migrate, seed)`, fresh.readyMs, budgets.freshMs + (buildWasCurrent ? 0 : 120_000));
  row("warm data dir (no reseed)", warm.readyMs, budgets.warmMs);
  row("Ctrl-C to stopped (fresh run)", fresh.stopMs, budgets.stopMs);
  row("Ctrl-C to stopped (warm run)", warm.stopMs, budgets.stopMs);
  const problems: string[] = [];
  for (const [name, run] of [["fresh", fresh], ["warm", warm]] as const) {
    if (run.exitCode !== 0) problems.push(`${name} run did not stop cleanly (exit ${run.exitCode})\n${run.output.slice(-2000)}`);
  }
  if (!/seeded/i.test(fresh.output)) problems.push("the fresh run did not seed the demo data");
  if (/seeding/i.test(warm.output)) problems.push("the warm run seeded again");
  if (problems.length) {
    console.error(problems.join("\n"));
    process.exitCode = 1;
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}

// Builds the web app when no build exists or the sources changed since the last one, so
// `npm start` on a fresh clone (or after a `git pull`) serves current code.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export const projectRoot = path.resolve(import.meta.dirname, "..");
const stampFile = path.join(projectRoot, "build", ".source-hash");
const inputs = ["app", "models", "public", "package-lock.json", "package.json", "vite.config.ts", "react-router.config.ts", "prisma/schema.prisma"];

async function collect(entry: string, out: string[]): Promise<void> {
  const full = path.join(projectRoot, entry);
  if (!existsSync(full)) return;
  const dirents = await readdir(full, { withFileTypes: true }).catch(() => null);
  if (!dirents) {
    out.push(entry);
    return;
  }
  for (const d of dirents) {
    if (d.name.endsWith(".test.ts") || d.name.endsWith(".test.tsx")) continue;
    await collect(path.join(entry, d.name), out);
  }
}

/** A hash over every file the web build is made from. */
export async function sourceHash(): Promise<string> {
  const files: string[] = [];
  for (const entry of inputs) await collect(entry, files);
  const hash = createHash("sha256");
  for (const file of files.sort()) {
    hash.update(file).update("\0").update(await readFile(path.join(projectRoot, file))).update("\0");
  }
  return hash.digest("hex");
}

export async function isBuildCurrent(): Promise<boolean> {
  if (!existsSync(path.join(projectRoot, "build", "server", "index.js")) || !existsSync(stampFile)) return false;
  return (await readFile(stampFile, "utf8")).trim() === (await sourceHash());
}

/** Runs `react-router build` and records the source hash it was made from. */
export async function buildWebApp(log: (line: string) => void): Promise<void> {
  const hash = await sourceHash();
  const cli = path.join(projectRoot, "node_modules", "@react-router", "dev", "bin.js");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "build"], { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_ENV: "production" } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`The web build failed (exit ${code}):\n${output.slice(-4000)}`));
    });
  });
  await writeFile(stampFile, hash + "\n");
  log("web app built");
}

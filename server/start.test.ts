// The start-up refuses bad situations with one clear line and a non-zero exit code.
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "../models/db/embedded.ts";
import { isSupportedNode } from "../scripts/node-version.mjs";

const root = path.resolve(import.meta.dirname, "..");

function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "server/main.ts"], {
      cwd: root,
      env: { ...process.env, DATA_DIR: path.join(root, ".data/start-test"), ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("exit", (code) => resolve({ code, stderr }));
  });
}

describe("npm start refuses to start", () => {
  it("on a malformed variable, naming it", async () => {
    const { code, stderr } = await start({ PORT: "eighty" });
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/Environment variable PORT is malformed/);
  });

  it("when the port is in use", async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const { code, stderr } = await start({ PORT: String(port), HOST: "127.0.0.1" });
      expect(code).toBe(1);
      expect(stderr.trim().split("\n")).toHaveLength(1);
      expect(stderr).toMatch(new RegExp(`Port ${port} on 127.0.0.1 is already in use`));
    } finally {
      blocker.close();
    }
  });

  it("when DATABASE_URL points at no database", async () => {
    const { code, stderr } = await start({ PORT: String(await freePort()), DATABASE_URL: "postgresql://nobody:secret@127.0.0.1:1/none" });
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/Cannot reach the database at 127\.0\.0\.1:1\/none \(ECONNREFUSED\)/);
    expect(stderr).not.toContain("secret");
  });

  it("on an unsupported Node.js version", () => {
    expect(isSupportedNode("18.20.4")).toBe(false);
    expect(isSupportedNode("20.18.3")).toBe(false);
    expect(isSupportedNode("v20.19.0")).toBe(true);
    expect(isSupportedNode("22.12.0")).toBe(true);
    expect(isSupportedNode("24.1.0")).toBe(true);
  });
});

// Shared by the command-line tests (scripts/*.test.ts): a scratch folder for input files, made
// before and removed after the test file, and the command's main() run in-process with its
// output captured.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";

export type CliOutput = { out(text: string): void; err(text: string): void };
type CliMain<Extra extends unknown[]> = (argv: readonly string[], io: CliOutput, ...extra: Extra) => Promise<number>;

export function cliHarness<Extra extends unknown[]>(command: string, main: CliMain<Extra>) {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), `channelwise-${command}-cli-`));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    /** Where a file of this name in the scratch folder would be. */
    path: (name: string) => path.join(dir, name),
    /** Writes a file (an object as JSON) into the scratch folder and returns its path. */
    async file(name: string, content: string | object): Promise<string> {
      const at = path.join(dir, name);
      await writeFile(at, typeof content === "string" ? content : JSON.stringify(content));
      return at;
    },
    async run(argv: string[], ...extra: Extra): Promise<{ code: number; out: string; err: string }> {
      let out = "";
      let err = "";
      const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) }, ...extra);
      return { code, out, err };
    },
  };
}

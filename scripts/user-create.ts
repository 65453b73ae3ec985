// `npm run user:create -- --email a@b.c --name "Ada" --role ADMIN [--org <partnerOrgId>] [--region DACH ...]`
// Creates a user on a real install (the first admin, typically). The password is read from
// the CHANNELWISE_PASSWORD variable or typed at a hidden prompt, never from the command line.
import { parseArgs } from "node:util";
import readline from "node:readline/promises";
import { z } from "zod";
import { createUser } from "../models/auth/users.ts";
import { MIN_PASSWORD_LENGTH } from "../models/auth/password.ts";
import { closeDb, db } from "../models/db/client.ts";
import { ensureDatabase, startEmbeddedPostgres } from "../models/db/embedded.ts";
import { migrateDatabase } from "../models/db/migrate.ts";
import { parseEnv } from "../models/env.ts";

const args = z.object({
  email: z.email(),
  name: z.string().trim().min(1),
  role: z.enum(["PARTNER", "PARTNER_ADMIN", "CHANNEL_MANAGER", "REGIONAL_LEAD", "ADMIN"]),
  org: z.uuid().optional(),
  region: z.array(z.string().regex(/^[A-Z][A-Z0-9_]+$/)).default([]),
});

async function readPassword(): Promise<string> {
  if (process.env.CHANNELWISE_PASSWORD) return process.env.CHANNELWISE_PASSWORD;
  if (!process.stdin.isTTY) throw new Error("Set CHANNELWISE_PASSWORD or run in a terminal to type the password");
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  const original = output._writeToOutput.bind(rl);
  let prompting = true;
  output._writeToOutput = (s: string) => (prompting && !s.startsWith("Password") ? undefined : original(s));
  const password = await rl.question(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  prompting = false;
  rl.close();
  process.stdout.write("\n");
  return password;
}

try {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, org: { type: "string" }, region: { type: "string", multiple: true } },
  });
  const parsed = args.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`--${String(issue.path[0])}: ${issue.message}`);
  }
  const env = parseEnv();
  let stop = async () => {};
  if (!env.DATABASE_URL) {
    const embedded = await startEmbeddedPostgres({ dataDir: env.DATA_DIR, port: env.EMBEDDED_PG_PORT });
    stop = embedded.stop;
    await ensureDatabase(embedded.serverUrl, "channelwise");
    process.env.DATABASE_URL = embedded.urlFor("channelwise");
  }
  try {
    await migrateDatabase(process.env.DATABASE_URL as string);
    const user = await createUser(db, { ...parsed.data, partnerOrgId: parsed.data.org ?? null, regionCodes: parsed.data.region, password: await readPassword() });
    console.log(`Created ${user.role} ${user.email} (${user.id})`);
  } finally {
    await closeDb();
    await stop();
  }
} catch (error) {
  process.stderr.write(`Could not create the user: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

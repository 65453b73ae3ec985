// `npm run db:seed`: seeds the demo data into the (migrated) database at DATABASE_URL, only
// when it is empty. `npm start` does the same by itself on a fresh embedded database.
import { closeDb, db } from "../models/db/client.ts";
import { Prisma } from "../models/db/generated/client.ts";
import { parseEnv } from "../models/env.ts";
import { DEMO_LOGINS, DEMO_PASSWORD, isDatabaseEmpty, seedDemo } from "../models/seed/demo.ts";

try {
  if (!parseEnv().DATABASE_URL) {
    process.stderr.write("DATABASE_URL is not set: set it to a migrated PostgreSQL database, or use `npm start`, which seeds its embedded database.\n");
    process.exit(1);
  }
  if (!(await isDatabaseEmpty(db))) {
    console.log("database is not empty; not seeding");
  } else {
    const { counts, durationMs } = await seedDemo(db);
    const table = Object.entries(counts).map(([name, n]) => `  ${name.padEnd(18)} ${n}`).join("\n");
    console.log(`Seeded the demo in ${(durationMs / 1000).toFixed(1)} s:\n${table}`);
    console.log(`Demo logins (password: ${DEMO_PASSWORD}):`);
    for (const login of DEMO_LOGINS) console.log(`  ${login.email.padEnd(24)} ${login.description}`);
  }
} catch (error) {
  const unmigrated = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2021";
  const message = unmigrated ? "the database has no Channelwise tables; run `npm run db:migrate` first" : error instanceof Error ? error.message : String(error);
  process.stderr.write(`Seeding failed: ${message}\n`);
  process.exitCode = 1;
} finally {
  await closeDb();
}

// A worker's incentive recompute in a process of its own, for the crash test to kill mid-run
// (models/incentives/accrue-crash.test.ts): one accrueIncentives over every partner against
// DATABASE_URL, as of the instant given, then prints what it appended.
import { closeDb, db } from "../models/db/client.ts";
import { accrueIncentives } from "../models/incentives/accrue.ts";

const asOf = new Date(process.argv[2] ?? "");
if (Number.isNaN(asOf.getTime())) throw new Error("usage: accrue-incentives-child.ts <asOf ISO instant>");
try {
  console.log(JSON.stringify(await accrueIncentives(db, { asOf })));
} finally {
  await closeDb();
}

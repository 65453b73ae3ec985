// What a job handler is: a zod schema for the job's data and a function that does the work.
// Handlers stay thin (parse, call models/, return a small JSON summary) and idempotent.
import type { z } from "zod";
import type { PrismaClient } from "../models/db/generated/client.ts";

export type JobsLogLevel = "info" | "warn" | "error";

/** Where the job layer writes: never console.error, so tests and the start script decide. */
export type JobsLog = (message: string, level?: JobsLogLevel) => void;

export type JobContext = { db: PrismaClient; log: JobsLog; jobId: string };

/** The summary pg-boss stores as the job's output (shown by the admin API). */
export type JobOutput = Record<string, unknown>;

export type JobHandler = {
  /** Validates the job's data, whoever sent it (cron, "run now", another job). */
  payload: z.ZodType<object>;
  run(data: unknown, context: JobContext): Promise<JobOutput>;
};

/** A handler whose `run` receives its data already parsed by `payload`. */
export function defineHandler<T extends object>(
  payload: z.ZodType<T>,
  run: (data: T, context: JobContext) => Promise<JobOutput>,
): JobHandler {
  // A cron job carries no data (null); treat it as an empty payload.
  return { payload, run: (data, context) => run(payload.parse(data ?? {}), context) };
}

// The process environment, validated once with zod. A missing or malformed variable stops the
// process with a one-line message that names it (see `loadEnv`).
import { z } from "zod";

const port = z.coerce.number().int().min(1).max(65535);
const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
// Comma-separated `host` or `host:port` entries (a bare or bracketed IPv6 address is a host too).
const hostList = z
  .string()
  .transform((v) => v.split(",").map((h) => h.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$|^[0-9a-f:.]+$/i, "must be comma-separated host or host:port entries")));

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: port.default(3000),
  APP_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  EMBEDDED_PG_PORT: port.optional(),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
  SEED_DEMO: z.enum(["auto", "never"]).default("auto"),
  JOBS_SCHEDULE: flag.default(true),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional(),
  MAIL_FROM: z.string().min(3).default("Channelwise <no-reply@channelwise.local>"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  TRUST_PROXY: flag.default(false),
  /** Hosts whose loopback addresses the market scraper may reach (the demo and tests); empty in production. */
  MARKET_ALLOW_HOSTS: hostList.default([]),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

/** Parses `source` (default `process.env`); throws an EnvError naming the first bad variable. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue.path[0] ?? "environment");
    throw new EnvError(`Environment variable ${name} is malformed: ${issue.message} (got ${JSON.stringify(source[name] ?? "")})`);
  }
  if (result.data.NODE_ENV === "production" && !result.data.SESSION_SECRET) {
    throw new EnvError("Environment variable SESSION_SECRET is required in production (at least 32 random characters)");
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

// Readiness: the database answers and the job queue's schema is there (and, where this process
// runs the worker, pg-boss is started).
import pg from "pg";

export type ReadinessResult = { ready: boolean; checks: { database: boolean; jobQueue: boolean }; error?: string };
export type Readiness = () => Promise<ReadinessResult>;

export function createReadiness(connectionString: string, workerRunning: () => boolean | null): { check: Readiness; close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString, max: 2, connectionTimeoutMillis: 2000, idleTimeoutMillis: 10_000 });
  pool.on("error", () => {});
  const check: Readiness = async () => {
    const checks = { database: false, jobQueue: false };
    try {
      await pool.query("SELECT 1");
      checks.database = true;
      const version = await pool.query("SELECT 1 FROM pgboss.version LIMIT 1");
      checks.jobQueue = (version.rowCount ?? 0) > 0 && workerRunning() !== false;
      return { ready: checks.database && checks.jobQueue, checks };
    } catch (error) {
      return { ready: false, checks, error: error instanceof Error ? error.message : String(error) };
    }
  };
  return { check, close: () => pool.end() };
}

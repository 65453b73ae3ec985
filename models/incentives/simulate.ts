// The what-if simulator: replays the last N months of deals, sales and activities under a
// programme version (typically a draft) and under the ACTIVE version of the same programme,
// through the same engine as the ledger, and reports what each would have cost. It writes
// nothing: everything runs in one read-only transaction.
import { z } from "zod";
import type { PrismaClient } from "../db/generated/client.ts";
import { computeAccruals } from "./engine.ts";
import { fieldErrors, isUuid } from "../validation.ts";
import { programInputSelect, toProgramInput, type StoredProgram } from "./load.ts";
import { programRulesSchema } from "./rules.ts";
import { loadPartnerDirectory, loadReplayInput } from "./simulate-load.ts";
import { simulationReport, type ReplayedVersion, type SimulationReport } from "./simulate-report.ts";
import { asReplayed, MAX_REPLAY_MONTHS, MIN_REPLAY_MONTHS, replayWindow } from "./simulate-window.ts";
import type { ProgramInput } from "./types.ts";

export type { CostRow, PartnerCostRow, SimulatedSide, SimulationReport, SimulationSample } from "./simulate-report.ts";
export { MAX_REPLAY_MONTHS, MIN_REPLAY_MONTHS } from "./simulate-window.ts";

export type SimulationOptions = {
  /** How many months before `asOf` to replay, 1 to 36. */
  months: number;
  /** The end of the replay (default: now). */
  asOf?: Date;
};

export type SimulationErrorCode = "program_not_found" | "invalid_simulation";

/** A simulation refused on purpose; `status` is the HTTP answer, `fields` what to fix. */
export class SimulationError extends Error {
  constructor(
    readonly code: SimulationErrorCode,
    readonly status: 404 | 422,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export const simulationOptionsSchema = z.strictObject({
  months: z
    .int({ error: `must be a whole number of months from ${MIN_REPLAY_MONTHS} to ${MAX_REPLAY_MONTHS}` })
    .min(MIN_REPLAY_MONTHS, { error: `must be at least ${MIN_REPLAY_MONTHS}` })
    .max(MAX_REPLAY_MONTHS, { error: `must be at most ${MAX_REPLAY_MONTHS}` }),
  asOf: z.date({ error: "must be a valid date" }).optional(),
});

/**
 * What programme version `programId` (any status) would have cost over the `months` before
 * `asOf`, next to the ACTIVE version of the same key (when there is one and it is another row).
 * Both run as if ACTIVE over exactly that window, budget caps included, in their own currency.
 */
export async function simulateProgram(db: PrismaClient, programId: string, options: SimulationOptions): Promise<SimulationReport> {
  const parsed = simulationOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error, "options");
    throw new SimulationError("invalid_simulation", 422, `Cannot simulate: ${Object.entries(fields).map(([k, v]) => `${k} ${v}`).join("; ")}`, fields);
  }
  const window = replayWindow(parsed.data.asOf ?? new Date(), parsed.data.months);

  return db.$transaction(
    async (tx) => {
      // Must be the transaction's first statement: from here on PostgreSQL refuses any write.
      await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
      const candidateRow = isUuid(programId) ? await tx.incentiveProgram.findUnique({ where: { id: programId }, select: programInputSelect }) : null;
      if (candidateRow === null) throw new SimulationError("program_not_found", 404, "No such incentive programme");
      const activeRow = await tx.incentiveProgram.findFirst({
        where: { key: candidateRow.key, status: "ACTIVE", id: { not: candidateRow.id } },
        orderBy: { version: "desc" },
        select: programInputSelect,
      });
      const candidate = programInput(candidateRow);
      const active = activeRow === null ? null : programInput(activeRow);
      const input = await loadReplayInput(tx, active === null ? [candidate] : [candidate, active], window);

      const replay = (program: ProgramInput): ReplayedVersion => ({ program, drafts: computeAccruals({ ...input, programs: [asReplayed(program, window)] }) });
      const candidateReplay = replay(candidate);
      const activeReplay = active === null ? null : replay(active);
      const paid = [...candidateReplay.drafts, ...(activeReplay?.drafts ?? [])].map((draft) => draft.partnerOrgId);
      const directory = await loadPartnerDirectory(tx, [...new Set(paid)], window.to);
      return simulationReport(window, candidateReplay, activeReplay, directory);
    },
    { isolationLevel: "RepeatableRead", maxWait: 60_000, timeout: 120_000 },
  );
}

/** The stored version as the engine reads it; stored rules that no longer validate cannot be replayed. */
function programInput(row: StoredProgram): ProgramInput {
  const parsed = programRulesSchema.safeParse({ kind: row.kind, rules: row.rules });
  if (!parsed.success) {
    throw new SimulationError("invalid_simulation", 422, `The rules of ${row.name} v${row.version} are invalid; fix them before simulating`, fieldErrors(parsed.error, ""));
  }
  return toProgramInput(row, parsed.data);
}

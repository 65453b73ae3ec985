// Reads what the what-if simulator replays: the engine's input over the window (through the
// ledger's own loader, for the replayed versions' kinds), and the partner directory the cost is
// sliced by (name, region, latest segment). Reads only.
import type { Prisma } from "../db/generated/client.ts";
import { loadAccrualInput } from "./load.ts";
import { loadSegmentMemberships } from "./load-events.ts";
import type { PartnerDirectory } from "./simulate-report.ts";
import { asReplayed, type ReplayWindow } from "./simulate-window.ts";
import type { AccrualInput, ProgramInput } from "./types.ts";

type Tx = Prisma.TransactionClient;

/**
 * The engine's input for replaying `programs` over the window: only the window's events, and
 * what these versions' kinds need (a draft of a kind no stored programme has still gets its events).
 */
export async function loadReplayInput(db: Tx, programs: readonly ProgramInput[], window: ReplayWindow): Promise<AccrualInput> {
  return loadAccrualInput(db, { asOf: window.to, since: window.from, programs: programs.map((program) => asReplayed(program, window)) });
}

/** Names, regions and latest segments of the partners the replay paid. */
export async function loadPartnerDirectory(db: Tx, partnerOrgIds: readonly string[], asOf: Date): Promise<PartnerDirectory> {
  const partners = await db.partnerOrg.findMany({ where: { id: { in: [...partnerOrgIds] } }, select: { id: true, name: true, regionCode: true } });
  const regions = await db.region.findMany({ select: { code: true, name: true } });
  const wanted = new Set(partnerOrgIds);
  const memberships = (await loadSegmentMemberships(db, { only: [...wanted] }, asOf)).filter((m) => wanted.has(m.partnerOrgId));
  return {
    partners: new Map(partners.map(({ id, ...partner }) => [id, partner])),
    regionNames: new Map(regions.map((region) => [region.code, region.name])),
    segmentOf: new Map(memberships.map((m) => [m.partnerOrgId, m.segment])),
  };
}

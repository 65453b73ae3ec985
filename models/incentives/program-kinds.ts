// Every incentive programme kind and lifecycle status, as lists for selects, filters and schemas.
import type { ProgramKind, ProgramStatus } from "../db/generated/enums.ts";

export type { ProgramKind, ProgramStatus };

export const PROGRAM_KINDS = [
  "COMMISSION",
  "TIERED_REBATE",
  "SPIFF",
  "NEW_PRODUCT_FIRST_ORDER",
  "ACTION_REWARD",
  "REGIONAL_BOOST",
  "SEGMENT_ACCELERATOR",
] as const satisfies readonly ProgramKind[];

export const PROGRAM_STATUSES = ["DRAFT", "ACTIVE", "ARCHIVED"] as const satisfies readonly ProgramStatus[];

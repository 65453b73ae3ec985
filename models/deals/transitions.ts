// The deal registration state machine as data (DESIGN.md §3): which action is allowed from
// which status, what it leads to and which DealEvent records it; plus the typed errors every
// deal operation throws, each with the HTTP status the API answers with.
import type { DealStatus } from "../db/generated/enums.ts";

export type DealAction =
  | "approve"
  | "auto_approve"
  | "reject"
  | "win"
  | "lose"
  | "expire"
  | "request_extension"
  | "approve_extension"
  | "refuse_extension"
  | "reopen"
  | "refund";

/** The `deal_event.action` each transition writes (the seed writes the same names). */
export type DealEventAction =
  | "SUBMITTED"
  | "CONFLICT_FOUND"
  | "APPROVED"
  | "AUTO_APPROVED"
  | "REJECTED"
  | "WON"
  | "LOST"
  | "EXPIRED"
  | "EXTENSION_REQUESTED"
  | "EXTENSION_APPROVED"
  | "EXTENSION_REFUSED"
  | "REOPENED"
  | "REFUNDED";

/** What a transition needs to know: the status, and whether an extension request is waiting. */
export type DealState = { status: DealStatus; extensionPending: boolean };

type ExtensionRule = "none" | "pending" | "any";

export type DealTransition = {
  from: readonly DealStatus[];
  to: DealStatus;
  /** Whether an extension request must be absent, waiting, or does not matter. */
  extension: ExtensionRule;
  /** The extension request after the transition: opened, closed, or as it was. */
  extensionAfter: "open" | "closed" | "kept";
  event: DealEventAction;
};

export const DEAL_TRANSITIONS: Readonly<Record<DealAction, DealTransition>> = {
  approve: { from: ["SUBMITTED"], to: "APPROVED", extension: "any", extensionAfter: "kept", event: "APPROVED" },
  auto_approve: { from: ["SUBMITTED"], to: "APPROVED", extension: "any", extensionAfter: "kept", event: "AUTO_APPROVED" },
  reject: { from: ["SUBMITTED"], to: "REJECTED", extension: "any", extensionAfter: "kept", event: "REJECTED" },
  win: { from: ["APPROVED"], to: "WON", extension: "any", extensionAfter: "closed", event: "WON" },
  lose: { from: ["APPROVED"], to: "LOST", extension: "any", extensionAfter: "closed", event: "LOST" },
  expire: { from: ["APPROVED"], to: "EXPIRED", extension: "any", extensionAfter: "closed", event: "EXPIRED" },
  request_extension: { from: ["APPROVED"], to: "APPROVED", extension: "none", extensionAfter: "open", event: "EXTENSION_REQUESTED" },
  approve_extension: { from: ["APPROVED"], to: "APPROVED", extension: "pending", extensionAfter: "closed", event: "EXTENSION_APPROVED" },
  refuse_extension: { from: ["APPROVED"], to: "APPROVED", extension: "pending", extensionAfter: "closed", event: "EXTENSION_REFUSED" },
  // Corrections by a manager: a deal closed by mistake goes back to APPROVED; a won deal whose
  // customer got money back keeps WON with a lower value. Incentives follow with clawbacks.
  reopen: { from: ["WON", "LOST"], to: "APPROVED", extension: "any", extensionAfter: "closed", event: "REOPENED" },
  refund: { from: ["WON"], to: "WON", extension: "any", extensionAfter: "kept", event: "REFUNDED" },
};

export const DEAL_ACTIONS = Object.keys(DEAL_TRANSITIONS) as DealAction[];

/** Statuses a registration can still conflict in (with, for APPROVED, protection not lapsed). */
export const ACTIVE_DEAL_STATUSES = ["SUBMITTED", "APPROVED"] as const satisfies readonly DealStatus[];

/** Why a transition is refused, in a word an API client can switch on. */
export type RefusalReason = "wrong_status" | "extension_pending" | "no_extension_pending";

/** Null when `action` is allowed from `state`, otherwise why not. Pure. */
export function refusalOf(state: DealState, action: DealAction): RefusalReason | null {
  const rule = DEAL_TRANSITIONS[action];
  if (!rule.from.includes(state.status)) return "wrong_status";
  if (rule.extension === "none" && state.extensionPending) return "extension_pending";
  if (rule.extension === "pending" && !state.extensionPending) return "no_extension_pending";
  return null;
}

/** The state after `action`, or a DealTransitionError (409) when it is not allowed. Pure. */
export function assertTransition(state: DealState, action: DealAction): DealState & { event: DealEventAction } {
  const refusal = refusalOf(state, action);
  if (refusal) throw new DealTransitionError(state, action, refusal);
  const rule = DEAL_TRANSITIONS[action];
  const extensionPending = rule.extensionAfter === "open" ? true : rule.extensionAfter === "closed" ? false : state.extensionPending;
  return { status: rule.to, extensionPending, event: rule.event };
}

export type DealErrorCode = "deal_not_found" | "forbidden" | "invalid_deal" | "invalid_transition";

/** Base of every error a deal operation throws on purpose; `status` is the HTTP answer. */
export class DealError extends Error {
  constructor(
    readonly code: DealErrorCode,
    readonly status: 403 | 404 | 409 | 422,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The deal does not exist, or is another organization's (which must read the same). */
export class DealNotFoundError extends DealError {
  constructor(readonly dealId: string) {
    super("deal_not_found", 404, "No such deal");
  }
}

/** The user's role may not do this at all (not a tenant question: that is DealNotFoundError). */
export class DealForbiddenError extends DealError {
  constructor(message: string) {
    super("forbidden", 403, message);
  }
}

/** Input that fails a rule, per field (API: 422 with `fields`). */
export class DealValidationError extends DealError {
  constructor(readonly fields: Record<string, string>) {
    super("invalid_deal", 422, `Invalid deal: ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("; ")}`);
  }
}

const ACTION_TEXT: Readonly<Record<DealAction, string>> = {
  approve: "approve",
  auto_approve: "auto-approve",
  reject: "reject",
  win: "close as won",
  lose: "close as lost",
  expire: "expire",
  request_extension: "ask for an extension of",
  approve_extension: "approve an extension of",
  refuse_extension: "refuse an extension of",
  reopen: "reopen",
  refund: "record a refund on",
};

const REFUSAL_TEXT: Readonly<Record<RefusalReason, string>> = {
  wrong_status: "is not allowed from that status",
  extension_pending: "already has an extension request waiting",
  no_extension_pending: "has no extension request waiting",
};

/** A transition the current status does not allow (API: 409); nothing was changed. */
export class DealTransitionError extends DealError {
  constructor(
    readonly state: DealState,
    readonly action: DealAction,
    readonly reason: RefusalReason,
  ) {
    super("invalid_transition", 409, `Cannot ${ACTION_TEXT[action]} a deal that is ${state.status.toLowerCase()}: it ${REFUSAL_TEXT[reason]}`);
  }
}

// The deal state machine: every action from every status (with and without a waiting extension
// request) is either the one allowed transition or a DealTransitionError (409).
import { describe, expect, it } from "vitest";
import type { DealStatus } from "../db/generated/enums.ts";
import { assertTransition, DEAL_ACTIONS, DealTransitionError, refusalOf, type DealAction, type DealState } from "./transitions.ts";

const STATUSES: readonly DealStatus[] = ["SUBMITTED", "APPROVED", "REJECTED", "WON", "LOST", "EXPIRED"];

// The whole table, written out: [from status, extension pending, action] → status after.
const ALLOWED: readonly (readonly [DealStatus, boolean, DealAction, DealStatus, boolean])[] = [
  ["SUBMITTED", false, "approve", "APPROVED", false],
  ["SUBMITTED", false, "auto_approve", "APPROVED", false],
  ["SUBMITTED", false, "reject", "REJECTED", false],
  ["APPROVED", false, "win", "WON", false],
  ["APPROVED", true, "win", "WON", false],
  ["APPROVED", false, "lose", "LOST", false],
  ["APPROVED", true, "lose", "LOST", false],
  ["APPROVED", false, "expire", "EXPIRED", false],
  ["APPROVED", true, "expire", "EXPIRED", false],
  ["APPROVED", false, "request_extension", "APPROVED", true],
  ["APPROVED", true, "approve_extension", "APPROVED", false],
  ["APPROVED", true, "refuse_extension", "APPROVED", false],
  ["WON", false, "reopen", "APPROVED", false],
  ["LOST", false, "reopen", "APPROVED", false],
  ["WON", false, "refund", "WON", false],
];

const isAllowed = (status: DealStatus, pending: boolean, action: DealAction) =>
  ALLOWED.some(([s, p, a]) => s === status && p === pending && a === action);

const cases = STATUSES.flatMap((status) =>
  [false, true]
    // Only an approved deal can have an extension request waiting.
    .filter((pending) => !pending || status === "APPROVED")
    .flatMap((pending) => DEAL_ACTIONS.map((action) => [status, pending, action] as const)),
);

describe("deal state machine", () => {
  it.each(ALLOWED)("%s (extension waiting: %s) —%s→ %s", (status, pending, action, to, pendingAfter) => {
    expect(assertTransition({ status, extensionPending: pending }, action)).toMatchObject({ status: to, extensionPending: pendingAfter });
  });

  it.each(cases.filter(([s, p, a]) => !isAllowed(s, p, a)))("refuses %s (extension waiting: %s) —%s→ with a 409", (status, pending, action) => {
    const state: DealState = { status, extensionPending: pending };
    expect(refusalOf(state, action)).not.toBeNull();
    let error: unknown;
    try {
      assertTransition(state, action);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DealTransitionError);
    expect(error).toMatchObject({ status: 409, code: "invalid_transition", action, state });
  });

  it("covers every status × action pair exactly once", () => {
    expect(cases).toHaveLength(STATUSES.length * DEAL_ACTIONS.length + DEAL_ACTIONS.length);
    expect(cases.filter(([s, p, a]) => isAllowed(s, p, a))).toHaveLength(ALLOWED.length);
  });

  it("says why a transition is refused", () => {
    expect(refusalOf({ status: "APPROVED", extensionPending: true }, "request_extension")).toBe("extension_pending");
    expect(refusalOf({ status: "APPROVED", extensionPending: false }, "approve_extension")).toBe("no_extension_pending");
    expect(() => assertTransition({ status: "WON", extensionPending: false }, "approve")).toThrow("Cannot approve a deal that is won");
  });

  it("names the event each transition writes", () => {
    expect(assertTransition({ status: "SUBMITTED", extensionPending: false }, "auto_approve").event).toBe("AUTO_APPROVED");
    expect(assertTransition({ status: "APPROVED", extensionPending: false }, "request_extension").event).toBe("EXTENSION_REQUESTED");
  });
});

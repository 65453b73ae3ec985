// Who hears about a deal event: the partner organization's channel manager (or, when none is
// assigned, every channel manager) for what needs a decision, the partner organization's users
// for the decisions. Runs as the deal operations' `onEvent` hook, inside their transaction, keyed
// on the event id so a retry never notifies twice.
import { notifyUsers, type Notice } from "../notifications/notify.ts";
import type { DealEventHook, DealEventRecord, Tx } from "./deal-record.ts";
import type { DealEventAction } from "./transitions.ts";

type Audience = "manager" | "partner";

type Message = { audience: Audience; kind: string; title: (deal: string) => string; body: (event: DealEventRecord) => string | null; email: boolean };

const MESSAGES: Partial<Record<DealEventAction, Message>> = {
  SUBMITTED: { audience: "manager", kind: "deal.submitted", title: (d) => `New deal registration: ${d}`, body: () => "A partner registered a deal that waits for your decision.", email: true },
  CONFLICT_FOUND: { audience: "manager", kind: "deal.conflict", title: (d) => `Possible conflict: ${d}`, body: (e) => e.note, email: false },
  EXTENSION_REQUESTED: { audience: "manager", kind: "deal.extension-requested", title: (d) => `Extension requested: ${d}`, body: (e) => e.note, email: true },
  WON: { audience: "manager", kind: "deal.won", title: (d) => `Deal won: ${d}`, body: () => null, email: false },
  LOST: { audience: "manager", kind: "deal.lost", title: (d) => `Deal lost: ${d}`, body: () => null, email: false },
  APPROVED: { audience: "partner", kind: "deal.approved", title: (d) => `Registration approved: ${d}`, body: (e) => e.note, email: true },
  AUTO_APPROVED: { audience: "partner", kind: "deal.approved", title: (d) => `Registration approved: ${d}`, body: () => "Approved at once by the program's rule.", email: true },
  REJECTED: { audience: "partner", kind: "deal.rejected", title: (d) => `Registration rejected: ${d}`, body: (e) => e.note, email: true },
  EXTENSION_APPROVED: { audience: "partner", kind: "deal.extension-approved", title: (d) => `Extension approved: ${d}`, body: (e) => e.note, email: true },
  EXTENSION_REFUSED: { audience: "partner", kind: "deal.extension-refused", title: (d) => `Extension refused: ${d}`, body: (e) => e.note, email: true },
  REOPENED: { audience: "partner", kind: "deal.reopened", title: (d) => `Deal reopened: ${d}`, body: (e) => e.note, email: true },
  REFUNDED: { audience: "partner", kind: "deal.refunded", title: (d) => `Refund recorded: ${d}`, body: (e) => e.note, email: true },
};

/** The channel managers to tell about a partner organization's deal. */
async function managersOf(tx: Tx, partnerOrgId: string): Promise<string[]> {
  const org = await tx.partnerOrg.findUnique({ where: { id: partnerOrgId }, select: { channelManagerId: true } });
  if (org?.channelManagerId) return [org.channelManagerId];
  const managers = await tx.user.findMany({ where: { role: "CHANNEL_MANAGER", disabledAt: null }, select: { id: true } });
  return managers.map((m) => m.id);
}

/** The notice for one deal event, or null when nobody needs to hear about it. */
export async function dealEventNotice(tx: Tx, event: DealEventRecord): Promise<Notice | null> {
  const message = MESSAGES[event.action];
  if (!message) return null;
  const deal = await tx.deal.findUniqueOrThrow({ where: { id: event.dealId }, select: { title: true } });
  const common = {
    kind: message.kind,
    title: message.title(deal.title),
    body: message.body(event),
    link: `/deals/${event.dealId}`,
    data: { dealId: event.dealId, action: event.action, eventId: event.eventId },
    idempotencyKey: `deal-event:${event.eventId}`,
    email: message.email,
  };
  if (message.audience === "partner") return { ...common, partnerOrgId: event.partnerOrgId };
  const userIds = (await managersOf(tx, event.partnerOrgId)).filter((id) => id !== event.actorUserId);
  return userIds.length > 0 ? { ...common, userIds } : null;
}

/** The `onEvent` hook the portal and the API pass to every deal operation. */
export const notifyDealEvent: DealEventHook = async (tx, event) => {
  const notice = await dealEventNotice(tx, event);
  if (notice) await notifyUsers(tx, notice);
};

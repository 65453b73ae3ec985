// A lead forwarding a tender alert to a partner as a lead: one notification (in-app and e-mail) to
// every active user of that partner organization with the tender's title, its address and the
// lead's note — nothing else of the alert (no reasons, no other partners). Once per alert and
// partner; audited. Only the alert's own lead may forward it.
import { z } from "zod";
import type { PrismaClient } from "../db/generated/client.ts";
import { recordAudit } from "../audit/log.ts";
import { partnerOrgScope } from "../auth/permissions.ts";
import type { SessionUser } from "../auth/users.ts";
import { notifyUsers } from "../notifications/notify.ts";
import { fieldErrors, isUuid } from "../validation.ts";
import { safeHttpUrl } from "./text.ts";

export const FORWARD_NOTE_MAX = 1000;

export const forwardInput = z.object({
  partnerOrgId: z.string().trim().refine(isUuid, "Choose a partner"),
  note: z
    .string()
    .trim()
    .max(FORWARD_NOTE_MAX, `Keep the note under ${FORWARD_NOTE_MAX} characters`)
    .optional()
    .transform((note) => (note ? note : null)),
});

export type ForwardInput = z.input<typeof forwardInput>;

export type ForwardErrorCode = "not_found" | "not_a_tender" | "validation_failed" | "already_forwarded";

export class AlertForwardError extends Error {
  constructor(readonly code: ForwardErrorCode, message: string, readonly fields: Record<string, string> = {}) {
    super(message);
    this.name = "AlertForwardError";
  }
}

export type ForwardResult = { forwardId: string; partnerOrgId: string; partnerName: string; recipients: number };

/** Forwards the user's alert `alertId` to partner `partnerOrgId`; throws AlertForwardError when refused. */
export async function forwardAlertToPartner(
  db: PrismaClient,
  user: SessionUser,
  alertId: string,
  input: ForwardInput,
  { ipAddress = null, now = new Date() }: { ipAddress?: string | null; now?: Date } = {},
): Promise<ForwardResult> {
  const alert = isUuid(alertId)
    ? await db.alert.findFirst({
        where: { id: alertId, userId: user.id },
        select: { id: true, item: { select: { id: true, title: true, canonicalUrl: true, contentType: true, deadline: true } } },
      })
    : null;
  if (!alert) throw new AlertForwardError("not_found", "No such alert, or not yours.");
  if (alert.item.contentType !== "TENDER") throw new AlertForwardError("not_a_tender", "Only tenders can be forwarded to a partner as a lead.");

  const parsed = forwardInput.safeParse(input);
  if (!parsed.success) throw new AlertForwardError("validation_failed", "Some fields are invalid.", fieldErrors(parsed.error));
  const { partnerOrgId, note } = parsed.data;
  // Any ACTIVE partner of the lead's own regions; one outside them reads as not there.
  const partner = await db.partnerOrg.findFirst({ where: { AND: [{ id: partnerOrgId, status: "ACTIVE" }, partnerOrgScope(user)] }, select: { id: true, name: true } });
  if (!partner) throw new AlertForwardError("validation_failed", "Some fields are invalid.", { partnerOrgId: "Choose an active partner of your regions" });

  const url = safeHttpUrl(alert.item.canonicalUrl, null);
  const deadline = alert.item.deadline?.toISOString().slice(0, 10) ?? null;
  const body = [
    note ? `${user.name}: “${note}”` : `${user.name} thinks your organization is well placed to bid on this tender.`,
    deadline ? `Deadline: ${deadline}` : null,
    url ? `Tender: ${url}` : null,
  ].filter(Boolean).join("\n\n");

  return db.$transaction(async (tx) => {
    const created = await tx.alertForward.createManyAndReturn({
      data: [{ alertId: alert.id, partnerOrgId: partner.id, forwardedById: user.id, note, createdAt: now }],
      skipDuplicates: true,
      select: { id: true },
    });
    if (created.length === 0) throw new AlertForwardError("already_forwarded", `This tender was already forwarded to ${partner.name}.`);
    const forwardId = created[0].id;
    const notified = await notifyUsers(tx, {
      partnerOrgId: partner.id,
      kind: "market.lead",
      title: `New lead from ${user.name}: ${alert.item.title}`,
      body,
      link: url,
      data: { itemId: alert.item.id, title: alert.item.title, url, deadline, note, from: user.name },
      idempotencyKey: `market.lead:${forwardId}`,
      email: true,
    });
    await recordAudit(tx, {
      actorUserId: user.id,
      action: "alert.forwarded",
      entityType: "alert",
      entityId: alert.id,
      partnerOrgId: partner.id,
      ipAddress,
      data: { itemId: alert.item.id, note, recipients: notified.recipients },
    });
    return { forwardId, partnerOrgId: partner.id, partnerName: partner.name, recipients: notified.recipients };
  });
}

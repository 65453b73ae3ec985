// Whether partner users may see their own organization's segment and health (never the churn
// risk, never another organization's): a program setting, off unless a manager turns it on.
import { recordAudit } from "../audit/log.ts";
import { can } from "../auth/permissions.ts";
import { isPartnerRole, type SessionUser } from "../auth/users.ts";
import type { PrismaClient } from "../db/generated/client.ts";
import type { PartnerTier } from "../db/generated/enums.ts";
import { latestScoring, type PartnerScoring } from "./partner-scores.ts";

export const SHOW_OWN_SEGMENT_KEY = "partners.showOwnSegment";

/** True only when the setting is stored as the JSON `true`. */
export async function partnersSeeOwnSegment(db: Pick<PrismaClient, "setting">): Promise<boolean> {
  const row = await db.setting.findUnique({ where: { key: SHOW_OWN_SEGMENT_KEY }, select: { value: true } });
  return row?.value === true;
}

export class SegmentVisibilityForbiddenError extends Error {}

/** Channel managers and admins decide what partners see; regional leads only read partner profiles. */
export function mayChangeSegmentVisibility(user: Pick<SessionUser, "role">): boolean {
  return can(user, "partners:read") && user.role !== "REGIONAL_LEAD";
}

/** Turns the setting on or off (channel managers and admins); audited. */
export async function setPartnersSeeOwnSegment(db: PrismaClient, user: SessionUser, show: boolean): Promise<void> {
  if (!mayChangeSegmentVisibility(user)) {
    throw new SegmentVisibilityForbiddenError("Only channel managers and admins decide what partners see");
  }
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key: SHOW_OWN_SEGMENT_KEY },
      create: { key: SHOW_OWN_SEGMENT_KEY, value: show, updatedById: user.id },
      update: { value: show, updatedById: user.id },
      select: { key: true },
    });
    await recordAudit(tx, { actorUserId: user.id, action: "partner_settings.update", entityType: "Setting", entityId: SHOW_OWN_SEGMENT_KEY, data: { show } });
  });
}

export type OwnSegmentView = {
  partner: { id: string; name: string; regionCode: string; tier: PartnerTier };
  /** Segment and health only: the churn risk is never shown to the partner it is about. */
  scoring: Omit<PartnerScoring, "churn"> | null;
};

/**
 * What a partner user may see of their own scores: "forbidden" while the program keeps segments
 * to itself, "not_found" for any organization but their own, else their segment and health.
 */
export async function ownSegmentView(db: PrismaClient, user: SessionUser, partnerOrgId: string): Promise<OwnSegmentView | "forbidden" | "not_found"> {
  if (!isPartnerRole(user.role) || !(await partnersSeeOwnSegment(db))) return "forbidden";
  if (!user.partnerOrgId || user.partnerOrgId !== partnerOrgId) return "not_found";
  const partner = await db.partnerOrg.findUnique({ where: { id: user.partnerOrgId }, select: { id: true, name: true, regionCode: true, tier: true } });
  if (!partner) return "not_found";
  const scoring = await latestScoring(db, partner.id);
  if (!scoring) return { partner, scoring: null };
  const { run, segment, health } = scoring;
  return { partner, scoring: { run, segment, health } };
}

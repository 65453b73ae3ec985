// The lists on one partner's 360 profile: the newest deals, incentive ledger entries and
// activities (the timeline). Always for one organization, named by the caller.
import type { PrismaClient } from "../db/generated/client.ts";
import type { ActivityKind, DealStage, DealStatus, LedgerKind } from "../db/generated/enums.ts";
import { type Money, toMoney } from "../money.ts";

export const RECENT_DEALS = 10;
export const RECENT_LEDGER_ENTRIES = 10;
export const TIMELINE_ACTIVITIES = 30;

export type ProfileDeal = {
  id: string;
  title: string;
  customerName: string;
  status: DealStatus;
  stage: DealStage;
  value: Money;
  submittedAt: string;
  expectedCloseDate: string;
  winProbability: number | null;
};

export type ProfileLedgerEntry = { id: string; kind: LedgerKind; amount: Money; occurredAt: string; explanation: string; programName: string | null };

export type TimelineActivity = { id: string; kind: ActivityKind; detail: string | null; occurredAt: string; userName: string | null };

type Db = Pick<PrismaClient, "deal" | "incentiveLedgerEntry" | "activity">;

export async function recentDeals(db: Db, partnerOrgId: string): Promise<ProfileDeal[]> {
  const deals = await db.deal.findMany({
    where: { partnerOrgId },
    select: {
      id: true, title: true, status: true, stage: true, amount: true, currency: true, submittedAt: true,
      expectedCloseDate: true, winProbability: true, customer: { select: { name: true } },
    },
    orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
    take: RECENT_DEALS,
  });
  return deals.map((d) => ({
    id: d.id,
    title: d.title,
    customerName: d.customer.name,
    status: d.status,
    stage: d.stage,
    value: toMoney(d.amount, d.currency),
    submittedAt: d.submittedAt.toISOString(),
    expectedCloseDate: d.expectedCloseDate.toISOString().slice(0, 10),
    winProbability: d.winProbability,
  }));
}

export async function recentLedgerEntries(db: Db, partnerOrgId: string): Promise<ProfileLedgerEntry[]> {
  const entries = await db.incentiveLedgerEntry.findMany({
    where: { partnerOrgId },
    select: { id: true, kind: true, amount: true, currency: true, occurredAt: true, explanation: true, program: { select: { name: true } } },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: RECENT_LEDGER_ENTRIES,
  });
  return entries.map((e) => ({
    id: e.id.toString(),
    kind: e.kind,
    amount: toMoney(e.amount, e.currency),
    occurredAt: e.occurredAt.toISOString(),
    explanation: e.explanation,
    programName: e.program?.name ?? null,
  }));
}

export async function activityTimeline(db: Db, partnerOrgId: string): Promise<TimelineActivity[]> {
  const activities = await db.activity.findMany({
    where: { partnerOrgId },
    select: { id: true, kind: true, detail: true, occurredAt: true, user: { select: { name: true } } },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: TIMELINE_ACTIVITIES,
  });
  return activities.map((a) => ({
    id: a.id.toString(),
    kind: a.kind,
    detail: a.detail,
    occurredAt: a.occurredAt.toISOString(),
    userName: a.user?.name ?? null,
  }));
}

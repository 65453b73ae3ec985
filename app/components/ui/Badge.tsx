// Coloured labels for statuses, tiers and severities; the text always says it, colour only helps.
import { useTranslation } from "react-i18next";

type Tone = "slate" | "blue" | "green" | "red" | "amber" | "violet" | "yellow" | "zinc";

const tones: Record<Tone, string> = {
  slate: "bg-slate-100 text-slate-700 ring-slate-500/20",
  blue: "bg-brand-50 text-brand-700 ring-brand-600/20",
  green: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  red: "bg-red-50 text-red-700 ring-red-600/20",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/20",
  violet: "bg-violet-50 text-violet-700 ring-violet-600/20",
  yellow: "bg-yellow-50 text-yellow-800 ring-yellow-600/20",
  zinc: "bg-zinc-100 text-zinc-800 ring-zinc-500/30",
};

export function Badge({ tone, children }: { tone: Tone; children: string }) {
  return (
    <span className={`inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${tones[tone]}`}>
      {children}
    </span>
  );
}

const statusTones = { SUBMITTED: "amber", APPROVED: "blue", REJECTED: "red", WON: "green", LOST: "slate", EXPIRED: "zinc" } as const;
export type DealStatusName = keyof typeof statusTones;

export function DealStatusBadge({ status }: { status: DealStatusName }) {
  const { t } = useTranslation();
  return <Badge tone={statusTones[status]}>{t(`dealStatus.${status}`)}</Badge>;
}

const tierTones = { REGISTERED: "slate", SILVER: "zinc", GOLD: "yellow", PLATINUM: "violet" } as const;
export type TierName = keyof typeof tierTones;

export function TierBadge({ tier }: { tier: TierName }) {
  const { t } = useTranslation();
  return <Badge tone={tierTones[tier]}>{t(`tiers.${tier}`)}</Badge>;
}

const severityTones = { LOW: "slate", MEDIUM: "amber", HIGH: "red" } as const;

export function SeverityBadge({ severity }: { severity: keyof typeof severityTones }) {
  const { t } = useTranslation();
  return <Badge tone={severityTones[severity]}>{t(`severity.${severity}`)}</Badge>;
}

const jobStateTones = { created: "slate", retry: "amber", active: "blue", completed: "green", cancelled: "zinc", failed: "red" } as const;

export function JobStateBadge({ state }: { state: keyof typeof jobStateTones }) {
  const { t } = useTranslation();
  return <Badge tone={jobStateTones[state]}>{t(`jobs.state.${state}`)}</Badge>;
}

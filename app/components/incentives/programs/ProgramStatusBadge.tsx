// A programme version's lifecycle status as a badge: draft (amber), active (green), archived (grey).
import { useTranslation } from "react-i18next";
import type { ProgramStatus } from "../../../../models/incentives/program-kinds.ts";
import { Badge } from "../../ui/Badge.tsx";

const tones = { DRAFT: "amber", ACTIVE: "green", ARCHIVED: "zinc" } as const;

export function ProgramStatusBadge({ status }: { status: ProgramStatus }) {
  const { t } = useTranslation();
  return <Badge tone={tones[status]}>{t(`programs.statuses.${status}`)}</Badge>;
}

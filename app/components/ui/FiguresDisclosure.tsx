// "Show the figures as a table" under a chart: the same numbers for screen readers, keyboards
// and anyone who wants to read them exactly, folded away until asked for.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export function FiguresDisclosure({ className = "mt-3 text-sm", children }: { className?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <details className={className}>
      <summary className="cursor-pointer font-medium text-brand-700 hover:underline">{t("common.showAsTable")}</summary>
      {children}
    </details>
  );
}

// Headline numbers. Each value carries a stable data-testid and its raw value in data-value,
// so end-to-end tests can assert seeded numbers without parsing formatted text.
import type { ReactNode } from "react";
import { Link } from "react-router";

export function KpiGrid({ label, children }: { label: string; children: ReactNode }) {
  return (
    <dl aria-label={label} className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
      {children}
    </dl>
  );
}

type KpiProps = {
  label: string;
  /** One line per entry: several currencies are shown one under the other. */
  value: string | readonly string[];
  testId: string;
  rawValue: string | number;
  hint?: ReactNode;
  tone?: "default" | "warning" | "good";
  href?: string;
  linkLabel?: string;
};

const tones = {
  default: "text-slate-900",
  warning: "text-amber-700",
  good: "text-emerald-700",
} as const;

export function Kpi({ label, value, testId, rawValue, hint, tone = "default", href, linkLabel }: KpiProps) {
  const lines = typeof value === "string" ? [value] : value;
  return (
    <div className="relative rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <dt className="text-sm font-medium text-slate-500">{label}</dt>
      <dd
        className={`mt-2 font-semibold tracking-tight tabular-nums ${lines.length > 1 ? "text-xl" : "text-2xl sm:text-3xl"} ${tones[tone]}`}
        data-testid={testId}
        data-value={rawValue}
      >
        {lines.map((line, i) => (
          <span key={i} className="block">{line}</span>
        ))}
      </dd>
      {hint ? <dd className="mt-1 text-sm text-slate-500">{hint}</dd> : null}
      {href && linkLabel ? (
        <dd className="mt-3 text-sm">
          <Link to={href} className="font-medium text-brand-600 hover:text-brand-700 hover:underline">
            {linkLabel} <span aria-hidden="true">→</span>
          </Link>
        </dd>
      ) : null}
    </div>
  );
}

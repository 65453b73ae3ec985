// A titled white panel: the building block of dashboards and detail pages.
import type { ReactNode } from "react";

type CardProps = {
  title: string;
  /** Heading level inside the page (pages use h1, so cards default to h2). */
  level?: 2 | 3;
  description?: string;
  action?: ReactNode;
  children: ReactNode;
  className?: string;
  /** For cards whose body is a table or list that runs to the edges. */
  flush?: boolean;
};

export function Card({ title, level = 2, description, action, children, className = "", flush = false }: CardProps) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section className={`flex min-w-0 flex-col rounded-xl bg-white shadow-sm ring-1 ring-slate-200 ${className}`}>
      <header className="flex items-start justify-between gap-4 border-b border-slate-100 px-5 py-4">
        <div>
          <Heading className="text-base font-semibold text-slate-900">{title}</Heading>
          {description ? <p className="mt-0.5 text-sm text-slate-500">{description}</p> : null}
        </div>
        {action ? <div className="shrink-0 text-sm">{action}</div> : null}
      </header>
      <div className={flush ? "flex-1 overflow-hidden rounded-b-xl" : "flex-1 px-5 py-4"}>{children}</div>
    </section>
  );
}

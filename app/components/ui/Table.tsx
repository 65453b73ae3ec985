// Accessible data tables: a caption (visible or for screen readers), column headers with
// scope, numeric columns aligned right, and horizontal scrolling on narrow screens.
import type { ReactNode } from "react";

export function Table({ caption, captionHidden = true, children, testId }: { caption: string; captionHidden?: boolean; children: ReactNode; testId?: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid={testId}>
        <caption className={captionHidden ? "sr-only" : "px-5 py-3 text-left text-sm font-medium text-slate-700"}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ children, numeric = false, hidden = false }: { children: ReactNode; numeric?: boolean; hidden?: boolean }) {
  return (
    <th
      scope="col"
      className={`bg-slate-50 px-5 py-2.5 text-xs font-semibold tracking-wide text-slate-600 uppercase ${numeric ? "text-right" : "text-left"}`}
    >
      {hidden ? <span className="sr-only">{children}</span> : children}
    </th>
  );
}

export function Td({ children, numeric = false, className = "" }: { children: ReactNode; numeric?: boolean; className?: string }) {
  return <td className={`px-5 py-3 align-top ${numeric ? "text-right tabular-nums whitespace-nowrap" : ""} ${className}`}>{children}</td>;
}

/** The first cell of a row, naming what the row is about. */
export function RowHeader({ children }: { children: ReactNode }) {
  return (
    <th scope="row" className="min-w-48 px-5 py-3 text-left align-top font-medium text-slate-900">
      {children}
    </th>
  );
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-slate-100 bg-white">{children}</tbody>;
}

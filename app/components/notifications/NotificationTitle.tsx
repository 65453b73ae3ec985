// A notification's title as a link where it leads somewhere safe: a portal page in place, an
// external page (a forwarded tender) in a new tab, marked as such; otherwise plain text.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { notificationTarget } from "./notification-link.ts";

const linkClass = "text-brand-700 hover:underline";

export function NotificationTitle({ title, link }: { title: string; link: string | null }) {
  const { t } = useTranslation();
  const target = notificationTarget(link);
  if (target === null) return <span>{title}</span>;
  if (target.kind === "portal") return <Link to={target.href} className={linkClass}>{title}</Link>;
  return (
    <a href={target.href} target="_blank" rel="noopener noreferrer" className={linkClass} data-external="true">
      {title}
      <span aria-hidden="true"> ↗</span>
      <span className="sr-only">{` ${t("common.opensInNewTab")}`}</span>
    </a>
  );
}

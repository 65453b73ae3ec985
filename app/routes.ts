import { type RouteConfig, index, layout, prefix, route } from "@react-router/dev/routes";

export default [
  index("routes/index.tsx"),
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.tsx"),
  layout("routes/portal.tsx", [
    route("dashboard", "routes/dashboard.tsx"),
    route("deals", "routes/deals.tsx"),
    route("deals/new", "routes/deals.new.tsx"),
    route("deals/:dealId", "routes/deal.tsx"),
    route("review", "routes/review.tsx"),
    route("admin/jobs", "routes/admin.jobs.tsx"),
    route("settings/deals", "routes/settings.deals.tsx"),
    route("notifications", "routes/notifications.tsx"),
  ]),
  route("deals/export.csv", "routes/deals.export.ts"),
  ...prefix("api/v1", [
    route("openapi.json", "routes/api/openapi.ts"),
    route("auth/login", "routes/api/auth.login.ts"),
    route("auth/logout", "routes/api/auth.logout.ts"),
    route("me", "routes/api/me.ts"),
    route("admin/jobs", "routes/api/admin.jobs.ts"),
    route("admin/jobs/:queue/run", "routes/api/admin.jobs.run.ts"),
    route("admin/jobs/:queue/:jobId", "routes/api/admin.jobs.job.ts"),
    route("notifications", "routes/api/notifications.ts"),
    route("notifications/read", "routes/api/notifications.read.ts"),
    route("deals", "routes/api/deals.ts"),
    route("deals/conflicts", "routes/api/deals.conflicts.ts"),
    route("deals/:dealId", "routes/api/deals.deal.ts"),
    route("deals/:dealId/:transition", "routes/api/deals.transition.ts"),
    route("*", "routes/api/not-found.ts"),
  ]),
] satisfies RouteConfig;

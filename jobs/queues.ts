// The registry of every background queue (DESIGN.md §4): what it does, its retry and expiry
// policy, its schedule and its handler. A queue whose capability has not landed yet has no
// handler: it is created (so the admin page lists it) but never scheduled and cannot be run,
// because jobs sent to a queue nobody works would only pile up.
import { alertDigestHandler } from "./alert-digest.ts";
import { computeIncentivesHandler } from "./compute-incentives.ts";
import { expireDealsHandler } from "./expire-deals.ts";
import { forecastRegionsHandler } from "./forecast-regions.ts";
import type { JobHandler } from "./handler.ts";
import { partnerFeaturesHandler } from "./partner-features.ts";
import { routeAlertsHandler } from "./route-alerts.ts";
import { scoreDealsHandler } from "./score-deals.ts";
import { scrapeSourceHandler } from "./scrape-source.ts";
import { segmentPartnersHandler } from "./segment-partners.ts";
import { sendNotificationsHandler } from "./send-notifications.ts";
import type { PrismaClient } from "../models/db/generated/client.ts";
import { winModelMissing } from "../models/deals/win-model/score.ts";

export type QueueName =
  | "partner-features"
  | "segment-partners"
  | "forecast-regions"
  | "score-deals"
  | "expire-deals"
  | "compute-incentives"
  | "scrape-source"
  | "route-alerts"
  | "alert-digest"
  | "send-notifications";

export type QueuePolicy = {
  retryLimit: number;
  /** Seconds before the first retry; doubled (with jitter) on each further one. */
  retryDelay: number;
  retryBackoff: true;
  /** A job still active after this long is failed (and retried). */
  expireInSeconds: number;
  /** Where a job goes once its retries are used up. */
  deadLetter: `${QueueName}__dead`;
};

export type QueueDefinition = {
  name: QueueName;
  /** One line for the admin jobs page. */
  description: string;
  /** Cron (UTC) once the queue has a handler; null when jobs are only sent on events. */
  cron: string | null;
  policy: QueuePolicy;
  /** Jobs fetched per poll, and how often an idle worker polls (pg-boss 10 defaults are 1 and 2 s). */
  batchSize: number;
  pollingIntervalSeconds: number;
  /** undefined: the capability has not landed; the queue exists but is neither scheduled nor runnable. */
  handler: JobHandler | undefined;
  /** True when the job should run once at start-up because it has never produced anything. */
  neverRun?: (db: PrismaClient) => Promise<boolean>;
  /** How long that first run waits, for a job that needs the web server listening first. */
  firstRunDelaySeconds?: number;
};

const minute = 60;

function policy(name: QueueName, retryLimit: number, retryDelay: number, expireInSeconds: number): QueuePolicy {
  return { retryLimit, retryDelay, retryBackoff: true, expireInSeconds, deadLetter: `${name}__dead` };
}

export const queues: readonly QueueDefinition[] = [
  {
    name: "partner-features",
    description: "Nightly: each partner's feature vector from deals, sales and activities",
    cron: "15 2 * * *",
    policy: policy("partner-features", 3, minute, 30 * minute),
    batchSize: 1,
    pollingIntervalSeconds: 2,
    handler: partnerFeaturesHandler,
    neverRun: async (db) => (await db.partnerFeatures.findFirst({ select: { partnerOrgId: true } })) === null,
  },
  {
    name: "segment-partners",
    description: "Nightly: k-means segments of partners, with health and churn risk",
    cron: "45 2 * * *",
    policy: policy("segment-partners", 3, minute, 30 * minute),
    batchSize: 1,
    pollingIntervalSeconds: 2,
    handler: segmentPartnersHandler,
    neverRun: async (db) => (await db.segmentRun.findFirst({ where: { status: "SUCCEEDED" }, select: { id: true } })) === null,
  },
  {
    name: "forecast-regions",
    description: "Nightly: monthly sales forecast per region with intervals and a backtest",
    cron: "30 3 * * *",
    policy: policy("forecast-regions", 3, minute, 60 * minute),
    batchSize: 1,
    pollingIntervalSeconds: 2,
    handler: forecastRegionsHandler,
    neverRun: async (db) => (await db.forecastRun.findFirst({ where: { status: "SUCCEEDED" }, select: { id: true } })) === null,
  },
  {
    name: "score-deals",
    description: "On each submitted deal, and a nightly retrain: deal win probability with reasons",
    cron: "0 4 * * *",
    policy: policy("score-deals", 5, 10, 15 * minute),
    batchSize: 20,
    pollingIntervalSeconds: 1,
    handler: scoreDealsHandler,
    neverRun: winModelMissing,
  },
  {
    name: "expire-deals",
    description: "Hourly: lapse expired deal protection and warn before it lapses",
    cron: "5 * * * *",
    policy: policy("expire-deals", 3, 30, 10 * minute),
    batchSize: 1,
    pollingIntervalSeconds: 2,
    handler: expireDealsHandler,
  },
  {
    name: "compute-incentives",
    description: "On deal and sales changes, and a nightly full run: incentive ledger entries",
    cron: "40 2 * * *",
    policy: policy("compute-incentives", 5, 10, 60 * minute),
    batchSize: 10,
    pollingIntervalSeconds: 1,
    handler: computeIncentivesHandler,
  },
  {
    name: "scrape-source",
    description: "Every 10 minutes: fetch, parse and deduplicate each market source that is due",
    cron: "*/10 * * * *",
    policy: policy("scrape-source", 3, minute, 10 * minute),
    batchSize: 4,
    pollingIntervalSeconds: 2,
    handler: scrapeSourceHandler,
    // The demo's sources are pages the app serves itself: scrape them once the web server is up,
    // so a first start shows alerts without waiting for the next ten-minute tick.
    neverRun: async (db) =>
      (await db.marketSource.findFirst({ where: { enabled: true }, select: { id: true } })) !== null &&
      (await db.marketSource.findFirst({ where: { lastRunAt: { not: null } }, select: { id: true } })) === null,
    firstRunDelaySeconds: 30,
  },
  {
    name: "route-alerts",
    description: "On new market items: match regions, keywords and competitors; alert and recommend partners",
    cron: null,
    policy: policy("route-alerts", 5, 10, 10 * minute),
    batchSize: 10,
    pollingIntervalSeconds: 1,
    handler: routeAlertsHandler,
  },
  {
    name: "alert-digest",
    description: "Hourly: each regional lead's daily e-mail digest of unread alerts, once a day after 07:00 their time",
    cron: "0 * * * *",
    policy: policy("alert-digest", 3, minute, 10 * minute),
    batchSize: 1,
    pollingIntervalSeconds: 2,
    handler: alertDigestHandler,
  },
  {
    name: "send-notifications",
    description: "Every minute: send the e-mail outbox over SMTP (without SMTP the mails wait in the outbox)",
    cron: "* * * * *",
    policy: policy("send-notifications", 8, 5, 5 * minute),
    batchSize: 20,
    pollingIntervalSeconds: 0.5,
    handler: sendNotificationsHandler,
  },
];

export function findQueue(name: string): QueueDefinition | undefined {
  return queues.find((q) => q.name === name);
}

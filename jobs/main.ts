// The job layer's public face for the start script and the admin routes: start pg-boss, and
// the queue registry that models/jobs/admin.ts reads as its catalogue.
export { startJobs } from "./worker.ts";
export type { Jobs, StartJobsOptions } from "./worker.ts";
export { findQueue, queues } from "./queues.ts";
export type { QueueDefinition, QueueName } from "./queues.ts";
export type { JobsLog, JobsLogLevel } from "./handler.ts";

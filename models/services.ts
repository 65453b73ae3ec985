// Process-wide services that the start-up code creates and the bundled web app uses (the web
// build is a separate module graph, so a plain module-level variable would not be shared).
import type PgBoss from "pg-boss";

type Services = { jobQueue?: PgBoss };

const key = Symbol.for("channelwise.services");
const holder = globalThis as typeof globalThis & { [key]?: Services };

function services(): Services {
  holder[key] ??= {};
  return holder[key];
}

export function setJobQueue(boss: PgBoss | undefined): void {
  services().jobQueue = boss;
}

/** The pg-boss client of this process, or null when the job system is not started here. */
export function getJobQueue(): PgBoss | null {
  return services().jobQueue ?? null;
}

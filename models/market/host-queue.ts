// Politeness per host: requests to one host (host:port) run one at a time, each starting at least
// `spacingMs` after the previous one finished (robots.txt crawl-delay, or the default spacing).
type HostTurns = { tail: Promise<void>; lastDoneAt: number; pending: number };

const hosts = new Map<string, HostTurns>();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The default spacing between two requests to one host when robots.txt names no crawl-delay. */
export const DEFAULT_HOST_SPACING_MS = 1000;

/** Runs `task` in `host`'s turn: after every earlier task for that host, and `spacingMs` after the last one ended. */
export async function runInHostTurn<T>(host: string, spacingMs: number, task: () => Promise<T>): Promise<T> {
  const key = host.toLowerCase();
  const turns = hosts.get(key) ?? { tail: Promise.resolve(), lastDoneAt: 0, pending: 0 };
  hosts.set(key, turns);
  turns.pending += 1;
  const previous = turns.tail;
  let release = () => {};
  turns.tail = new Promise<void>((resolve) => (release = resolve));
  try {
    await previous;
    const wait = turns.lastDoneAt + spacingMs - Date.now();
    if (wait > 0) await sleep(wait);
    return await task();
  } finally {
    turns.lastDoneAt = Date.now();
    turns.pending -= 1;
    release();
    // An idle host is forgotten once its spacing has passed, so the map stays as small as the work.
    if (turns.pending === 0) setTimeout(() => turns.pending === 0 && hosts.get(key) === turns && hosts.delete(key), spacingMs).unref();
  }
}

// A small leveled logger for the server, the worker and the CLIs: one line per event, to
// stdout (info, debug) or stderr (warn, error), filtered by LOG_LEVEL.
export type LogLevel = "debug" | "info" | "warn" | "error";
export type Logger = Record<LogLevel, (message: string) => void>;

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(level: LogLevel = "info", scope?: string): Logger {
  const write = (at: LogLevel) => (message: string) => {
    if (order[at] < order[level]) return;
    const line = `${new Date().toISOString()} ${at.toUpperCase().padEnd(5)} ${scope ? `[${scope}] ` : ""}${message}`;
    if (at === "warn" || at === "error") process.stderr.write(line + "\n");
    else process.stdout.write(line + "\n");
  };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}

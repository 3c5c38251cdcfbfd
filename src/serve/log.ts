/** Server log lines on stderr, filtered by the configured level. */
import type { LogLevel } from "../config/types.js";

const RANK: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  const at = (wanted: LogLevel) => (message: string) => {
    if (RANK[wanted] <= RANK[level]) write(`${new Date().toISOString()} ${wanted} ${message}\n`);
  };
  return { error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") };
}

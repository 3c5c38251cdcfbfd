/**
 * Turns anything thrown into one line on stderr and an exit code: 2 for usage and configuration
 * mistakes, 1 for failures while running. Stack traces only at log level debug.
 */
import { CommanderError } from "commander";
import { isPaperfeedError, messageOf } from "../core/errors.js";

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Ids of `PaperfeedError("cli", …)` that mean "the command line was wrong". */
const USAGE_IDS = new Set(["usage"]);

export function reportError(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (or the help / version text).
    return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  process.stderr.write(`paperfeed: ${messageOf(error).replace(/\s*\n\s*/g, " ")}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  if (isPaperfeedError(error) && (error.component === "config" || USAGE_IDS.has(error.id))) return EXIT_USAGE;
  return EXIT_FAILURE;
}

/** Debug output is decided before (and even when) the configuration loads. */
export function wantsDebug(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  const flagAt = argv.lastIndexOf("--log-level");
  if (flagAt >= 0) return argv[flagAt + 1] === "debug";
  if (argv.includes("--log-level=debug")) return true;
  return env.PAPERFEED_LOG_LEVEL === "debug";
}

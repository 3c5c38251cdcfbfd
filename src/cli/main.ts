/**
 * Entry point of the `paperfeed` command (`bin/paperfeed.js` calls it). Returns the exit code:
 * 0 success, 1 failure while running, 2 bad command line or configuration.
 */
import type { CliRun } from "./command.js";
import { createProgram } from "./program.js";
import { reportError, wantsDebug, EXIT_USAGE } from "./report-error.js";

export async function main(argv: string[]): Promise<number> {
  // `paperfeed search … | head` closes the pipe early; that is not an error worth a trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  const run: CliRun = { exitCode: 0 };
  const program = createProgram(run);
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync(argv, { from: "user" });
    return run.exitCode;
  } catch (error) {
    return reportError(error, wantsDebug(argv, process.env));
  }
}

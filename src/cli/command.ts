import type { Command } from "commander";

/** Where a command leaves its exit code; actions cannot return one through commander. */
export interface CliRun {
  exitCode: number;
}

/** Each file in `commands/` exports one of these: it adds its subcommand to the program. */
export type RegisterCommand = (program: Command, run: CliRun) => void;

/** "Examples:" help section, one `$ paperfeed …` line each. */
export function examples(command: Command, lines: string[]): Command {
  return command.addHelpText(
    "after",
    `\nExamples:\n${lines.map((line) => `  $ paperfeed ${line}`).join("\n")}`,
  );
}

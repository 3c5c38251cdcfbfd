import { InvalidArgumentError } from "commander";
import { dayProblem } from "../../ingest/harvest/dates.js";
import { examples, type RegisterCommand } from "../command.js";
import { configOf } from "../config-options.js";
import { withStore } from "../open.js";
import { runHarvest } from "./harvest-run.js";

/** Commander parser for a day flag: "2026-13-01 is not a calendar date" becomes a usage error naming the flag. */
function day(text: string): string {
  const problem = dayProblem(text);
  if (problem) throw new InvalidArgumentError(`${text} ${problem}`);
  return text;
}

export const registerHarvest: RegisterCommand = (program, run) => {
  const command = program
    .command("harvest")
    .description("harvest new and changed papers from arXiv's OAI-PMH endpoint (resumes where the last harvest stopped)")
    .option("--from <date>", "first day, YYYY-MM-DD (default: where the last harvest stopped; on a new database --backfill-days back)", day)
    .option("--until <date>", "last day, YYYY-MM-DD (default: up to today)", day)
    .option("--set <spec>", "OAI set, e.g. cs or physics:hep-th; repeat for several (default --harvest-sets; none: all of arXiv)", (value: string, previous: string[]) => [...previous, value], [] as string[])
    .action(async (options: { from?: string; until?: string; set: string[] }, self) => {
      const config = configOf(self);
      run.exitCode = await withStore(config, (store) => runHarvest(store, config, options));
    });
  examples(command, [
    "harvest --contact ops@example.org",
    "harvest --from 2026-01-05 --until 2026-01-09 --set cs --set physics:hep-th",
    "harvest --arxiv-oai-url http://127.0.0.1:8999/oai --from 2026-01-05",
  ]);
};

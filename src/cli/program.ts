/**
 * The `paperfeed` command tree. Settings shared by every subcommand (exit override, output,
 * help layout) are set before the subcommands are added, because commander copies them then.
 */
import { readFileSync } from "node:fs";
import { Command } from "commander";
import type { CliRun, RegisterCommand } from "./command.js";
import { examples } from "./command.js";
import { addConfigOptions } from "./config-options.js";
import { registerAdmin } from "./commands/admin.js";
import { registerDigest } from "./commands/digest.js";
import { registerEval } from "./commands/eval.js";
import { registerHarvest } from "./commands/harvest.js";
import { registerImport } from "./commands/import.js";
import { registerMigrate } from "./commands/migrate.js";
import { registerMcp } from "./commands/mcp.js";
import { registerReindex } from "./commands/reindex.js";
import { registerSearch } from "./commands/search.js";
import { registerServe } from "./commands/serve.js";
import { registerStats } from "./commands/stats.js";
import { registerToken } from "./commands/token.js";
import { registerWorker } from "./commands/worker.js";

const COMMANDS: RegisterCommand[] = [
  registerImport,
  registerHarvest,
  registerServe,
  registerSearch,
  registerMcp,
  registerStats,
  registerReindex,
  registerEval,
  registerDigest,
  registerWorker,
  registerAdmin,
  registerToken,
  registerMigrate,
];

const packageJson = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
};

export function createProgram(run: CliRun): Command {
  const program = new Command("paperfeed")
    .description("Self-hostable research-paper discovery: import arXiv metadata, search it, serve it.")
    .version(packageJson.version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .configureOutput({ outputError: (text, write) => write(`paperfeed: ${text.replace(/^error: /, "")}`) });
  addConfigOptions(program);
  examples(program, [
    "import arxiv-metadata-oai-snapshot.json --db papers.db",
    "serve --db papers.db --port 8080",
    'search "graph neural networks" --db papers.db --limit 5',
    "stats --db papers.db",
  ]);
  program.addHelpText(
    "after",
    "\nEvery global option can also be set by its PAPERFEED_* variable; a flag wins over its variable.",
  );
  for (const register of COMMANDS) register(program, run);
  return program;
}

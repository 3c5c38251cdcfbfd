import { Option } from "commander";
import { FORMAT_NAMES } from "../../ingest/formats.js";
import { examples, type RegisterCommand } from "../command.js";
import { configOf } from "../config-options.js";
import { withStore } from "../open.js";
import { runImport } from "./import-run.js";

export const registerImport: RegisterCommand = (program, run) => {
  const command = program
    .command("import")
    .description("import arXiv metadata files (Kaggle snapshot, OAI-PMH, Atom API, daily listings; .gz too)")
    .argument("<file...>", "files to import, in order")
    .addOption(
      new Option("--format <name>", "input format (default: detected from each file's content)").choices(
        FORMAT_NAMES,
      ),
    )
    .action(async (files: string[], options: { format?: string }, self) => {
      const config = configOf(self);
      run.exitCode = await withStore(config, (store) => runImport(store, files, options.format, config.indexDir));
    });
  examples(command, [
    "import arxiv-metadata-oai-snapshot.json --db papers.db",
    "import listings/*.jsonl.gz",
    "import harvest.xml --format oai-pmh",
  ]);
};

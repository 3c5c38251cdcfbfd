import { existsSync } from "node:fs";
import { Option } from "commander";
import { PaperfeedError } from "../../core/errors.js";
import type { SortOrder } from "../../search/types.js";
import { examples, type RegisterCommand } from "../command.js";
import { configOf } from "../config-options.js";
import { withLiveIndex } from "../open.js";
import { integerIn, usageError } from "../usage-error.js";
import { searchOnce } from "./search-once.js";
import { searchBatch } from "./search-batch.js";

export interface SearchOptions {
  /** Results shown for a single query; default 20, 1–200. */
  limit: number;
  sort: SortOrder;
  format: "text" | "json" | "trec";
  json?: boolean;
  /** BEIR-style queries file ({"_id","text"} per line) for batch mode. */
  queries?: string;
  /** Results per query in batch mode; default 100, 1–10000. */
  top: number;
  /** Last column of every TREC run line; default "paperfeed". */
  runName: string;
}

export const registerSearch: RegisterCommand = (program) => {
  const command = program
    .command("search")
    .description("search the papers from the command line, or run a batch of queries into a TREC run file")
    .argument("[query]", "query in paperfeed's query language, e.g. '\"neural network\" au:hinton cat:cs.LG'")
    .option("--limit <n>", "results to show, 1-200", integerIn(1, 200), 20)
    .addOption(
      new Option("--sort <order>", "result order")
        .choices(["relevance", "newest", "oldest"])
        .default("relevance"),
    )
    .addOption(
      new Option("--format <name>", "output format").choices(["text", "json", "trec"]).default("text"),
    )
    .option("--json", "same as --format json")
    .option("--queries <file>", 'batch mode: JSONL file of {"_id", "text"} queries (BEIR queries.jsonl)')
    .option("--top <k>", "batch mode: results per query, 1-10000", integerIn(1, 10_000), 100)
    .option("--run-name <name>", "batch mode: run name in the last TREC column", "paperfeed")
    .action(async (query: string | undefined, options: SearchOptions, self) => {
      const format = options.json ? "json" : options.format;
      const config = configOf(self);
      if (options.queries) {
        if (query !== undefined) throw usageError("give either a query or --queries FILE, not both");
        if (self.getOptionValueSource("format") === "cli" && format !== "trec") {
          throw usageError("--queries writes a TREC run; use --format trec");
        }
        const file = options.queries;
        // Say so before loading the index, which takes seconds on a full arXiv database.
        if (!existsSync(file))
          throw new PaperfeedError("cli", "queries_not_found", `queries file ${file} not found`);
        await withLiveIndex(config, (index) => searchBatch(index.engine, file, options));
        return;
      }
      if (query === undefined) throw usageError("search needs a query (or --queries FILE for a batch)");
      if (format === "trec") throw usageError("--format trec needs --queries FILE");
      await withLiveIndex(config, (index, store) =>
        searchOnce(index.engine, store, query, { ...options, format }),
      );
    });
  examples(command, [
    'search "diphoton production" --db papers.db',
    "search 'au:yuan cat:hep-ph' --sort newest --limit 5",
    'search "quantum error correction" --json | jq .hits[0]',
    "search --queries queries.jsonl --top 100 --format trec --run-name bm25 > run.trec",
  ]);
};

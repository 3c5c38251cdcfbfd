import { Option } from "commander";
import { examples, type RegisterCommand } from "../command.js";
import { usageError } from "../usage-error.js";

export const registerEval: RegisterCommand = (program) => {
  const command = program
    .command("eval")
    .description("measure ranking quality on a BEIR-style test collection (corpus, queries, qrels)")
    .argument("<dir>", "collection directory with corpus.jsonl(.gz), queries.jsonl and qrels/<split>.tsv")
    .option("--split <name>", "qrels split to evaluate (default: test, else dev, else train)")
    .addOption(
      new Option("--task <task>", "search: answer queries.jsonl; related: each judged query id is a corpus document whose own text asks for papers like it")
        .choices(["search", "related"])
        .default("search"),
    )
    .option("--mode <mode>", "rankings to score: lexical, semantic, hybrid or all (default: lexical)", "lexical")
    .action(async (dir: string, options: { split?: string; task: "search" | "related"; mode: string }) => {
      const onProgress = (message: string) => process.stderr.write(`eval: ${message}\n`);
      const { formatEvaluation, runEvaluation, EVALUATION_MODES } = await import("../../search/eval/run.js");
      const mode = EVALUATION_MODES.find((m) => m === options.mode);
      if (!mode) throw usageError(`--mode must be one of ${EVALUATION_MODES.join(", ")}, not "${options.mode}"`);
      const result = await runEvaluation(dir, { split: options.split, task: options.task, mode, onProgress });
      process.stdout.write(`${formatEvaluation(result)}\n`);
    });
  examples(command, [
    "eval data/beir/scifact",
    "eval data/beir/scifact --split train",
    "eval data/beir/scifact --mode all",
    "eval bench/out/related-devset --task related --mode hybrid",
  ]);
};

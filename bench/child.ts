/**
 * Entry point of one benchmark child process: `child.ts <task> <args.json> <result.json>`. Each
 * engine runs in its own process so that peak RSS and heap numbers belong to it alone.
 */
import fs from "node:fs";
import { runDigestBench } from "./digest.js";
import { runImport } from "./import.js";
import { runFts5 } from "./search/fts5.js";
import { buildOurs, fuzzOurs, serveOurs } from "./search/ours.js";

const TASKS: Record<string, (args: never) => Promise<unknown>> = {
  "ours-build": buildOurs,
  "ours-serve": serveOurs,
  "ours-fuzz": fuzzOurs,
  fts5: runFts5,
  import: runImport,
  digest: runDigestBench,
};

const [task = "", argsFile = "", resultFile = ""] = process.argv.slice(2);
const run = TASKS[task];
if (!run || !argsFile || !resultFile) {
  console.error(`usage: child.ts <${Object.keys(TASKS).join("|")}> <args.json> <result.json>`);
  process.exit(2);
}
const result = await run(JSON.parse(fs.readFileSync(argsFile, "utf8")) as never);
fs.writeFileSync(resultFile, JSON.stringify(result, null, 1));

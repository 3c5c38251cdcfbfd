/**
 * The demo library shipped with paperfeed: a few thousand recent arXiv papers (CC0 metadata) in
 * the daily-listing format, made by scripts/make-demo-data.ts. `importFiles(store, [DEMO_DATA_PATH])`
 * loads it; the path is absolute, resolved from this module, so it works from any working directory.
 */
import { fileURLToPath } from "node:url";

export const DEMO_DATA_PATH: string = fileURLToPath(
  new URL("../../data/demo/papers.jsonl.gz", import.meta.url),
);

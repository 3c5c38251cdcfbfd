/**
 * What `stats` can say about the search index without loading it (loading all of arXiv takes
 * seconds): whether its directory exists and how much it holds on disk.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config/index.js";

export interface IndexStatus {
  dir: string;
  /** False until the first `serve`, `search` or `reindex` builds it. */
  built: boolean;
  files: number;
  bytes: number;
  /** One line for people, e.g. "12 files, 84.1 MB in ./data/paperfeed.db.index". */
  summary: string;
}

export function indexStatus(config: Config): IndexStatus {
  const dir = config.indexDir;
  if (!existsSync(dir)) {
    return {
      dir,
      built: false,
      files: 0,
      bytes: 0,
      summary: `not built yet (${dir}); search, serve or reindex builds it`,
    };
  }
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  const size = `${(bytes / 1e6).toFixed(1)} MB`;
  return { dir, built: files > 0, files, bytes, summary: `${files} files, ${size} in ${dir}` };
}

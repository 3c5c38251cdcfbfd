/**
 * What `stats` can say about the search index without loading it (loading all of arXiv takes
 * seconds): its manifest says how many papers it holds and which store change it reflects.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config/index.js";
import { ANALYZER_VERSION, FORMAT_VERSION, MANIFEST, type Manifest } from "../search/persist/format.js";
import type { StoreStats } from "../store/types.js";

export interface IndexStatus {
  dir: string;
  state: "missing" | "current" | "behind" | "outdated" | "unreadable";
  /** Papers in the saved index, when there is one. */
  papers: number | null;
  /** Store changes made since it was saved (applied when the index next opens). */
  changesBehind: number | null;
  savedAt: string | null;
  /** One line for people. */
  summary: string;
}

export function indexStatus(config: Config, stats: StoreStats): IndexStatus {
  const dir = config.indexDir;
  const none = { dir, papers: null, changesBehind: null, savedAt: null };
  if (!existsSync(join(dir, MANIFEST))) {
    return {
      ...none,
      state: "missing",
      summary: `not built yet (${dir}); search, serve or reindex builds it`,
    };
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST), "utf8")) as Manifest;
  } catch {
    return {
      ...none,
      state: "unreadable",
      summary: `${dir}: unreadable manifest; the next open rebuilds it`,
    };
  }
  const saved = { dir, papers: manifest.docCount, savedAt: manifest.savedAt };
  const held = `${manifest.docCount.toLocaleString("en-US")} papers, saved ${manifest.savedAt}`;
  if (manifest.format !== FORMAT_VERSION || manifest.analyzer !== ANALYZER_VERSION) {
    const summary = `${held}, by another version; the next open rebuilds it`;
    return { ...saved, changesBehind: null, state: "outdated", summary };
  }
  const behind = Math.max(0, stats.lastSeq - manifest.seq);
  if (behind === 0) return { ...saved, changesBehind: 0, state: "current", summary: `${held}, up to date` };
  const summary = `${held}, ${behind.toLocaleString("en-US")} store changes behind (applied when it next opens)`;
  return { ...saved, changesBehind: behind, state: "behind", summary };
}

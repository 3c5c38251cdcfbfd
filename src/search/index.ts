/** Public API of the search engine. */
import type { Paper } from "../core/paper.js";
import { PaperfeedError } from "../core/errors.js";
import { Engine, type SearchEngineOptions } from "./engine.js";
import { buildSegment, type BuildOptions } from "./index/bulk-build.js";
import { loadIndex, readManifest, verifyChecksums, type LoadOptions } from "./persist/load.js";
import { saveEngine } from "./persist/save.js";

export type * from "./types.js";
export { MAX_SEARCH_OFFSET } from "./types.js";
export type { SearchEngineOptions } from "./engine.js";
export type { BuildOptions } from "./index/bulk-build.js";
/** The engine behind `createSearchEngine`: a SearchEngine plus `optimize()`. */
export type { Engine as SegmentEngine } from "./engine.js";
export { ELLIPSIS, highlight, snippet, type Segment } from "./snippet.js";
export type { HighlightPhrase } from "./query/plan.js";
export { analyze } from "./analyze/analyzer.js";
export { DEFAULT_BM25F, FIELDS, type Bm25fParams, type FieldName, type FieldParams } from "./fields.js";
export { openLiveIndex, type LiveIndex, type LiveIndexOptions } from "./live.js";

/** A new, empty in-memory engine. */
export function createSearchEngine(options: SearchEngineOptions = {}): Engine {
  return new Engine(options);
}

/**
 * An engine holding all these papers as one segment: the fast path for building from scratch
 * (ids must be unique, as `Store.scanPapers` gives them).
 */
export async function buildSearchEngine(
  batches: AsyncIterable<readonly Paper[]> | Iterable<readonly Paper[]>,
  options: SearchEngineOptions = {},
  build: BuildOptions = {},
): Promise<Engine> {
  const engine = new Engine(options);
  const seg = await buildSegment(batches, engine.params, build);
  engine.segments.reset(seg ? [{ seg }] : []);
  return engine;
}

/** Saves an engine made here to `dir` (see persist/format.ts); `seq` is the store change it reflects. */
export function saveSearchEngine(engine: Engine, dir: string, seq = 0): void {
  saveEngine(engine, dir, seq);
}

/**
 * Loads an engine saved by `saveSearchEngine`; throws when the directory holds no sound index.
 * With `checksums: false`, run `verifySavedIndex` afterwards (see persist/load.ts).
 */
export function loadSearchEngine(dir: string, options: SearchEngineOptions = {}, load: LoadOptions = {}): Engine {
  const engine = new Engine(options);
  const loaded = loadIndex(dir, engine.params, load);
  if (!loaded.ok) throw new PaperfeedError("search", "index_unreadable", loaded.reason, 500);
  engine.segments.reset(loaded.segments);
  loadedFiles.set(engine, loaded.files);
  return engine;
}

/** Segment file bytes of the engines `loadSearchEngine` made, by file name. */
const loadedFiles = new WeakMap<Engine, Map<string, Uint8Array>>();

/**
 * Checks the CRC-32 of a saved index's segment files without blocking queries; null when sound.
 * Given the engine `loadSearchEngine` made from `dir`, its loaded bytes are checked in place,
 * which pages mapped files in (see persist/load.ts).
 */
export async function verifySavedIndex(dir: string, engine?: Engine): Promise<string | null> {
  const read = readManifest(dir);
  return read.ok ? verifyChecksums(dir, read.manifest, engine ? loadedFiles.get(engine) : undefined) : read.reason;
}
export { relatedPapers, fuseByRank, type RelatedOptions, type RelatedQuery, type RelatedRanker, type RankedPaper } from "./related.js";

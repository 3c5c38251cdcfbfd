/**
 * How the benchmark builds, saves and loads our engine: the public calls a full rebuild and a
 * restart make (`buildSearchEngine` over batches of papers, `saveSearchEngine`, `loadSearchEngine`).
 * The one place to change when the engine's API changes.
 */
import type { Paper } from "../../src/core/paper.js";
import {
  buildSearchEngine,
  loadSearchEngine,
  saveSearchEngine,
  verifySavedIndex,
  type SegmentEngine,
} from "../../src/search/index.js";

/** A full build from batches of papers, searchable when it returns. */
export async function buildEngine(batches: AsyncIterable<readonly Paper[]>): Promise<SegmentEngine> {
  const engine = await buildSearchEngine(batches);
  engine.search({ q: "", limit: 1 });
  return engine;
}

export function saveIndex(engine: SegmentEngine, dir: string): void {
  saveSearchEngine(engine, dir);
}

/**
 * Loads a saved index and answers a first query, as a restarted server would: checksums are
 * verified afterwards (`verifyIndex`), while it already serves.
 */
export function loadEngine(dir: string): SegmentEngine {
  const engine = loadSearchEngine(dir, {}, { checksums: false });
  engine.search({ q: "", limit: 1 });
  return engine;
}

/**
 * The background checksum pass a server runs after loading (over the loaded bytes, which pages
 * the mapped files in); null when sound.
 */
export function verifyIndex(dir: string, engine: SegmentEngine): Promise<string | null> {
  return verifySavedIndex(dir, engine);
}

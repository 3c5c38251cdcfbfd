/**
 * How the benchmark builds, saves and loads our engine: the same calls the live index makes for a
 * full rebuild (`buildSegment` over the store's batches, one merge) and for a restart (`loadIndex`).
 * The one place to change when the engine's API changes.
 */
import type { Paper } from "../../src/core/paper.js";
import { Engine } from "../../src/search/engine.js";
import { buildSegment } from "../../src/search/index/bulk-build.js";
import { loadIndex } from "../../src/search/persist/load.js";
import { saveEngine } from "../../src/search/persist/save.js";

/** A full build from batches of papers, searchable when it returns. */
export async function buildEngine(batches: AsyncIterable<readonly Paper[]>): Promise<Engine> {
  const engine = new Engine();
  const segment = await buildSegment(batches, engine.params);
  engine.segments.reset(segment ? [{ seg: segment }] : []);
  engine.search({ q: "", limit: 1 });
  return engine;
}

export function saveIndex(engine: Engine, dir: string): void {
  saveEngine(engine, dir, 0);
}

/** Loads a saved index and answers a first query, as a restarted server would. */
export function loadEngine(dir: string): Engine {
  const engine = new Engine();
  const loaded = loadIndex(dir, engine.params);
  if (!loaded.ok) throw new Error(`bench: ${loaded.reason}`);
  engine.segments.reset(loaded.segments);
  engine.search({ q: "", limit: 1 });
  return engine;
}

/**
 * How the benchmark makes, fills, saves and loads our engine. The one place to change when the
 * engine's API grows (e.g. a bulk build or a different file format).
 */
import type { Paper } from "../../src/core/paper.js";
import { createSearchEngine, type SearchEngine } from "../../src/search/index.js";

export interface EngineUnderTest {
  engine: SearchEngine;
  add(batch: readonly Paper[]): void;
  /** Work left after the last add (merging, freezing); may be nothing. */
  finish(): void;
}

export function newEngine(): EngineUnderTest {
  const engine = createSearchEngine();
  return {
    engine,
    add(batch) {
      for (const paper of batch) engine.add(paper);
    },
    // The engine buffers added papers until the next search; a first search makes them searchable.
    finish() {
      engine.search({ q: "", limit: 1 });
    },
  };
}

/** Saving to and loading from a directory, when the engine can: null while it cannot. */
export const persistence: null | {
  save(engine: SearchEngine, dir: string): Promise<void>;
  load(dir: string): Promise<SearchEngine>;
} = null;

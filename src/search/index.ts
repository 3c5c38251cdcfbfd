/** Public API of the search engine. */
import { Engine, type SearchEngineOptions } from "./engine.js";
import type { SearchEngine } from "./types.js";

export type * from "./types.js";
export type { SearchEngineOptions } from "./engine.js";
export { highlight, snippet, type Segment } from "./snippet.js";
export { analyze } from "./analyze/analyzer.js";
export { DEFAULT_BM25F, FIELDS, type Bm25fParams, type FieldName, type FieldParams } from "./fields.js";

/** A new, empty in-memory engine. */
export function createSearchEngine(options: SearchEngineOptions = {}): SearchEngine {
  return new Engine(options);
}

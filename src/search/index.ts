/** Public API of the search engine. */
import { createSimpleEngine } from "./simple-engine.js";
import type { SearchEngine } from "./types.js";

export type * from "./types.js";
export { highlight, snippet, type Segment } from "./snippet.js";
export { analyze } from "./analyze/analyzer.js";

export interface SearchEngineOptions {}

/** A new, empty in-memory engine. */
export function createSearchEngine(_options: SearchEngineOptions = {}): SearchEngine {
  return createSimpleEngine();
}

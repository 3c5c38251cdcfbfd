/**
 * The semantic layer's public face. Callers elsewhere use:
 * - `index.search(text, k)` (semanticSearch) and `index.related(paperId, k)` (semanticRelated) → RankedHit[];
 * - `hybrid(lexical, semantic, options)` to fuse two rankings, `hybridSearch(engine, index, q, k)` for both at once.
 */
export { buildSemanticIndex, type SemanticBuildOptions } from "./build.js";
export { hybrid, DEFAULT_SEMANTIC_WEIGHT, type HybridOptions } from "./fusion.js";
export { hybridSearch, type HybridSearchOptions } from "./hybrid-search.js";
export { SemanticIndex, paperText, type SemanticSearchOptions } from "./semantic-index.js";
export { trainTextModel, embedText, type TextModel, type TrainOptions } from "./model.js";
export type { RankedHit } from "./types.js";
export { HYBRID_BY_DEFAULT } from "./policy.js";

/**
 * One query through both layers: the lexical top `depth`, then the semantic neighbours of the
 * query moved toward the lexical top 3 (pseudo-relevance feedback: a short claim or keyword query
 * says little in vector space alone), fused by `hybrid`.
 */
import type { SearchEngine, SearchFilters } from "../types.js";
import { hybrid, type HybridOptions } from "./fusion.js";
import type { SemanticIndex } from "./semantic-index.js";
import type { RankedHit } from "./types.js";

export interface HybridSearchOptions extends HybridOptions {
  /** Candidates read from each layer; default 100. */
  depth?: number;
  /** Lexical hits whose vectors join the query's; default 3 (0: none). */
  feedbackPapers?: number;
  /** Weight of the feedback papers' mean vector (see SemanticSearchOptions); default 2. */
  feedbackWeight?: number;
  filters?: SearchFilters;
}

export function hybridSearch(engine: SearchEngine, semantic: SemanticIndex, q: string, k: number, options: HybridSearchOptions = {}): RankedHit[] {
  const depth = Math.max(k, options.depth ?? 100);
  const lexical = engine.search({ q, limit: Math.min(200, depth), sort: "relevance", filters: options.filters }).hits;
  const feedback = lexical.slice(0, options.feedbackPapers ?? 3).map((h) => h.id);
  const qv = semantic.queryVector(q, { feedback, feedbackWeight: options.feedbackWeight });
  // With filters, only the lexical candidates are ranked: the semantic list does not know them.
  const neighbours = qv && !options.filters ? semantic.nearest(qv, depth) : [];
  return hybrid(lexical, neighbours, {
    ...options,
    semanticScoreOf: qv ? (id) => semantic.scoreOf(qv, id) : undefined,
    limit: k,
  });
}

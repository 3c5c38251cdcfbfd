/**
 * Hybrid ranking: one list from a lexical and a semantic ranking of the same query.
 * - "linear" (default): (1 − w) · lexical score / best lexical score + w · cosine, over both
 *   lists' papers; a paper missing from one side gets that side's score from `semanticScoreOf`
 *   when given (the cosine of any paper is cheap), else 0. w = 0.2 measured best on SciFact train
 *   (0.15–0.3 within 0.002; bench/RESULTS.md).
 * - "rrf": reciprocal-rank fusion, Σ 1 / (k + rank), k = 60; needs no score scale, but weighs a
 *   weak semantic list as much as a strong lexical one.
 * Recency only breaks ties (`dayOf`, newer first), never moves a paper past a better score.
 */
import type { RankedHit } from "./types.js";

export interface HybridOptions {
  method?: "linear" | "rrf";
  /** Weight of the semantic score in linear fusion, 0–1; default 0.2. */
  semanticWeight?: number;
  /** RRF's k; default 60. */
  rrfK?: number;
  /** Cosine of a paper outside the semantic list (see SemanticIndex.scoreOf). */
  semanticScoreOf?: (id: string) => number;
  /** A paper's announcement day (any increasing number), for ties only. */
  dayOf?: (id: string) => number;
  /** Results kept; default all. */
  limit?: number;
}

export const DEFAULT_SEMANTIC_WEIGHT = 0.2;

export function hybrid(lexical: readonly { id: string; score: number }[], semantic: readonly RankedHit[], options: HybridOptions = {}): RankedHit[] {
  const fused = new Map<string, RankedHit>();
  const entry = (id: string) => {
    let hit = fused.get(id);
    if (!hit) fused.set(id, (hit = { id, score: 0, parts: {} }));
    return hit;
  };
  lexical.forEach((h) => (entry(h.id).parts.lexical = h.score));
  semantic.forEach((h) => (entry(h.id).parts.semantic = h.score));
  if ((options.method ?? "linear") === "rrf") {
    const k = options.rrfK ?? 60;
    lexical.forEach((h, rank) => (entry(h.id).score += 1 / (k + rank + 1)));
    semantic.forEach((h, rank) => (entry(h.id).score += 1 / (k + rank + 1)));
  } else {
    const w = Math.min(1, Math.max(0, options.semanticWeight ?? DEFAULT_SEMANTIC_WEIGHT));
    const best = lexical.reduce((max, h) => Math.max(max, h.score), 0) || 1;
    for (const hit of fused.values()) {
      if (hit.parts.semantic === undefined && options.semanticScoreOf) hit.parts.semantic = options.semanticScoreOf(hit.id);
      hit.score = ((1 - w) * (hit.parts.lexical ?? 0)) / best + w * (hit.parts.semantic ?? 0);
    }
  }
  const dayOf = options.dayOf;
  const ranked = [...fused.values()].sort((a, b) => b.score - a.score || (dayOf ? dayOf(b.id) - dayOf(a.id) : 0));
  return options.limit === undefined ? ranked : ranked.slice(0, options.limit);
}

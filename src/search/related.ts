/**
 * Related papers: query-by-example over a paper's title and abstract (the engine's `similar`),
 * the paper itself left out, in the rankers' common shape (`{ id, score, parts }`, as
 * src/rank). A semantic ranker of the same shape plugs in with one option: the two lists are then
 * fused by reciprocal rank, and each paper's parts say what each side gave.
 */
import type { RankedPaper } from "../rank/trending.js";
import type { SearchEngine, SearchFilters } from "./types.js";

export type { RankedPaper };

/** What a ranker is asked for: a paper's text, and the paper to leave out. */
export interface RelatedQuery {
  id: string;
  title: string;
  abstract: string;
}

/** A second ranker (e.g. nearest neighbours of document vectors): best first, at most `limit`. */
export type RelatedRanker = (query: RelatedQuery, limit: number) => RankedPaper[];

export interface RelatedOptions {
  /** Papers returned; default 10, 1–100. */
  limit?: number;
  filters?: SearchFilters;
  /** Fused with the lexical list by reciprocal rank when given. */
  semantic?: RelatedRanker;
}

export const DEFAULT_RELATED = 10;
export const MAX_RELATED = 100;
/** Reciprocal-rank fusion constant: 1 / (RRF_K + rank), the usual 60. */
const RRF_K = 60;

export function relatedPapers(engine: SearchEngine, paper: RelatedQuery, options: RelatedOptions = {}): RankedPaper[] {
  const limit = Number.isFinite(options.limit) ? Math.min(MAX_RELATED, Math.max(1, Math.floor(options.limit!))) : DEFAULT_RELATED;
  const lexical = engine
    .similar({ title: paper.title, abstract: paper.abstract, excludeId: paper.id, limit, filters: options.filters })
    .hits.map((h) => ({ id: h.id, score: h.score, parts: { lexical: h.score } }));
  if (!options.semantic) return lexical;
  const semantic = options.semantic(paper, limit).filter((r) => r.id !== paper.id);
  return fuseByRank([lexical, semantic], ["lexical", "semantic"], limit);
}

/**
 * Reciprocal-rank fusion of several rankings: a paper scores Σ 1 / (RRF_K + rank) over the lists
 * that hold it; `parts` keeps each list's own score under its name.
 */
export function fuseByRank(lists: RankedPaper[][], names: string[], limit: number): RankedPaper[] {
  const fused = new Map<string, RankedPaper>();
  lists.forEach((list, k) =>
    list.forEach((r, rank) => {
      const entry = fused.get(r.id) ?? { id: r.id, score: 0, parts: {} };
      entry.score += 1 / (RRF_K + rank + 1);
      entry.parts[names[k]!] = r.score;
      fused.set(r.id, entry);
    }),
  );
  return [...fused.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
}

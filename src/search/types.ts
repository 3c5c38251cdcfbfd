/**
 * The search contract the rest of the product uses. The engine holds its own in-memory index
 * (typed arrays) built from the store; no database is touched while a query runs.
 */
import type { Paper } from "../core/paper.js";
import type { HighlightPhrase } from "./query/plan.js";
import type { SimilarRequest } from "./similar.js";

export type { SimilarRequest };

export type SortOrder = "relevance" | "newest" | "oldest";

export interface SearchFilters {
  /** Papers in any of these categories (exact, or a prefix ending in "." / archive, e.g. "cs" or "cs.LG"). */
  categories?: string[];
  /** Announced on or after this day, "YYYY-MM-DD" (also "YYYY" or "YYYY-MM"). */
  from?: string;
  /** Announced on or before this day, same forms as `from`. */
  to?: string;
  /** Only papers with at least one code link. */
  hasCode?: boolean;
}

/**
 * Deepest offset a search pages to. Ranking the top 1,000 costs far more than the top 20 (pruning
 * weakens as the heap deepens), and nobody reads page 50 of a ranked list: refine the query.
 */
export const MAX_SEARCH_OFFSET = 1_000;

export interface SearchRequest {
  /** The query in paperfeed's query language (free text, "phrases", +must, -not, ti: au: …). */
  q: string;
  /** Results per page; default 20, 1–200. */
  limit?: number;
  /** Results to skip; default 0, at most MAX_SEARCH_OFFSET (1,000). */
  offset?: number;
  /** Default "relevance"; an empty query sorts newest first. */
  sort?: SortOrder;
  filters?: SearchFilters;
  /**
   * When the query matches nothing as written, answer its relaxed form (phrases and + words as
   * plain ranked words) and say so in `relaxed`. Default false: the query means what it says.
   */
  relaxIfEmpty?: boolean;
}

export interface SearchHit {
  id: string;
  /** Relevance score (0 when sorted by date without a text query). */
  score: number;
}

export interface SearchResult {
  /** Matching papers in all, before paging. */
  total: number;
  /**
   * Set when `total` is an estimate: for large OR queries the engine skips documents that cannot
   * reach the requested page, so it does not count every match exactly.
   */
  totalIsEstimate?: boolean;
  /** Set when the query ran out of its time budget: `hits` are the best found until then. */
  timedOut?: boolean;
  hits: SearchHit[];
  /**
   * Set when the query as written (its phrases, + words) matched nothing and these results are
   * for its words, ranked as plain words: the phrases and words that were required, as typed.
   */
  relaxed?: { phrases: string[]; words: string[] };
  /** Analysed query terms to mark wherever they stand in titles and snippets (those given outside phrases). */
  highlightTerms: string[];
  /** The query's phrases, to mark only where their terms stand together. */
  highlightPhrases?: HighlightPhrase[];
  /** Wall time of the query in milliseconds. */
  tookMs: number;
}

export interface CategoryCount {
  category: string;
  count: number;
}

export interface SearchEngine {
  /** Adds or replaces a paper. */
  add(paper: Paper): void;
  /** Removes a paper; unknown ids are ignored. */
  remove(id: string): void;
  search(request: SearchRequest): SearchResult;
  /** Papers like the given title and abstract (query-by-example; see similar.ts). */
  similar(request: SimilarRequest): SearchResult;
  /** The query with its likely typos respelled from the index vocabulary, or null (see suggest.ts). */
  suggest(q: string): string | null;
  /**
   * The `limit` most common primary categories of the searchable papers, most first (ties by
   * name), or null while the index is being rebuilt and cannot say.
   */
  categoryCounts(limit: number): CategoryCount[] | null;
  /** Papers indexed. */
  readonly size: number;
}

/**
 * "Papers like this one": query-by-example over a paper's title and abstract. The text's terms
 * are weighed as a query would weigh them if the whole text were typed (each term as often as it
 * occurs, hyphenated words by their parts), and the `maxTerms` with the highest tf × idf are kept — the words that say what the
 * paper is about, not the ones every abstract uses. Terms found in no other paper cannot find
 * anything and are left out. The paper itself is excluded by id.
 *
 * Ranking every paper by 64 terms is slow (bench/RESULTS.md: 28 ms at 100k papers), and fewer
 * terms rank worse (32: nDCG@10 0.1093 against 0.1194 on the related dev set). So it runs in two
 * steps (engine.ts `similar`): SHORTLIST.depth papers are shortlisted by the text's
 * SHORTLIST.signatureTerms best terms; all its terms then rank the shortlist exactly.
 *
 * The shortlist comes from signatures (index/signatures.ts): every paper's 16 best terms, chosen
 * at index time as this file chooses a text's, kept per term as a short list. A paper is a
 * candidate when one of the text's 12 best terms is among its own 16, and the candidates with the
 * highest sum of those shared terms' weights (idf × query frequency) are shortlisted
 * (exec/signature-shortlist.ts). When fewer papers than asked for are found that way, the
 * shortlist is a query instead: the text's SHORTLIST.terms best terms over their whole lists,
 * pruned approximately (QueryPlan.pruneFactor).
 *
 * Measured 2026-12-06 (Intel Xeon, 2 cores, 24 GiB, Node v22.23.5; bench corpus, 1,000 sample
 * papers, top 10, CPU per query; bench/RESULTS.md, "Related papers"). Before signatures, two
 * thirds of the time went to the shortlist's query (bulk windows over 12 lists of 250k postings
 * at the median at 1M papers, read nearly whole), and seven cheaper shortlists over the same
 * lists all ranked worse (RESULTS.md). The 12 best terms' signature lists hold 26k postings at the
 * median at 1M papers (246k in their whole lists), summed a window of docs at a time: p50 11.0 →
 * 4.6 ms, p99 23.8 → 9.1 ms at 1M; at 2.6M p50 18.9 → 6.4 ms, p99 39.3 → 10.4 ms (the ≤ 20 ms
 * target is met; the index grows 8 %). The related dev set ranks as well: nDCG@10 0.1203 with
 * 10 asked (0.1195 before), 0.1193 with 100 asked (0.1193 before; FTS5 0.1158). On the synthetic
 * bench corpus, where no paper is much like another, the top 10 is not the one the shortlist over
 * whole lists found: 2.9 of 10 papers in common, their exact scores 6.5 % lower on the mean. Measured on the dev set
 * and left at their defaults: 16 signature terms (24: 0.1173–0.1192; 32: 0.1182–0.1190); the
 * text's 24 or 64 best terms looked up (0.1189 / 0.1198); depth 150 / 200 (0.1199 / 0.1193);
 * candidates ranked by the shared terms' BM25F scores rather than their weights (0.1177–0.1192).
 *
 * Before signatures (measured and left out, each below the dev set's 0.1195): shortlist terms
 * held by more than 5 % of the papers replaced by the next best (0.1136); shortlist terms read
 * only in their high lists (0.1121); terms chosen by idf × saturated frequency (0.1110);
 * pruneFactor 4 / 6 (0.1190 / 0.1045). Dropping shortlisted papers during the exact step once
 * their bound falls short is exact but saved nothing: the bounds of the terms still to come stay
 * above every score until the last few.
 */
import { analyzeInto } from "./analyze/analyzer.js";
import { ALL_FIELDS } from "./fields.js";
import type { QueryPlan, Scorer } from "./query/plan.js";
import { idf } from "./score/bm25f.js";
import type { SearchFilters } from "./types.js";

export interface SimilarRequest {
  title: string;
  abstract: string;
  /** A paper left out of the results: the one whose text this is. */
  excludeId?: string;
  /** Results; default 20, 1–200. */
  limit?: number;
  filters?: SearchFilters;
  /** Terms of the text kept; default DEFAULT_SIMILAR_TERMS, 1–64. */
  maxTerms?: number;
  /**
   * Default true: shortlist papers by the text's best terms first (see above). false ranks every
   * paper by all the terms, exactly: slower, the same ranking but for papers the shortlist missed.
   */
  shortlist?: boolean;
}

/**
 * The shortlist step. Measured on the related dev set (500 queries, top 10; bench/RESULTS.md):
 * from signatures, the text's 12 best terms → 100 papers gave nDCG@10 0.1203 (24 terms: 0.1189,
 * 64: 0.1198; depth 150 / 200: 0.1199 / 0.1193). The shortlist's query over whole lists (when
 * signatures find too few): 12 terms, 100 papers, factor 3 gave 0.1195 (every paper ranked by 64
 * terms: 0.1194); 16 terms, factor 2: 0.1195; 12 terms, 50 papers, factor 1: 0.1149; 8 terms,
 * factor 3: 0.1119. Tunable for measurements.
 */
export const SHORTLIST = {
  /** Best terms of the text whose signature lists (index/signatures.ts) find the shortlist. */
  signatureTerms: 12,
  /** Best terms of the text that find the shortlist when signatures find too few. */
  terms: 12,
  /** Papers shortlisted, at least; twice the results asked for when more. */
  depth: 100,
  /** pruneFactor of the shortlist's query (QueryPlan): a bound must be this many times the k-th score. */
  pruneFactor: 3,
};

/** The shortlist's query: the plan's SHORTLIST.terms best terms (planSimilar sorts them so), pruned approximately; null when the plan has no more. */
export function shortlistPlan(plan: QueryPlan): QueryPlan | null {
  if (plan.scorers.length <= SHORTLIST.terms) return null;
  const scorers = plan.scorers.slice(0, SHORTLIST.terms);
  return { ...plan, scorers, highlightTerms: scorers.map((s) => s.term), pruneFactor: SHORTLIST.pruneFactor };
}

/**
 * Best terms kept by default. On the related dev set (`paperfeed eval --task related`, 20,000
 * papers) nDCG@10 was 0.1093 with 32 terms and 0.1194 with 64 (FTS5 on the whole text 0.1158);
 * fewer terms are faster (bench/RESULTS.md).
 */
export const DEFAULT_SIMILAR_TERMS = 64;
const MAX_SIMILAR_TERMS = 64;

const encoder = new TextEncoder();

export function planSimilar(request: SimilarRequest, documentFrequencies: (terms: Uint8Array[]) => Float64Array, docCount: number): QueryPlan {
  const counts = new Map<string, number>();
  const text = `${typeof request.title === "string" ? request.title : ""}\n${typeof request.abstract === "string" ? request.abstract : ""}`;
  // Parts of hyphenated words only: the joined form too would count such a word twice.
  analyzeInto(text, (term, _p, _s, _e, joined) => {
    if (!joined) counts.set(term, (counts.get(term) ?? 0) + 1);
  });
  const terms = [...counts.keys()];
  const bytes = terms.map((t) => encoder.encode(t));
  const dfs = documentFrequencies(bytes);
  // The paper's own copy is one of the df papers when it is indexed.
  const ownCopy = request.excludeId ? 1 : 0;
  const max = Number.isFinite(request.maxTerms) ? Math.min(MAX_SIMILAR_TERMS, Math.max(1, Math.floor(request.maxTerms!))) : DEFAULT_SIMILAR_TERMS;
  const scorers: Scorer[] = terms
    .map((term, i) => ({ i, weight: counts.get(term)!, df: dfs[i]! }))
    .filter((t) => t.df > ownCopy)
    .map((t) => ({ ...t, value: t.weight * idf(docCount, t.df) }))
    .sort((a, b) => b.value - a.value || a.i - b.i)
    .slice(0, max)
    .map(({ i, weight }) => ({ term: terms[i]!, bytes: bytes[i]!, mask: ALL_FIELDS, required: false, weight }));
  return {
    scorers,
    phrases: [],
    exclusions: [],
    highlightTerms: scorers.map((s) => s.term),
    highlightPhrases: [],
    categories: [],
    excludedCategories: [],
    ids: [],
    excludedIds: request.excludeId ? [request.excludeId] : [],
    fromDay: null,
    toDay: null,
    sort: null,
  };
}

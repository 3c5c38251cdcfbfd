/**
 * Where hybrid ranking is on by default, decided by measurement per query kind (bench/RESULTS.md,
 * "Semantic layer"; weight 0.2, corpus vectors):
 * - claims (SciFact train, 809 queries of 9.5 terms): nDCG@10 0.7053 lexical → 0.7096–0.7119 hybrid;
 * - keywords (3 rarest title words → the paper, 400 quant-ph papers): MRR@10 0.8954 → 0.8952;
 * - a title → the paper indexed by its abstract: MRR@10 0.6262 → 0.6182;
 * - an abstract's first 60 words → the paper indexed by its title: MRR@10 0.4462 → 0.4413.
 * Only claim-like prose gains, and only a little; prose queries of the same length (titles) lose
 * as much. So hybrid is off by default for search; `eval --mode hybrid` and callers that ask get it.
 * Related papers (query by example) are measured by `eval --task related`; set `related` from there.
 */
export const HYBRID_BY_DEFAULT: Readonly<Record<"search" | "related", boolean>> = { search: false, related: false };

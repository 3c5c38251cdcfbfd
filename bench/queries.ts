/**
 * The benchmark's query set: deterministic for a seed, the same for every corpus size. It mixes
 * what people type: one very common term (long posting lists), a mid-frequency or a rare term,
 * 2–4 terms of mixed frequency, two-word phrases taken from the corpus's own papers, and terms
 * with a category or a date-range filter. Terms are words of the corpus model, skipping
 * stopwords (which the engine drops, so they would make empty queries).
 */
import { analyze } from "../src/search/index.js";
import type { SearchFilters, SearchRequest } from "../src/search/types.js";
import type { CorpusGenerator } from "./corpus.js";
import { createRandom, type Random } from "./corpus/prng.js";

export type QueryKind = "common" | "mid" | "rare" | "multi" | "phrase" | "category" | "date";

export interface BenchQuery {
  kind: QueryKind;
  terms: string[];
  /** The terms must appear next to each other, in order. */
  phrase: boolean;
  filters?: SearchFilters;
}

/** Share of each kind in the set, in percent. */
const MIX: Array<[QueryKind, number]> = [
  ["common", 15],
  ["mid", 15],
  ["rare", 10],
  ["multi", 25],
  ["phrase", 15],
  ["category", 10],
  ["date", 10],
];

/** Every kind, in the order reports list them. */
export const QUERY_KINDS: readonly QueryKind[] = MIX.map(([kind]) => kind);

/** Word-rank bands of the abstract model, 0-based: very common, mid-frequency, rare. */
const BANDS = { common: [0, 400], mid: [2_000, 20_000], rare: [40_000, 150_000] } as const;
type Band = keyof typeof BANDS;

/** Papers whose text phrases are drawn from: all corpora of 100k or more contain them. */
const PHRASE_SOURCE_PAPERS = 100_000;

export interface QuerySetOptions {
  /** Queries to make; default 2,000, ≥ 1. */
  count?: number;
  /** Seed of the corpus the phrases come from; default 1 (the corpus default). */
  corpusSeed?: number;
  /** Seed of the query choices; default 99. */
  seed?: number;
  /** Phrases come from papers 0 … min(this, 100,000) − 1; pass the corpus size. */
  corpusSize?: number;
}

const isIndexed = (word: string) => word.length > 1 && analyze(word).length === 1;

export function buildQuerySet(generator: CorpusGenerator, options: QuerySetOptions = {}): BenchQuery[] {
  const count = options.count ?? 2_000;
  const random = createRandom(options.seed ?? 99, 0);
  const words = generator.abstractWords;
  const term = (band: Band): string => {
    const [from, to] = BANDS[band];
    for (;;) {
      const word = words.word(from + random.int(Math.min(to, words.observed) - from));
      if (isIndexed(word)) return word;
    }
  };
  const anyBand = (): Band => random.pick(["common", "mid", "mid", "rare"] as const);
  const categories = [
    ...generator.model.categoriesRecent.slice(0, 30),
    ...generator.model.categoriesOld.slice(0, 10),
  ].map(([list]) => list.split(" ")[0]!);
  const phraseSources = Math.min(options.corpusSize ?? PHRASE_SOURCE_PAPERS, PHRASE_SOURCE_PAPERS);
  const make: Record<QueryKind, () => BenchQuery> = {
    common: () => ({ kind: "common", terms: [term("common")], phrase: false }),
    mid: () => ({ kind: "mid", terms: [term("mid")], phrase: false }),
    rare: () => ({ kind: "rare", terms: [term("rare")], phrase: false }),
    multi: () => ({
      kind: "multi",
      terms: Array.from({ length: 2 + random.int(3) }, () => term(anyBand())),
      phrase: false,
    }),
    phrase: () => ({
      kind: "phrase",
      terms: phraseFrom(generator, random, options.corpusSeed ?? 1, phraseSources),
      phrase: true,
    }),
    category: () => ({
      kind: "category",
      terms: [term(anyBand())],
      phrase: false,
      filters: { categories: [random.pick(categories)] },
    }),
    date: () => ({ kind: "date", terms: [term(anyBand())], phrase: false, filters: dateRange(random) }),
  };
  const total = MIX.reduce((sum, [, share]) => sum + share, 0);
  return Array.from({ length: count }, () => {
    let roll = random.int(total);
    const kind = MIX.find(([, share]) => (roll -= share) < 0)![0];
    return make[kind]();
  });
}

/** Two neighbouring indexed words of a paper's abstract. */
function phraseFrom(
  generator: CorpusGenerator,
  random: Random,
  corpusSeed: number,
  papers: number,
): string[] {
  for (;;) {
    const words = generator
      .text(corpusSeed, random.int(papers))
      .abstract.toLowerCase()
      .split(/[^\p{L}\p{N}]+/u);
    const at = random.int(Math.max(1, words.length - 1));
    const pair = [words[at] ?? "", words[at + 1] ?? ""];
    if (pair.every(isIndexed)) return pair;
  }
}

/** A year, a span of years, or a month, between 1995 and 2026. */
function dateRange(random: Random): SearchFilters {
  const year = 1995 + random.int(32);
  const shape = random.int(3);
  if (shape === 0) return { from: String(year), to: String(year) };
  if (shape === 1) return { from: String(year), to: String(Math.min(2026, year + 1 + random.int(5))) };
  const month = String(1 + random.int(12)).padStart(2, "0");
  return { from: `${year}-${month}`, to: `${year}-${month}` };
}

/** The query in paperfeed's query language: terms separated by spaces, a phrase in quotes. */
export function toSearchRequest(query: BenchQuery, limit = 10): SearchRequest {
  const q = query.phrase ? `"${query.terms.join(" ")}"` : query.terms.join(" ");
  return { q, limit, sort: "relevance", ...(query.filters ? { filters: query.filters } : {}) };
}

/** What FTS5 gets: the words only (the baseline has no filters and ORs every word). */
export const toBaselineText = (query: BenchQuery) => query.terms.join(" ");

/** Kinds whose meaning FTS5 shares (no phrase, no filter): the fair ground for speed ratios. */
export const COMPARABLE_KINDS: readonly QueryKind[] = ["common", "mid", "rare", "multi"];

/**
 * "For you": the pool's papers ranked for one member from what they did — upvotes, saves to a
 * collection, followed papers, authors and categories, saved searches — and away from what they
 * marked "Not interested". Returns the rankers' one shape (`{ id, score, parts }`) plus the
 * reasons a page shows ("words: …", "because you saved …", "by an author you follow").
 *
 * Content: a profile vector (the weighted sum of the member's papers' tf-idf vectors, its 200
 * strongest terms) scores every candidate by cosine (`words`); the shortlist is then also scored
 * by its nearest single paper of the member's (`similar`: a member with two interests is not
 * averaged into neither), and demoted by its nearest "Not interested" paper.
 */
import type { Paper } from "../../core/paper.js";
import type { PoolPaper } from "./recent-pool.js";
import { type DocFrequencies, type TermVector, addInto, dot, termBag, tfidf, unitTop } from "./vectors.js";

export type SignalKind = "upvoted" | "saved" | "followed";

export interface Signal {
  paper: Paper;
  kind: SignalKind;
}

export interface ForYouInput {
  pool: readonly PoolPaper[];
  stats: DocFrequencies;
  /** The member's papers, newest first; the first `MAX_SIGNALS` count. */
  signals: readonly Signal[];
  notInterested: readonly Paper[];
  authors: readonly string[];
  categories: readonly string[];
  savedSearches: ReadonlyArray<{ name: string; query: string }>;
  /** Never recommended: already seen, voted, saved, followed or dismissed. */
  exclude: ReadonlySet<string>;
  /** Default 30, 1–200. */
  limit?: number;
  /** Count the authors of the member's papers as implicit follows; default true (off to measure words alone). */
  signalAuthors?: boolean;
}

export interface ForYouParts {
  words: number;
  similar: number;
  author: number;
  category: number;
  search: number;
  notInterested: number;
}

export type Reason =
  | { kind: "words"; words: string[] }
  | { kind: "similar"; signal: SignalKind; paperId: string; title: string }
  | { kind: "author"; name: string }
  | { kind: "coauthor"; name: string; signal: SignalKind; title: string }
  | { kind: "category"; category: string }
  | { kind: "search"; name: string };

export interface Recommendation {
  id: string;
  score: number;
  parts: ForYouParts;
  reasons: Reason[];
}

/** How much each kind of signal says about a member's interests. */
const SIGNAL_WEIGHT: Record<SignalKind, number> = { upvoted: 1, saved: 1.5, followed: 1.2 };
export const MAX_SIGNALS = 100;
const PROFILE_TERMS = 200;
const SHORTLIST = 300;
/** Bonuses for explicit follows and saved searches, on the scale of a cosine (0–1). */
const AUTHOR_BONUS = 0.35;
/** An author of a paper the member upvoted, saved or followed: a weaker, implicit follow. */
const SIGNAL_AUTHOR_BONUS = 0.15;
/** Papers with more authors than this say little about any one of them (large collaborations). */
const MAX_SIGNAL_AUTHORS = 20;
const CATEGORY_BONUS = 0.08;
const SEARCH_BONUS = 0.2;
/** A candidate as close to a dismissed paper as to a liked one loses most of its score. */
const DISMISS_WEIGHT = 1.2;
/** Below this a candidate is noise, not a recommendation. */
const MIN_SCORE = 0.03;
const SIMILAR_REASON = 0.2;

const nameKey = (name: string) => name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z]+/g, " ").trim();

function queryVector(query: string, stats: DocFrequencies): TermVector {
  return tfidf(termBag({ title: "", abstract: query.replace(/\b[a-z]+:/gi, " ") }), stats);
}

export function recommend(input: ForYouInput): Recommendation[] {
  const limit = Math.min(200, Math.max(1, Math.floor(input.limit ?? 30)));
  const signals = input.signals.slice(0, MAX_SIGNALS).map((s) => ({ ...s, vector: tfidf(termBag(s.paper), input.stats) }));
  const dismissed = input.notInterested.slice(0, MAX_SIGNALS).map((p) => tfidf(termBag(p), input.stats));
  const authors = new Set(input.authors.map(nameKey));
  // Authors of the member's papers, each with the first (newest) paper that names them.
  const signalAuthors = new Map<string, (typeof signals)[number]>();
  for (const s of input.signalAuthors === false ? [] : signals)
    if (s.paper.authors.length <= MAX_SIGNAL_AUTHORS)
      for (const a of s.paper.authors) if (!signalAuthors.has(nameKey(a.name))) signalAuthors.set(nameKey(a.name), s);
  const categories = new Set(input.categories.map((c) => c.toLowerCase()));
  const searches = input.savedSearches.map((s) => ({ name: s.name, terms: [...queryVector(s.query, input.stats).keys()] })).filter((s) => s.terms.length > 0);

  const sum = new Map<string, number>();
  for (const s of signals) addInto(sum, s.vector, SIGNAL_WEIGHT[s.kind]);
  for (const s of searches) addInto(sum, new Map(s.terms.map((t) => [t, 1 / Math.sqrt(s.terms.length)])), 0.5);
  const profile = unitTop(sum, PROFILE_TERMS);
  if (profile.size === 0 && authors.size === 0 && categories.size === 0) return [];
  const parts0 = (words: number): ForYouParts => ({ words, similar: 0, author: 0, category: 0, search: 0, notInterested: 0 });

  // Pass 1, every candidate: profile cosine and the explicit follows.
  const scored = input.pool.flatMap((item) => {
    if (input.exclude.has(item.paper.id)) return [];
    const parts = parts0(dot(profile, item.vector));
    const reasons: Reason[] = [];
    const author = item.paper.authors.find((a) => authors.has(nameKey(a.name)));
    const coauthor = author ? undefined : item.paper.authors.find((a) => signalAuthors.has(nameKey(a.name)));
    if (author) {
      parts.author = AUTHOR_BONUS;
      reasons.push({ kind: "author", name: author.name });
    } else if (coauthor) {
      const s = signalAuthors.get(nameKey(coauthor.name))!;
      parts.author = SIGNAL_AUTHOR_BONUS;
      reasons.push({ kind: "coauthor", name: coauthor.name, signal: s.kind, title: s.paper.title });
    }
    const category = item.paper.categories.find((c) => categories.has(c.toLowerCase()));
    if (category) {
      parts.category = CATEGORY_BONUS;
      reasons.push({ kind: "category", category });
    }
    const search = searches.find((s) => s.terms.every((t) => item.bag.counts.has(t)));
    if (search) {
      parts.search = SEARCH_BONUS;
      reasons.push({ kind: "search", name: search.name });
    }
    return [{ item, parts, reasons, first: parts.words + parts.author + parts.category + parts.search }];
  });
  scored.sort((a, b) => b.first - a.first);

  // Pass 2, the shortlist: nearest liked paper, nearest dismissed paper, reasons.
  const ranked: Recommendation[] = scored.slice(0, SHORTLIST).map(({ item, parts, reasons }) => {
    let nearest: (typeof signals)[number] | null = null;
    for (const s of signals) {
      const similarity = dot(s.vector, item.vector);
      if (similarity > parts.similar) {
        parts.similar = similarity;
        nearest = s;
      }
    }
    for (const d of dismissed) parts.notInterested = Math.max(parts.notInterested, dot(d, item.vector));
    const words = topWords(profile, item);
    if (words.length > 0 && parts.words > 0.02) reasons.unshift({ kind: "words", words });
    if (nearest && parts.similar >= SIMILAR_REASON) reasons.push({ kind: "similar", signal: nearest.kind, paperId: nearest.paper.id, title: nearest.paper.title });
    const score = 0.5 * parts.words + 0.5 * parts.similar + parts.author + parts.category + parts.search - DISMISS_WEIGHT * parts.notInterested;
    return { id: item.paper.id, score, parts, reasons };
  });
  return ranked
    .filter((r) => r.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}

/** The three words that count most for this candidate, as the paper writes them. */
function topWords(profile: TermVector, item: PoolPaper): string[] {
  return [...item.vector]
    .map(([term, weight]) => [term, weight * (profile.get(term) ?? 0)] as const)
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([term]) => item.bag.words.get(term) ?? term);
}

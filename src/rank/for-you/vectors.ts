/**
 * Papers as weighted bags of terms, the currency of "For you": the search analyzer's terms
 * (stemmed, folded, stopwords out) of the title (counted twice: titles say what a paper is about)
 * and the abstract, log-scaled, times idf, normalised to length 1. Each term keeps the word it
 * was first written as, so a reason can say "diffusion" rather than "diffus".
 */
import type { Paper } from "../../core/paper.js";
import { analyzeInto } from "../../search/analyze/analyzer.js";

export interface TermBag {
  /** term → count (title words counted `TITLE_WEIGHT` times). */
  counts: Map<string, number>;
  /** term → the word as written, for reasons. */
  words: Map<string, string>;
}

/** A unit-length tf-idf vector. */
export type TermVector = Map<string, number>;

const TITLE_WEIGHT = 2;
/** Terms that carry no topic: one or two characters (math symbols, "3d") and numbers. */
const isTopical = (term: string) => term.length > 2 && !/^\d+$/.test(term);

export function termBag(paper: Pick<Paper, "title" | "abstract">): TermBag {
  const counts = new Map<string, number>();
  const words = new Map<string, string>();
  const add = (text: string, weight: number) =>
    analyzeInto(text, (term, _position, start, end, joined) => {
      if (joined || !isTopical(term)) return;
      counts.set(term, (counts.get(term) ?? 0) + weight);
      if (!words.has(term)) words.set(term, text.slice(start, end).toLowerCase());
    });
  add(paper.title, TITLE_WEIGHT);
  add(paper.abstract, 1);
  return { counts, words };
}

/** Document frequencies over a pool of papers, for idf. */
export interface DocFrequencies {
  docs: number;
  df(term: string): number;
}

export const idfOf = (stats: DocFrequencies, term: string) => Math.log(1 + (stats.docs + 1) / (stats.df(term) + 1));

export function tfidf(bag: TermBag, stats: DocFrequencies): TermVector {
  const vector: TermVector = new Map();
  let norm = 0;
  for (const [term, count] of bag.counts) {
    const weight = (1 + Math.log(count)) * idfOf(stats, term);
    vector.set(term, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [term, weight] of vector) vector.set(term, weight / norm);
  return vector;
}

export function dot(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) {
    const other = large.get(term);
    if (other !== undefined) sum += weight * other;
  }
  return sum;
}

/** Adds `scale × v` into `into`. */
export function addInto(into: Map<string, number>, v: TermVector, scale: number): void {
  for (const [term, weight] of v) into.set(term, (into.get(term) ?? 0) + scale * weight);
}

/** The vector scaled to length 1, keeping its `keep` largest terms (a profile stays small). */
export function unitTop(v: Map<string, number>, keep: number): TermVector {
  const top = [...v].filter(([, w]) => w > 0).sort((x, y) => y[1] - x[1]).slice(0, keep);
  const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
  return new Map(top.map(([t, w]) => [t, w / norm]));
}

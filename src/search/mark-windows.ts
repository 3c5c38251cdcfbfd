/**
 * Where in a text a query's terms can stand, so that marking a result analyses those stretches
 * instead of every word (snippet.ts). Analysing a whole abstract the first time it is shown cost
 * about 20 µs, more than the rest of its card; finding and analysing the stretches, 8–12 µs.
 *
 * Every word that analyses to a term starts, lower-cased, with the term less its last letter:
 * Porter2 changes only a word's end, and by one letter of the stem at most ("studies" → studi,
 * "hoping" → hope, "capability" → capabl), but for three words of its exception list (dying,
 * lying, tying → die, lie, tie), which lose two. Checked over the 152k distinct words of the arXiv
 * sample and 933k words made of their stems and 85 suffixes. In plain ASCII every word starts at
 * the text's start or after a character that is no letter or digit. So a stretch is each
 * whitespace-delimited chunk with such a prefix at a word's start, or, without its hyphens,
 * holding one (a compound's joined form, "parameterefficient" from "parameter-efficient"); no word
 * of the scanner spans whitespace.
 * With a phrase, a stretch runs on over as many chunks as the phrase has positions, so that its
 * terms are analysed together. The analysis of the stretches gives the same words, positions apart,
 * as that of the whole text: mark-windows.test.ts compares the two.
 *
 * Only for plain ASCII without LaTeX commands or braces, where a word's letters stand in the text
 * as they are; anything else is analysed whole.
 */
import { STOPWORDS } from "./analyze/stopwords.js";
import type { HighlightPhrase } from "./query/plan.js";

/** What one query's marking looks for. */
export interface WindowPlan {
  /** The text every word of a term starts with, lower-cased, per distinct term. */
  prefixes: string[];
  /** Positions a phrase reaches past its first term (the most of any phrase); -1 without phrases. */
  phraseReach: number;
}

/**
 * Prefixes shorter than this (of one- and two-letter terms) would match nearly every word: such a
 * query's texts are analysed whole. Default 2.
 */
const MIN_PREFIX = 2;
/** Porter2's exceptions whose words lose two letters of the term ("dying" → die). */
const TWO_LETTERS_SHORT = new Set(["die", "lie", "tie"]);
/** Chunks longer than this may hold a token too long to be indexed (64), which takes no position. */
const MAX_COUNTED_CHUNK = 64;

const TERM_CHARS = /^[a-z0-9.]+$/;
/** Plain ASCII with no backslash or braces: the scanner reads every word as its letters stand. */
function isPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127 || c === 92 || c === 123 || c === 125) return false;
  }
  return true;
}

/** The plan for a query's terms and phrases; null when its texts are to be analysed whole. */
export function windowPlan(terms: readonly string[], phrases: readonly HighlightPhrase[]): WindowPlan | null {
  const prefixes = new Set<string>();
  for (const term of [...terms, ...phrases.flatMap((p) => p.terms)]) {
    // Old-style arXiv ids ("hep-th/9901001") and folded non-ASCII words lose letters of the text.
    if (!TERM_CHARS.test(term)) return null;
    const prefix = term.slice(0, term.length - (TWO_LETTERS_SHORT.has(term) ? 2 : 1));
    if (prefix.length < MIN_PREFIX) return null;
    prefixes.add(prefix);
  }
  let phraseReach = -1;
  for (const phrase of phrases) {
    const first = phrase.offsets[0] ?? 0;
    // A term standing before the phrase's first one would lie before its stretch.
    if (phrase.offsets.some((offset) => offset < first)) return null;
    phraseReach = Math.max(phraseReach, ...phrase.offsets.map((offset) => offset - first));
  }
  return { prefixes: [...prefixes], phraseReach };
}

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * The stretches of `text` to analyse, as [start, end) pairs in order, not overlapping; null when
 * the text must be analysed whole (not plain ASCII).
 */
export function markWindows(text: string, plan: WindowPlan): number[] | null {
  if (!isPlain(text)) return null;
  const lower = text.toLowerCase();
  const hits: number[] = [];
  for (const prefix of plan.prefixes) {
    for (let at = lower.indexOf(prefix); at >= 0; at = lower.indexOf(prefix, at + 1)) if (at === 0 || !isWordChar(lower.charCodeAt(at - 1))) hits.push(at);
  }
  for (let at = lower.indexOf("-"); at >= 0; at = lower.indexOf("-", at + 1)) {
    if (at > 0 && isWordChar(lower.charCodeAt(at - 1)) && isWordChar(lower.charCodeAt(at + 1)) && joinedMayMatch(lower, at, plan)) hits.push(at);
  }
  if (hits.length === 0) return [];
  hits.sort((a, b) => a - b);
  const windows: number[] = [];
  for (const hit of hits) {
    const last = windows.length - 1;
    // A hit inside the last stretch adds nothing, unless a phrase starting there reaches past it.
    if (last >= 0 && hit < windows[last]! && plan.phraseReach <= 0) continue;
    const start = chunkStart(text, hit);
    let end = chunkEnd(text, hit);
    if (plan.phraseReach > 0) end = reachEnd(text, end, plan.phraseReach);
    // Stretches apart only by whitespace are one (whitespace makes no word): fewer to analyse.
    if (last >= 0 && onlySpaceBetween(text, windows[last]!, start)) windows[last] = Math.max(windows[last]!, end);
    else windows.push(start, end);
  }
  return windows;
}

/**
 * Whether the chunk holding the hyphen at `at` may give a joined form of a term: the joined form
 * is the compound's parts run together, so it stands in the chunk with its hyphens taken out.
 */
function joinedMayMatch(lower: string, at: number, plan: WindowPlan): boolean {
  const start = chunkStart(lower, at);
  const end = chunkEnd(lower, at);
  for (const prefix of plan.prefixes) for (let from = start; from < end; from++) if (matchesSkippingHyphens(lower, from, end, prefix)) return true;
  return false;
}

function matchesSkippingHyphens(lower: string, from: number, end: number, prefix: string): boolean {
  let i = from;
  for (let k = 0; k < prefix.length; k++, i++) {
    while (i < end && lower.charCodeAt(i) === 45 && k > 0) i++;
    if (i >= end || lower.charCodeAt(i) !== prefix.charCodeAt(k)) return false;
  }
  return true;
}

function onlySpaceBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Where the whitespace-delimited chunk holding `at` starts, and (below) where it ends. */
function chunkStart(text: string, at: number): number {
  let start = at;
  while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
  return start;
}

function chunkEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
  return end;
}

/**
 * The end of the chunks after `from` that hold at least `positions` positions: only a chunk with a
 * word that is no stopword is sure to take one, so runs of stopwords ("state of the art") are
 * passed over without counting.
 */
function reachEnd(text: string, from: number, positions: number): number {
  let end = from;
  let counted = 0;
  while (counted < positions && end < text.length) {
    let start = end;
    while (start < text.length && isSpace(text.charCodeAt(start))) start++;
    end = chunkEnd(text, start);
    if (end > start && takesPosition(text.slice(start, end))) counted++;
  }
  return end;
}

function takesPosition(chunk: string): boolean {
  if (chunk.length > MAX_COUNTED_CHUNK) return false;
  for (const word of chunk.toLowerCase().split(/[^a-z0-9]+/)) if (word && !STOPWORDS.has(word)) return true;
  return false;
}

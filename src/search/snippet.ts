/**
 * Highlighting and snippets for result pages. Matching is by analysed term, so the query
 * "parameters" marks "parameter" and "Parameter-efficient"; a phrase is marked only where its
 * terms stand together, as the search matched it ("language models" marks neither a lone
 * "language" nor "models"). The web layer escapes each segment and wraps `match: true` ones in
 * <mark>.
 */
import { TtlCache } from "../core/ttl-cache.js";
import { analyzeInto } from "./analyze/analyzer.js";
import { hashChars } from "./analyze/tokenizer.js";
import type { HighlightPhrase } from "./query/plan.js";

export interface Segment {
  text: string;
  match: boolean;
}

interface Span {
  start: number;
  end: number;
}

/** A text's analysed words: the term of each, its position (as the index counts them) and where it stands, in order. */
interface Analysed {
  terms: string[];
  positions: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}

/**
 * Analysed texts, by the text itself. A result page marks the same titles and abstracts for one
 * query after another, and analysing a whole abstract (tokenizing, folding, stemming every word)
 * cost more than finding the results; a text's words do not depend on the query, so they are
 * analysed once and kept. Keyed by the text, nothing ever needs invalidating: an edited abstract
 * is a new key, and the old one ages out.
 *
 * Only a text analysed a second time (its hash was seen) is kept, so that a large instance's
 * one-off results do not churn the heap: keeping every result's analysis promoted about 100 KB a
 * search page into the old generation, which under load made long garbage-collection pauses.
 */
// About 5 KB each (the text, its terms and offsets): at most some 25 MB.
const kept = new TtlCache<string, Analysed>(5_000);
/** Hashes of texts analysed once: a text analysed again while its hash is here is kept. */
const seenOnce = new TtlCache<number, true>(50_000);

function analysedText(text: string): Analysed {
  const found = kept.get(text);
  if (found) return found;
  const terms: string[] = [];
  const positions: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  analyzeInto(text, (term, position, start, end) => {
    terms.push(term);
    positions.push(position);
    starts.push(start);
    ends.push(end);
  });
  const entry = { terms, positions: Int32Array.from(positions), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
  const hash = hashChars(text, 0, text.length);
  if (seenOnce.get(hash)) kept.set(text, entry, Infinity);
  else seenOnce.set(hash, true, Infinity);
  return entry;
}

/**
 * The last text's spans: a card reads its abstract twice for one query, for the excerpt and for
 * the full text, and both come from one analysis and one walk over its words.
 */
let lastSpans: { text: string; terms: readonly string[]; phrases: readonly HighlightPhrase[]; spans: Span[] } | null = null;

function spansOf(text: string, terms: readonly string[], phrases: readonly HighlightPhrase[]): Span[] {
  const memo = lastSpans;
  if (memo !== null && memo.text === text && memo.terms === terms && memo.phrases === phrases) return memo.spans;
  const spans = matchSpans(text, new Set(terms), phrases);
  lastSpans = { text, terms, phrases, spans };
  return spans;
}

function matchSpans(text: string, terms: ReadonlySet<string>, phrases: readonly HighlightPhrase[]): Span[] {
  const spans: Span[] = [];
  const words = analysedText(text);
  const n = words.terms.length;
  // Matches start in word order, so each one either overlaps the last span or starts a new one.
  const add = (start: number, end: number) => {
    const last = spans.at(-1);
    if (last && start < last.end) last.end = Math.max(last.end, end);
    else spans.push({ start, end });
  };
  for (let i = 0; i < n; i++) {
    if (terms.has(words.terms[i]!)) add(words.starts[i]!, words.ends[i]!);
    for (const phrase of phrases) {
      const last = phraseEndingAt(words, i, phrase);
      if (last >= 0) add(words.starts[i]!, words.ends[last]!);
    }
  }
  return spans;
}

/**
 * Index of the phrase's last word when it starts at word i (every term at its offset, counted in
 * positions as the index counts them), else -1. A compound's joined form follows its parts with
 * the first part's position ("parametereffici" after "paramet" and "effici"), so positions are
 * not in order: words before the one sought are passed over, and the search stops past it.
 */
function phraseEndingAt(words: Analysed, i: number, phrase: HighlightPhrase): number {
  if (words.terms[i] !== phrase.terms[0]) return -1;
  const first = words.positions[i]! - phrase.offsets[0]!;
  let j = i;
  for (let k = 1; k < phrase.terms.length; k++) {
    const want = first + phrase.offsets[k]!;
    let hit = -1;
    for (let m = j + 1; m < words.terms.length && words.positions[m]! <= want; m++) {
      if (words.positions[m] === want && words.terms[m] === phrase.terms[k]) {
        hit = m;
        break;
      }
    }
    if (hit < 0) return -1;
    j = hit;
  }
  return j;
}

function toSegments(text: string, spans: Span[], from: number, to: number): Segment[] {
  const segments: Segment[] = [];
  let at = from;
  for (const span of spans) {
    if (span.end <= from || span.start >= to) continue;
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, to);
    if (start > at) segments.push({ text: text.slice(at, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < to) segments.push({ text: text.slice(at, to), match: false });
  return segments;
}

const NO_PHRASES: readonly HighlightPhrase[] = [];

/** The whole text split into matching and non-matching segments. */
export function highlight(text: string, terms: readonly string[], phrases: readonly HighlightPhrase[] = NO_PHRASES): Segment[] {
  return toSegments(text, spansOf(text, terms, phrases), 0, text.length);
}

/**
 * The window of about `maxChars` characters with the most distinct query terms (then the most
 * matches), cut at word boundaries, with "…" where text was left out.
 */
export function snippet(text: string, terms: readonly string[], maxChars = 240, phrases: readonly HighlightPhrase[] = NO_PHRASES): Segment[] {
  if (text.length <= maxChars) return highlight(text, terms, phrases);
  const spans = spansOf(text, terms, phrases);
  const startAt = bestWindowStart(text, spans, maxChars);
  let from = startAt === 0 ? 0 : wordStartAfter(text, startAt);
  let to = Math.min(text.length, from + maxChars);
  if (to < text.length) to = wordEndBefore(text, to, from);
  if (to === text.length && from > 0) from = wordStartAfter(text, Math.max(0, to - maxChars));
  const segments = toSegments(text, spans, from, to);
  if (from > 0) segments.unshift({ text: "…", match: false });
  if (to < text.length) segments.push({ text: "…", match: false });
  return mergeAdjacent(segments);
}

function bestWindowStart(text: string, spans: Span[], maxChars: number): number {
  if (spans.length === 0) return 0;
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < spans.length; i++) {
    const windowEnd = spans[i]!.start + maxChars;
    const distinct = new Set<string>();
    let count = 0;
    for (let j = i; j < spans.length && spans[j]!.end <= windowEnd; j++) {
      distinct.add(text.slice(spans[j]!.start, spans[j]!.end).toLowerCase());
      count++;
    }
    const score = distinct.size * 1000 + count;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  // Start a little before the first match so it reads in context.
  const first = spans[best]!.start;
  return first < maxChars / 4 ? 0 : first - Math.floor(maxChars / 6);
}

function wordStartAfter(text: string, index: number): number {
  const space = text.indexOf(" ", index);
  return space === -1 || space - index > 30 ? index : space + 1;
}

function wordEndBefore(text: string, index: number, floor: number): number {
  const space = text.lastIndexOf(" ", index);
  return space <= floor || index - space > 30 ? index : space;
}

function mergeAdjacent(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const seg of segments) {
    const last = out.at(-1);
    if (last && last.match === seg.match) last.text += seg.text;
    else out.push({ ...seg });
  }
  return out;
}

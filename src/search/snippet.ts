/**
 * Highlighting and snippets for result pages. Matching is by analysed term, so the query
 * "parameters" marks "parameter" and "Parameter-efficient"; a phrase is marked only where its
 * terms stand together, as the search matched it ("language models" marks neither a lone
 * "language" nor "models"). The web layer escapes each segment and wraps `match: true` ones in
 * <mark>.
 */
import { TtlCache } from "../core/ttl-cache.js";
import { type Analyzer, sharedAnalyzer } from "./analyze/analyzer.js";
import { hashChars } from "./analyze/tokenizer.js";
import { markWindows, type WindowPlan, windowPlan } from "./mark-windows.js";
import type { HighlightPhrase } from "./query/plan.js";

export interface Segment {
  text: string;
  match: boolean;
}

/** Where a snippet leaves text out: a segment of its own, so that pages can write it as they need. */
export const ELLIPSIS = "…";

export interface Span {
  start: number;
  end: number;
}

/**
 * Analysed words of a text, in order: the term id of each (in `analyzer`'s vocabulary), its
 * position (as the index counts them) and where it stands.
 */
interface Words {
  analyzer: Analyzer;
  ids: Int32Array;
  positions: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  length: number;
}

/**
 * Every word of a text, by the text itself, for the texts marked by a whole analysis (LaTeX,
 * letters beyond ASCII, a query with a one- or two-letter term; the others are marked from their
 * stretches, mark-windows.ts). A result page marks the same titles and abstracts for one query
 * after another, and analysing a whole abstract (tokenizing, folding, stemming every word) cost
 * more than finding the results; a text's words do not depend on the query, so they are analysed
 * once and kept. Keyed by the text, nothing ever needs invalidating: an edited abstract is a new
 * key, and the old one ages out.
 *
 * Only a text analysed a second time (its hash was seen) is kept, so that a large instance's
 * one-off results do not churn the heap: keeping every result's analysis promoted about 100 KB a
 * search page into the old generation, which under load made long garbage-collection pauses.
 */
// About 3 KB each (the text, its term ids and offsets): at most some 15 MB.
const kept = new TtlCache<string, Words>(5_000);
/** Hashes of texts analysed once: a text analysed again while its hash is here is kept. */
const seenOnce = new TtlCache<number, true>(50_000);

/** Flags of a term id in `wanted`: a query term, and the first term of some phrase. */
const TERM = 1;
const PHRASE_START = 2;
const IN_PHRASE = 4;
/** Per term id of the shared analyzer, what the query being marked wants of it (0 elsewhere). */
let wanted = new Uint8Array(1 << 16);

/** Where a text's words are collected (reused): a one-off text's wanted ones, or all of one to keep. */
const scratch: Words = {
  analyzer: sharedAnalyzer(),
  ids: new Int32Array(1024),
  positions: new Int32Array(1024),
  starts: new Int32Array(1024),
  ends: new Int32Array(1024),
  length: 0,
};

function grow(words: Words): void {
  const double = (a: Int32Array) => {
    const b = new Int32Array(a.length * 2);
    b.set(a);
    return b;
  };
  words.ids = double(words.ids);
  words.positions = double(words.positions);
  words.starts = double(words.starts);
  words.ends = double(words.ends);
}

/** Where the words being collected go (module state, so that analysing allocates no closure per call). */
let into: Words = scratch;
let onlyWanted = false;
/** Added to the offsets of the stretch being analysed (mark-windows.ts). */
let shift = 0;

function record(id: number, position: number, start: number, end: number): void {
  if (onlyWanted && !wanted[id]) return;
  const words = into;
  const at = words.length;
  if (at === words.ids.length) grow(words);
  words.ids[at] = id;
  words.positions[at] = position;
  words.starts[at] = start + shift;
  words.ends[at] = end + shift;
  words.length = at + 1;
}

/**
 * Positions left between two stretches of one text: more than any phrase of the plan reaches (with
 * a compound's lag), so no phrase is matched across them.
 */
const stretchGap = (plan: WindowPlan) => Math.max(0, plan.phraseReach) + JOINED_FORM_LAG + 1;

/**
 * Analyses `text` into `words`; with `wantedOnly`, only the words the query can mark, and then,
 * given the stretches where they can stand (mark-windows.ts), only those, `gap` positions apart.
 */
function collect(analyzer: Analyzer, text: string, words: Words, wantedOnly: boolean, windows: number[] | null = null, gap = 0): void {
  words.analyzer = analyzer;
  words.length = 0;
  into = words;
  onlyWanted = wantedOnly;
  shift = 0;
  // Positions stay far inside 32 bits however many stretches a (huge) text has.
  if (windows === null || text.length + (windows.length / 2) * gap > 2 ** 30) analyzer.analyze(text, record);
  else {
    let position = 0;
    for (let w = 0; w < windows.length; w += 2) {
      shift = windows[w]!;
      position += analyzer.analyze(text.slice(shift, windows[w + 1]), record, position) + gap;
    }
    shift = 0;
  }
}

/**
 * Collects into `scratch` the words the query can mark, from the stretches of `text` where they
 * can stand (mark-windows.ts); false, with nothing collected, when the text is to be analysed whole.
 */
function collectStretches(analyzer: Analyzer, text: string, plan: WindowPlan | null): boolean {
  const windows = plan === null ? null : markWindows(text, plan);
  if (windows === null) return false;
  collect(analyzer, text, scratch, true, windows, stretchGap(plan!));
  return true;
}

/**
 * The words of `text` to mark from: only the words the query can mark (most of an abstract is not:
 * recording every word cost as much as analysing it), from the stretches where they can stand, or
 * the kept analysis of a text analysed whole before.
 */
function wordsOf(analyzer: Analyzer, text: string, plan: WindowPlan | null): Words {
  // Never kept: over the HTTP bench's page queries at 1M papers, the stretches took 6 µs a text and
  // a whole analysis 30, and kept copies were read again 11,400 times for 70,000 texts analysed
  // whole to keep them (the cache turned over before most came back).
  if (collectStretches(analyzer, text, plan)) return scratch;
  const found = kept.get(text);
  if (found && found.analyzer === analyzer) return found;
  const hash = hashChars(text, 0, text.length);
  if (!seenOnce.get(hash)) {
    seenOnce.set(hash, true, Infinity);
    collect(analyzer, text, scratch, true);
    return scratch;
  }
  collect(analyzer, text, scratch, false);
  const n = scratch.length;
  const all = { analyzer, ids: scratch.ids.slice(0, n), positions: scratch.positions.slice(0, n), starts: scratch.starts.slice(0, n), ends: scratch.ends.slice(0, n), length: n };
  kept.set(text, all, Infinity);
  return all;
}

/**
 * The last text's spans: a card reads its abstract twice for one query, for the excerpt and for
 * the full text, and both come from one analysis and one walk over its words.
 */
let lastSpans: { text: string; terms: readonly string[]; phrases: readonly HighlightPhrase[]; spans: Span[] } | null = null;

function spansOf(text: string, terms: readonly string[], phrases: readonly HighlightPhrase[]): Span[] {
  const memo = lastSpans;
  if (memo !== null && memo.text === text && memo.terms === terms && memo.phrases === phrases) return memo.spans;
  const spans = matchSpans(text, terms, phrases);
  lastSpans = { text, terms, phrases, spans };
  return spans;
}

/** A phrase as term ids of the analyzer marking it. */
interface IdPhrase {
  ids: number[];
  offsets: readonly number[];
}

/** The plan of the query last marked: a page marks all its results for one query. */
let lastPlan: { terms: readonly string[]; phrases: readonly HighlightPhrase[]; plan: WindowPlan | null } | null = null;

function planFor(terms: readonly string[], phrases: readonly HighlightPhrase[]): WindowPlan | null {
  if (lastPlan === null || lastPlan.terms !== terms || lastPlan.phrases !== phrases) lastPlan = { terms, phrases, plan: windowPlan(terms, phrases) };
  return lastPlan.plan;
}

function matchSpans(text: string, terms: readonly string[], phrases: readonly HighlightPhrase[]): Span[] {
  return withWanted(terms, phrases, (analyzer, idPhrases) => spansIn(wordsOf(analyzer, text, planFor(terms, phrases)), idPhrases));
}

/**
 * The spans of one text, never kept or taken from what was kept: analysing only the stretches
 * where the terms can stand (`stretches`), or the whole text. The two must agree (mark-windows.test.ts).
 */
export function matchSpansUncached(text: string, terms: readonly string[], phrases: readonly HighlightPhrase[], stretches: boolean): Span[] {
  return withWanted(terms, phrases, (analyzer, idPhrases) => {
    if (!collectStretches(analyzer, text, stretches ? windowPlan(terms, phrases) : null)) collect(analyzer, text, scratch, true);
    return spansIn(scratch, idPhrases);
  });
}

/** Runs `find` with the query's term ids flagged in `wanted`, and its phrases as ids. */
function withWanted(terms: readonly string[], phrases: readonly HighlightPhrase[], find: (analyzer: Analyzer, idPhrases: IdPhrase[]) => Span[]): Span[] {
  const analyzer = sharedAnalyzer();
  const vocabulary = analyzer.vocabulary;
  // Query terms become ids before the text is analysed (a term new to the vocabulary gets its id
  // now, so a word of the text that analyses to it meets the same id).
  const termIds = terms.map((term) => vocabulary.id(term));
  const idPhrases: IdPhrase[] = phrases.map((phrase) => ({ ids: phrase.terms.map((term) => vocabulary.id(term)), offsets: phrase.offsets }));
  const flagged: number[] = [];
  const flag = (id: number, bit: number) => {
    while (id >= wanted.length) {
      const grown = new Uint8Array(wanted.length * 2);
      grown.set(wanted);
      wanted = grown;
    }
    if (wanted[id] === 0) flagged.push(id);
    wanted[id]! |= bit;
  };
  for (const id of termIds) flag(id, TERM);
  for (const phrase of idPhrases) phrase.ids.forEach((id, k) => flag(id, k === 0 ? PHRASE_START : IN_PHRASE));
  try {
    return find(analyzer, idPhrases);
  } finally {
    for (const id of flagged) wanted[id] = 0;
  }
}

function spansIn(words: Words, phrases: readonly IdPhrase[]): Span[] {
  const spans: Span[] = [];
  // Matches start in word order, so each one either overlaps the last span or starts a new one.
  const add = (start: number, end: number) => {
    const last = spans.at(-1);
    if (last && start < last.end) last.end = Math.max(last.end, end);
    else spans.push({ start, end });
  };
  for (let i = 0; i < words.length; i++) {
    const flags = wanted[words.ids[i]!]!;
    if (flags === 0) continue;
    if (flags & TERM) add(words.starts[i]!, words.ends[i]!);
    if (flags & PHRASE_START) {
      for (const phrase of phrases) {
        const last = phraseEndingAt(words, i, phrase);
        if (last >= 0) add(words.starts[i]!, words.ends[last]!);
      }
    }
  }
  return spans;
}

/** A compound's joined form follows at most this many positions of its own parts (analyzer.ts). */
const JOINED_FORM_LAG = 6;

/**
 * Index of the phrase's last word when it starts at word i (every term at its offset, counted in
 * positions as the index counts them), else -1. A compound's joined form follows its parts with
 * the first part's position ("parametereffici" after "paramet" and "effici"), so positions are
 * not in order: the words after the last one found are searched until their positions are past
 * the one sought by more than a compound's length.
 */
function phraseEndingAt(words: Words, i: number, phrase: IdPhrase): number {
  if (words.ids[i] !== phrase.ids[0]) return -1;
  const first = words.positions[i]! - phrase.offsets[0]!;
  let j = i;
  for (let k = 1; k < phrase.ids.length; k++) {
    const want = first + phrase.offsets[k]!;
    const id = phrase.ids[k]!;
    let hit = -1;
    for (let m = j + 1; m < words.length && words.positions[m]! <= want + JOINED_FORM_LAG; m++) {
      if (words.positions[m] === want && words.ids[m] === id) {
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
  const segments = mergeAdjacent(toSegments(text, spans, from, to));
  // Each "…" a segment of its own: joined to the text beside it, the one character above U+00FF
  // would make that slice of the text two bytes a character (src/serve/latin1.ts).
  if (from > 0) segments.unshift({ text: ELLIPSIS, match: false });
  if (to < text.length) segments.push({ text: ELLIPSIS, match: false });
  return segments;
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

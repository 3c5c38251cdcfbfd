/**
 * The analyzer turns text into index terms; the same code runs at index and at query time, so a
 * query term always meets the form it was indexed in. Per token: case and accent folding (NFKC),
 * stopword removal, Porter2 stemming of letter-only words, canonical arXiv ids. Hyphenated
 * compounds give their parts plus the joined form at the first part's position
 * (`parameter-efficient` → parameter, efficient, parameterefficient; `GPT-4` → gpt, 4, gpt4).
 * Stopwords take no position, so "state of the art" and "state-of-the-art" match as phrases.
 *
 * Terms are numbered by the analyzer's vocabulary, so the index builder works on integers;
 * `analyzeInto` / `analyze` give strings.
 */
import { compareBytes } from "../index/bytes.js";
import { foldWord } from "./fold.js";
import { stemWord } from "./stem.js";
import { STOPWORDS } from "./stopwords.js";
import { TermCache } from "./term-cache.js";
import { scanTokens } from "./tokenizer.js";

/**
 * Receives one term. `start`/`end` index the original text; `joined` marks the extra joined form
 * of a hyphenated compound (it shares the position of the compound's first part).
 */
export type TermSink = (term: string, position: number, start: number, end: number, joined: boolean) => void;
export type TermIdSink = (termId: number, position: number, start: number, end: number, joined: boolean) => void;

/** Longer tokens (hashes, run-together garbage) are not indexed. */
const MAX_TOKEN_LENGTH = 64;
/** Compounds with more parts than this get no joined form. */
const MAX_COMPOUND_PARTS = 6;
const VERSIONED_ID = /^(\d{4}\.\d{4,5})v\d+$/;
const OLD_ID = /^([a-z]+(?:-[a-z]+)?)(?:\.[a-z]{2})?\/(\d{7})(?:v\d+)?$/;

/** Folds one raw token; arXiv ids become canonical (no version, no subject class). */
function normalize(raw: string): string {
  const word = foldWord(raw);
  if (word.length < 10) return word;
  const newId = VERSIONED_ID.exec(word);
  if (newId) return newId[1]!;
  const oldId = OLD_ID.exec(word);
  return oldId ? `${oldId[1]}/${oldId[2]}` : word;
}

const utf8Encoder = new TextEncoder();

/** Sort keys pack a term's first 4 bytes above its place in the list: 2^21 places keep them exact doubles. */
const PLACE_BITS = 21;

/**
 * Term strings numbered in order of first appearance, each also kept in UTF-8 (segments store
 * and sort terms as bytes): encoded once when first seen, rather than again for every segment
 * built with it (encoding and sorting were over a third of finishing a 250-paper segment).
 */
export class Vocabulary {
  readonly terms: string[] = [];
  private readonly index = new Map<string, number>();
  /** Term t's bytes are utf8[utf8Start[t], utf8Start[t + 1]). */
  private utf8 = new Uint8Array(1 << 16);
  private utf8Start = new Int32Array(1 << 12);

  id(term: string): number {
    let id = this.index.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.index.set(term, id);
      this.terms.push(term);
      this.encode(id, term);
    }
    return id;
  }

  /** The UTF-8 bytes of term `id` (a view; never changed afterwards). */
  bytes(id: number): Uint8Array {
    return this.utf8.subarray(this.utf8Start[id], this.utf8Start[id + 1]);
  }

  /**
   * `ids` in the byte order of their terms (the order of a segment's term table): by their
   * first 4 bytes in one typed-array sort, then terms sharing those compared whole. A
   * comparator over all of them cost 0.4 us a comparison.
   */
  inByteOrder(ids: number[]): number[] {
    if (ids.length >= 2 ** PLACE_BITS) return ids.sort((x, y) => this.compare(x, y));
    const keys = new Float64Array(ids.length);
    ids.forEach((id, place) => (keys[place] = this.prefix(id) * 2 ** PLACE_BITS + place));
    keys.sort();
    const sorted = Array.from(keys, (key) => ids[key % 2 ** PLACE_BITS]!);
    for (let from = 0; from < sorted.length; ) {
      let to = from + 1;
      const prefix = Math.floor(keys[from]! / 2 ** PLACE_BITS);
      while (to < sorted.length && Math.floor(keys[to]! / 2 ** PLACE_BITS) === prefix) to++;
      if (to - from > 1) {
        const run = sorted.slice(from, to).sort((x, y) => this.compare(x, y));
        for (let k = 0; k < run.length; k++) sorted[from + k] = run[k]!;
      }
      from = to;
    }
    return sorted;
  }

  /** The first 4 bytes of term `id`, big-endian, zeros past its end. */
  private prefix(id: number): number {
    const start = this.utf8Start[id]!;
    const end = this.utf8Start[id + 1]!;
    let key = 0;
    for (let k = 0; k < 4; k++) key = key * 256 + (start + k < end ? this.utf8[start + k]! : 0);
    return key;
  }

  private compare(x: number, y: number): number {
    const starts = this.utf8Start;
    return compareBytes(this.utf8, starts[x]!, starts[x + 1]!, this.utf8, starts[y]!, starts[y + 1]!);
  }

  private encode(id: number, term: string) {
    if (id + 2 > this.utf8Start.length) {
      const grown = new Int32Array(this.utf8Start.length * 2);
      grown.set(this.utf8Start);
      this.utf8Start = grown;
    }
    const from = this.utf8Start[id]!;
    if (from + 3 * term.length > this.utf8.length) {
      const grown = new Uint8Array(Math.max(2 * this.utf8.length, from + 3 * term.length));
      grown.set(this.utf8.subarray(0, from));
      this.utf8 = grown;
    }
    const { written } = utf8Encoder.encodeInto(term, this.utf8.subarray(from));
    this.utf8Start[id + 1] = from + written;
  }
}

const noSink: TermIdSink = () => {};

/** Token memo entries for analysing a large batch (an index build): about 60 MB, dropped afterwards. */
export const BUILD_CACHE_ENTRIES = 1 << 20;
/** Token memo entries while small batches follow each other (a live catch-up): about 4 MB. */
export const STREAM_CACHE_ENTRIES = 1 << 16;

export class Analyzer {
  readonly vocabulary = new Vocabulary();
  private readonly cache: TermCache;
  // State of the text being analysed (reused, so analysing allocates nothing per call).
  private text = "";
  private sink: TermIdSink = noSink;
  private position = 0;
  private compound = "";
  private parts = 0;
  private compoundPosition = 0;
  private compoundStart = 0;
  private compoundEnd = 0;

  /** @param cacheEntries token memo size (see TermCache): large for index builds, small for queries */
  constructor(cacheEntries?: number) {
    this.cache = new TermCache(cacheEntries);
  }

  /** Term id of a folded word, or -1 for stopwords and over-long tokens. */
  private termIdOf(word: string): number {
    if (word.length === 0 || word.length > MAX_TOKEN_LENGTH || STOPWORDS.has(word)) return -1;
    return this.vocabulary.id(stemWord(word));
  }

  private finishCompound() {
    if (this.parts >= 2 && this.parts <= MAX_COMPOUND_PARTS) {
      const id = this.termIdOf(this.compound);
      if (id >= 0) {
        // Compounds of stopwords alone ("in-the") took no position yet.
        if (this.position === this.compoundPosition) this.position++;
        this.sink(id, this.compoundPosition, this.compoundStart, this.compoundEnd, true);
      }
    }
    this.parts = 0;
  }

  private readonly onToken = (start: number, end: number, raw: string | null, hash: number, linked: boolean) => {
    let word: string;
    let id: number;
    if (raw !== null) {
      word = normalize(raw);
      id = this.termIdOf(word);
    } else {
      const entry = this.cache.find(this.text, start, end, hash);
      if (entry >= 0) {
        word = this.cache.folded[entry]!;
        id = this.cache.termIds[entry]!;
      } else {
        word = normalize(this.text.slice(start, end));
        id = this.termIdOf(word);
        this.cache.add(this.text, start, end, hash, word, id);
      }
    }
    if (linked && this.parts > 0) {
      this.compound += word;
      this.parts++;
      this.compoundEnd = end;
    } else {
      this.finishCompound();
      this.compound = word;
      this.parts = 1;
      this.compoundPosition = this.position;
      this.compoundStart = start;
      this.compoundEnd = end;
    }
    if (id >= 0) this.sink(id, this.position++, start, end, false);
  };

  /** Calls `sink` for every term of `text`; returns the number of positions used. */
  analyze(text: string, sink: TermIdSink, firstPosition = 0): number {
    this.text = text;
    this.sink = sink;
    this.position = firstPosition;
    this.parts = 0;
    scanTokens(text, this.onToken);
    this.finishCompound();
    this.text = "";
    this.sink = noSink;
    return this.position - firstPosition;
  }
}

/** The string analyzer is replaced when its vocabulary grows past this (ids are per call there). */
const SHARED_VOCABULARY_LIMIT = 500_000;
/** Token memo of the query-time analyzer: small, it lives as long as the process. */
const SHARED_CACHE_ENTRIES = 1 << 16;
let shared = new Analyzer(SHARED_CACHE_ENTRIES);

/**
 * The process's query-time analyzer. Its term ids hold for as long as it is the one returned:
 * it is replaced once its vocabulary passes SHARED_VOCABULARY_LIMIT, so ids kept across calls
 * must be kept with the analyzer they came from.
 */
export function sharedAnalyzer(): Analyzer {
  if (shared.vocabulary.terms.length > SHARED_VOCABULARY_LIMIT) shared = new Analyzer(SHARED_CACHE_ENTRIES);
  return shared;
}

/** Calls `sink` for every term of `text` (as a string); returns the number of positions used. */
export function analyzeInto(text: string, sink: TermSink, firstPosition = 0): number {
  const analyzer = sharedAnalyzer();
  const terms = analyzer.vocabulary.terms;
  return analyzer.analyze(text, (id, position, start, end, joined) => sink(terms[id]!, position, start, end, joined), firstPosition);
}

/** The terms of `text` in order (with repeats), joined forms included. */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  analyzeInto(text, (term) => terms.push(term));
  return terms;
}

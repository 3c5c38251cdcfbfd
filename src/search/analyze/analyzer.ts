/**
 * The analyzer turns text into index terms; the same code runs at index and at query time, so a
 * query term always meets the form it was indexed in. Per token: case and accent folding (NFKC),
 * stopword removal, Porter2 stemming of letter-only words, canonical arXiv ids. Hyphenated
 * compounds give their parts plus the joined form at the first part's position
 * (`parameter-efficient` → parameter, efficient, parameterefficient; `GPT-4` → gpt, 4, gpt4).
 * Stopwords take no position, so "state of the art" and "state-of-the-art" match as phrases.
 */
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

/** The index form of a folded word, or null for stopwords and over-long tokens. */
function termOf(word: string): string | null {
  if (word.length === 0 || word.length > MAX_TOKEN_LENGTH || STOPWORDS.has(word)) return null;
  return stemWord(word);
}

const cache = new TermCache();

/** Calls `sink` for every term of `text`; returns the number of positions used. */
export function analyzeInto(text: string, sink: TermSink, firstPosition = 0): number {
  let position = firstPosition;
  let compound = "";
  let parts = 0;
  let compoundPosition = 0;
  let compoundStart = 0;
  let compoundEnd = 0;

  const finishCompound = () => {
    if (parts >= 2 && parts <= MAX_COMPOUND_PARTS) {
      const term = termOf(compound);
      if (term !== null) {
        // Compounds of stopwords alone ("in-the") took no position yet.
        if (position === compoundPosition) position++;
        sink(term, compoundPosition, compoundStart, compoundEnd, true);
      }
    }
    parts = 0;
  };

  scanTokens(text, (start, end, raw, hash, linked) => {
    let word: string;
    let term: string | null;
    if (raw !== null) {
      word = normalize(raw);
      term = termOf(word);
    } else {
      const entry = cache.find(text, start, end, hash);
      if (entry < 0) {
        const key = text.slice(start, end);
        word = normalize(key);
        term = termOf(word);
        cache.add(key, hash, word, term);
      } else {
        word = cache.folded[entry]!;
        term = cache.terms[entry]!;
      }
    }
    if (linked && parts > 0) {
      compound += word;
      parts++;
      compoundEnd = end;
    } else {
      finishCompound();
      compound = word;
      parts = 1;
      compoundPosition = position;
      compoundStart = start;
      compoundEnd = end;
    }
    if (term !== null) sink(term, position++, start, end, false);
  });
  finishCompound();
  return position - firstPosition;
}

/** The terms of `text` in order (with repeats), joined forms included. */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  analyzeInto(text, (term) => terms.push(term));
  return terms;
}

/**
 * The analyzer turns text into index terms; the same code runs at index and at query time so a
 * query term always meets the form it was indexed in. Each token is reported with its position
 * (for phrases) and its character span in the original text (for highlighting).
 */
import { foldWord } from "./fold.js";
import { stemWord } from "./stem.js";
import { STOPWORDS } from "./stopwords.js";

/** Receives one term; `start`/`end` index the original text. */
export type TermSink = (term: string, position: number, start: number, end: number) => void;

const WORD = /[\p{L}\p{N}]+/gu;

/** Calls `sink` for every term of `text`; returns the number of positions used. */
export function analyzeInto(text: string, sink: TermSink, firstPosition = 0): number {
  let position = firstPosition;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const word = foldWord(m[0]);
    if (!word || STOPWORDS.has(word)) continue;
    sink(stemWord(word), position++, m.index, m.index + m[0].length);
  }
  return position - firstPosition;
}

/** The terms of `text` in order (with repeats). */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  analyzeInto(text, (term) => terms.push(term));
  return terms;
}

/**
 * English stemming with the Porter2 (Snowball English) algorithm from the `porter2` package.
 * Stems are memoised: word frequencies are Zipfian, so a bounded cache (filled by the first words
 * seen, then fixed) answers almost every call.
 */
import { stem as porter2 } from "porter2";

/** Cache entries kept before the cache is cleared; 200k words ≈ 20 MB. */
const CACHE_LIMIT = 200_000;
const cache = new Map<string, string>();

/** Letters-only words are stemmed; tokens with digits ("gpt4", "124m") are kept as they are. */
const STEMMABLE = /^[a-z]+$/;

export function stemWord(word: string): string {
  let stemmed = cache.get(word);
  if (stemmed !== undefined) return stemmed;
  stemmed = word.length > 2 && STEMMABLE.test(word) ? porter2(word) : word;
  if (cache.size < CACHE_LIMIT) cache.set(word, stemmed);
  return stemmed;
}

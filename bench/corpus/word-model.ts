/**
 * Draws words with the frequencies observed in real text, extended past the observed vocabulary
 * the way real vocabularies grow. Word frequencies fall as a power of their rank (Zipf), and a
 * sample of n words holds about n^(1/s) distinct words (Heaps), so a corpus 20× larger than the
 * sample needs words the sample never saw.
 *
 * Ranks whose count is reliable (≥ `reliableCount`) keep their observed frequency. Beyond, the
 * frequency continues from the last reliable rank as c·rank^-s out to `maxRanks`, with s chosen so
 * that drawing as many words as were observed yields as many distinct words as were observed.
 * Ranks past the observed vocabulary get synthetic, pronounceable words.
 */
import { createAliasSampler } from "./alias.js";
import type { Counts } from "./learn.js";
import type { Random } from "./prng.js";

export interface WordModelOptions {
  /** Counts at or above this are used as observed; default 20, ≥ 2. */
  reliableCount?: number;
  /** Vocabulary size of the extended model; default 10,000,000, ≥ the observed vocabulary. */
  maxRanks?: number;
}

export interface WordModel {
  /** Power-law exponent s of the tail (frequency ∝ rank^-s). */
  readonly exponent: number;
  /** Words observed; ranks past this are synthetic. */
  readonly observed: number;
  readonly maxRanks: number;
  /** Expected distinct words among n draws. */
  expectedVocabulary(draws: number): number;
  /** A 0-based rank drawn by frequency. */
  sampleRank(random: Random): number;
  /** The word at a 0-based rank. */
  word(rank: number): string;
}

const CONSONANTS = "bdfgklmnprstvz";
const VOWELS = "aeiou";
const SYLLABLES = [...CONSONANTS].flatMap((c) => [...VOWELS].map((v) => c + v));

/** A pronounceable word of at least three syllables, unique per number. */
export function syntheticWord(n: number): string {
  let word = "";
  let rest = n;
  do {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0 || word.length < 6);
  return word;
}

/** The power-law tail over 1-based ranks (first, last], weight c·r^-s per rank. */
class Tail {
  constructor(
    readonly first: number,
    readonly last: number,
    readonly scale: number,
    readonly exponent: number,
  ) {}

  /** Integral of c·x^-s over [a, b]: the weight of the ranks in between. */
  weight(a = this.first + 0.5, b = this.last + 0.5): number {
    const e = 1 - this.exponent;
    return (this.scale * (Math.pow(b, e) - Math.pow(a, e))) / e;
  }

  /** Inverse of the tail's distribution function: a 0-based rank. */
  sample(u: number): number {
    const e = 1 - this.exponent;
    const a = Math.pow(this.first + 0.5, e);
    const b = Math.pow(this.last + 0.5, e);
    const rank = Math.round(Math.pow(a + u * (b - a), 1 / e));
    return Math.min(this.last, Math.max(this.first + 1, rank)) - 1;
  }

  /** Σ over tail ranks of P(seen in n draws), in geometric slices of near-equal probability. */
  expectedDistinct(draws: number, total: number): number {
    let sum = 0;
    for (let a = this.first + 0.5; a < this.last + 0.5;) {
      const b = Math.min(this.last + 0.5, Math.max(a + 1, a * 1.01));
      const middle = Math.sqrt(a * b);
      const p = (this.scale * Math.pow(middle, -this.exponent)) / total;
      sum += (b - a) * -Math.expm1(draws * Math.log1p(-p));
      a = b;
    }
    return sum;
  }
}

export function createWordModel(counts: Counts<string>, options: WordModelOptions = {}): WordModel {
  const reliableCount = options.reliableCount ?? 20;
  const maxRanks = Math.max(options.maxRanks ?? 10_000_000, counts.length + 1);
  let reliable = counts.findIndex(([, count]) => count < reliableCount);
  if (reliable === -1) reliable = counts.length;
  if (reliable < 10)
    throw new Error(`bench: only ${reliable} words seen ${reliableCount}+ times; too little text to model`);
  const head = counts.slice(0, reliable).map(([, count]) => count);
  const headWeight = head.reduce((a, b) => a + b, 0);
  const observedDraws = counts.reduce((sum, [, count]) => sum + count, 0);
  const tailFor = (s: number) => new Tail(reliable, maxRanks, head[reliable - 1]! * Math.pow(reliable, s), s);
  const expected = (tail: Tail, draws: number) => {
    const total = headWeight + tail.weight();
    return (
      head.reduce((sum, w) => sum - Math.expm1(draws * Math.log1p(-w / total)), 0) +
      tail.expectedDistinct(draws, total)
    );
  };
  // A steeper tail holds fewer distinct words; find the slope that reproduces the observed count.
  let low = 1.05;
  let high = 4;
  for (let step = 0; step < 30; step++) {
    const middle = (low + high) / 2;
    if (expected(tailFor(middle), observedDraws) > counts.length) low = middle;
    else high = middle;
  }
  const tail = tailFor((low + high) / 2);
  const tailWeight = tail.weight();
  // One alias draw picks a head rank or the tail (last slot); the tail is then drawn analytically.
  const sampler = createAliasSampler([...head, tailWeight]);
  const words = counts.map(([word]) => word);
  const known = new Set(words);
  return {
    exponent: tail.exponent,
    observed: counts.length,
    maxRanks,
    expectedVocabulary: (draws) => expected(tail, draws),
    sampleRank(random) {
      const slot = sampler.sample(random);
      return slot < reliable ? slot : tail.sample(random.next());
    },
    word(rank) {
      if (rank < words.length) return words[rank]!;
      const word = syntheticWord(rank);
      return known.has(word) ? `${word}x` : word;
    },
  };
}

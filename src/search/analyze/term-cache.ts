/**
 * Memo from a token's exact characters to its folded word and index term. Word frequencies are
 * Zipfian, so after a few thousand abstracts nearly every token is a hit; the lookup hashes and
 * compares characters of the original text in place, so a hit allocates no string at all.
 * Full, it stops taking new entries (the frequent words are in by then).
 */

/** Entries kept; 512k entries ≈ 50 MB at most. */
const MAX_ENTRIES = 1 << 19;
const SLOTS = MAX_ENTRIES * 2;
const MASK = SLOTS - 1;

export class TermCache {
  private readonly slots = new Int32Array(SLOTS).fill(-1);
  private readonly hashes = new Int32Array(MAX_ENTRIES);
  private readonly keys: string[] = [];
  readonly folded: string[] = [];
  /** null for stopwords and over-long tokens. */
  readonly terms: Array<string | null> = [];

  /** Entry index of text[start, end) with the given hash, or -1. */
  find(text: string, start: number, end: number, hash: number): number {
    const length = end - start;
    for (let slot = hash & MASK; ; slot = (slot + 1) & MASK) {
      const entry = this.slots[slot]!;
      if (entry < 0) return -1;
      if (this.hashes[entry] !== hash) continue;
      const key = this.keys[entry]!;
      if (key.length !== length) continue;
      let k = 0;
      while (k < length && key.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === length) return entry;
    }
  }

  /** Adds an entry unless full; returns its index or -1. */
  add(key: string, hash: number, folded: string, term: string | null): number {
    const entry = this.keys.length;
    if (entry >= MAX_ENTRIES) return -1;
    let slot = hash & MASK;
    while (this.slots[slot]! >= 0) slot = (slot + 1) & MASK;
    this.slots[slot] = entry;
    this.hashes[entry] = hash;
    this.keys.push(key);
    this.folded.push(folded);
    this.terms.push(term);
    return entry;
  }
}

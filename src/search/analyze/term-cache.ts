/**
 * Memo from a token's exact characters to its folded word and term id. Word frequencies are
 * Zipfian, so after a few thousand abstracts nearly every token is a hit. A lookup touches one
 * slot of one Int32Array (hash, key offset, key length, entry) and the key's characters in one
 * Uint16Array, comparing them with the original text in place: no allocation, few cache misses.
 * Full, it stops taking new entries (the frequent words are in by then).
 */

export class TermCache {
  /** Per slot: hash, key offset, key length, entry + 1 (0 = empty). */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly keyChars: Uint16Array;
  private keyEnd = 0;
  private count = 0;
  readonly folded: string[] = [];
  /** Term id, -1 for stopwords and over-long tokens. */
  readonly termIds: Int32Array;

  /** @param maxEntries entries kept, a power of two; 2^18 ≈ 15 MB, 2^20 ≈ 60 MB */
  constructor(private readonly maxEntries = 1 << 18) {
    this.slots = new Int32Array(maxEntries * 2 * 4);
    this.mask = maxEntries * 2 - 1;
    // Keys average under 12 characters.
    this.keyChars = new Uint16Array(maxEntries * 12);
    this.termIds = new Int32Array(maxEntries);
  }

  /** Entry index of text[start, end) with the given hash, or -1. */
  find(text: string, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const length = end - start;
    const mask = this.mask;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 4;
      const entry = slots[at + 3]!;
      if (entry === 0) return -1;
      if (slots[at] !== hash || slots[at + 2] !== length) continue;
      const offset = slots[at + 1]!;
      let k = 0;
      while (k < length && this.keyChars[offset + k] === text.charCodeAt(start + k)) k++;
      if (k === length) return entry - 1;
    }
  }

  /** Adds text[start, end) unless full. */
  add(text: string, start: number, end: number, hash: number, folded: string, termId: number): void {
    const length = end - start;
    if (this.count >= this.maxEntries || this.keyEnd + length > this.keyChars.length) return;
    let slot = hash & this.mask;
    while (this.slots[slot * 4 + 3] !== 0) slot = (slot + 1) & this.mask;
    const at = slot * 4;
    this.slots[at] = hash;
    this.slots[at + 1] = this.keyEnd;
    this.slots[at + 2] = length;
    this.slots[at + 3] = this.count + 1;
    for (let k = 0; k < length; k++) this.keyChars[this.keyEnd + k] = text.charCodeAt(start + k);
    this.keyEnd += length;
    this.folded.push(folded);
    this.termIds[this.count++] = termId;
  }
}

/**
 * Memo from a token's exact characters to its folded word and term id. Word frequencies are
 * Zipfian, so after a few thousand abstracts nearly every token is a hit. A lookup touches one
 * slot of one Int32Array (hash, key offset, key length, entry) and the key's characters in one
 * Uint16Array, comparing them with the original text in place: no allocation, few cache misses.
 * Full, it stops taking new entries (the frequent words are in by then).
 */

/** Entries kept: 256k ≈ 15 MB. */
const MAX_ENTRIES = 1 << 18;
const SLOTS = MAX_ENTRIES * 2;
const MASK = SLOTS - 1;
/** Characters of all keys together, at most. */
const MAX_KEY_CHARS = MAX_ENTRIES * 12;

export class TermCache {
  /** Per slot: hash, key offset, key length, entry + 1 (0 = empty). */
  private readonly slots = new Int32Array(SLOTS * 4);
  private readonly keyChars = new Uint16Array(MAX_KEY_CHARS);
  private keyEnd = 0;
  private count = 0;
  readonly folded: string[] = [];
  /** Term id, -1 for stopwords and over-long tokens. */
  readonly termIds = new Int32Array(MAX_ENTRIES);

  /** Entry index of text[start, end) with the given hash, or -1. */
  find(text: string, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const length = end - start;
    for (let slot = hash & MASK; ; slot = (slot + 1) & MASK) {
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
    if (this.count >= MAX_ENTRIES || this.keyEnd + length > MAX_KEY_CHARS) return;
    let slot = hash & MASK;
    while (this.slots[slot * 4 + 3] !== 0) slot = (slot + 1) & MASK;
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

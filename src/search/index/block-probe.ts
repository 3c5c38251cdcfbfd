/**
 * Looks docs up in one postings block without decoding all of it: doc gaps are decoded only as
 * far as the doc asked for (a block's docs were decoded whole before, 128 at a time, even when
 * the doc sought came early or was not there), and only a found doc's combo is read. For scoring
 * a few known docs on many terms (exec/listed.ts), where nearly every probe is a block of its own.
 */
import { readBlockCombo } from "./block-codec.js";
import { distanceEnd, newRun, openRun, readDistance } from "./patched.js";
import { BLOCK_SIZE } from "./segment.js";

export class BlockProbe {
  /** Docs decoded so far, [0, decoded). */
  readonly docs = new Int32Array(BLOCK_SIZE);
  private decoded = 0;
  private at = 0;
  private count = 0;
  private last = 0;
  private bytes: Uint8Array = new Uint8Array(0);
  private low = 0;
  private width = 0;
  private mask = 0;
  /** Where the block's combos start. */
  private combosAt = 0;
  private readonly run = newRun();
  // The next exception of the gaps' run: its index, and where the following index distance is.
  private exceptionsLeft = 0;
  private exception = 0;
  private exceptionNumber = 0;
  private indexAt = 0;

  /** Opens the block at `at` of `bytes` with `count` postings, after doc `previous`. */
  open(bytes: Uint8Array, at: number, count: number, previous: number): void {
    this.bytes = bytes;
    const run = this.run;
    this.low = openRun(bytes, at, run);
    this.width = run.width;
    this.mask = (1 << run.width) - 1;
    this.combosAt = this.low + ((count * run.width + 7) >>> 3);
    this.count = count;
    this.decoded = 0;
    this.at = 0;
    this.last = previous;
    this.exceptionsLeft = run.exceptions;
    this.exceptionNumber = 0;
    this.exception = 0;
    this.indexAt = run.indexAt;
    if (this.exceptionsLeft > 0) this.exception = this.readDistance();
  }

  private readDistance(): number {
    const distance = readDistance(this.bytes, this.indexAt);
    this.indexAt = distanceEnd.at;
    return distance;
  }

  /** Index of `doc` in the block, or -1 when it is not there. Docs asked must not decrease. */
  find(doc: number): number {
    const docs = this.docs;
    let at = this.at;
    while (at < this.decoded && docs[at]! < doc) at++;
    this.at = at;
    if (at < this.decoded) return docs[at] === doc ? at : -1;
    const bytes = this.bytes;
    const width = this.width;
    const run = this.run;
    let last = this.last;
    let i = this.decoded;
    while (i < this.count) {
      let gap = 0;
      if (width > 0) {
        const bit = i * width;
        const p = this.low + (bit >>> 3);
        // A value of at most 24 bits at a bit offset below 8 spans at most 4 bytes.
        const word =
          bytes[p]! | ((bytes[p + 1] ?? 0) << 8) | ((bytes[p + 2] ?? 0) << 16) | ((bytes[p + 3] ?? 0) << 24);
        gap = (word >>> (bit & 7)) & this.mask;
      }
      if (this.exceptionsLeft > 0 && i === this.exception) {
        const hbit = this.exceptionNumber * run.highWidth;
        const q = run.highAt + (hbit >>> 3);
        const word =
          (bytes[q] ?? 0) |
          ((bytes[q + 1] ?? 0) << 8) |
          ((bytes[q + 2] ?? 0) << 16) |
          ((bytes[q + 3] ?? 0) << 24);
        gap |= ((word >>> (hbit & 7)) & ((1 << run.highWidth) - 1)) << width;
        this.exceptionNumber++;
        if (--this.exceptionsLeft > 0) this.exception += this.readDistance();
      }
      last += gap + 1;
      docs[i++] = last;
      if (last >= doc) break;
    }
    this.decoded = i;
    this.last = last;
    this.at = at = i - 1;
    if (at < 0 || docs[at]! < doc) {
      this.at = i;
      return -1;
    }
    return docs[at] === doc ? at : -1;
  }

  /** Combo of the posting at `index` (as `find` returned). */
  combo(index: number): number {
    return readBlockCombo(this.bytes, this.combosAt, index);
  }
}

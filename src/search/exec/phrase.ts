/**
 * Phrase matching on positions: do the cursors' terms (all on the same doc) occur at the given
 * relative offsets, inside the fields of `mask`? Positions carry their field in the high bits, so a
 * phrase never runs from one field into the next.
 */
import type { PostingsCursor } from "../index/cursor.js";
import { FIELD_SHIFT } from "../index/segment.js";

/** Positions one term can have in one doc: 255 per field (see segment-builder). */
const MAX_POSITIONS = 2048;

export class PhraseMatcher {
  private readonly buffers: Int32Array[] = [];
  private readonly counts: Int32Array;
  private readonly pointers: Int32Array;

  constructor(maxTerms: number) {
    for (let i = 0; i < maxTerms; i++) this.buffers.push(new Int32Array(MAX_POSITIONS));
    this.counts = new Int32Array(maxTerms);
    this.pointers = new Int32Array(maxTerms);
  }

  matches(cursors: readonly PostingsCursor[], offsets: readonly number[], mask: number): boolean {
    for (let k = 0; k < cursors.length; k++) {
      const buffer = this.buffers[k]!;
      const n = cursors[k]!.positions(buffer);
      let kept = 0;
      for (let j = 0; j < n; j++) if (((mask >> (buffer[j]! >>> FIELD_SHIFT)) & 1) !== 0) buffer[kept++] = buffer[j]!;
      this.counts[k] = kept;
      this.pointers[k] = 0;
    }
    const firsts = this.buffers[0]!;
    for (let j = 0; j < this.counts[0]!; j++) {
      const start = firsts[j]! - offsets[0]!;
      let ok = true;
      for (let k = 1; k < cursors.length && ok; k++) {
        const want = start + offsets[k]!;
        const list = this.buffers[k]!;
        let p = this.pointers[k]!;
        while (p < this.counts[k]! && list[p]! < want) p++;
        this.pointers[k] = p;
        ok = p < this.counts[k]! && list[p] === want;
      }
      if (ok) return true;
    }
    return false;
  }
}

/**
 * The postings lists of a bulk-window run (bulk-window.ts): each list's blocks walked window by
 * window, decoded into shared buffers, and a posting's contribution computed without a cursor.
 */
import { readBlockCombos, readBlockDocs } from "../index/block-codec.js";
import { BLOCK_SIZE } from "../index/segment.js";
import type { SegmentQuery } from "./segment-query.js";

/** The block `ListBlocks.decode` decoded last (search is synchronous: one run at a time). */
export const blockDocs = new Int32Array(BLOCK_SIZE);
export const blockCombos = new Int32Array(BLOCK_SIZE);

/** One postings list's blocks, walked window by window. */
export class ListBlocks {
  readonly first: number;
  readonly end: number;
  readonly df: number;
  /** First block that may hold a doc of the current window (or a later one). */
  next: number;

  constructor(
    readonly q: SegmentQuery,
    term: number,
    /** A term's high list (index/high-lists.ts) rather than its whole list. */
    readonly isHigh = false,
  ) {
    const { blockStart } = q.seg.a;
    this.first = this.next = blockStart[term]!;
    this.end = blockStart[term + 1]!;
    this.df = q.seg.df(term);
  }

  /** Moves `next` to the first block ending at or after `start`; false when none is left. */
  seek(start: number): boolean {
    const lastDoc = this.q.seg.a.blockLastDoc;
    while (this.next < this.end && lastDoc[this.next]! < start) this.next++;
    return this.next < this.end;
  }

  /** Highest tf~ bound of the blocks that may hold docs up to `last` (after `seek`). */
  maxTf(last: number): number {
    const { blockLastDoc, blockMaxTf } = this.q.seg.a;
    let max = 0;
    for (let b = this.next; b < this.end; b++) {
      if (blockMaxTf[b]! > max) max = blockMaxTf[b]!;
      if (blockLastDoc[b]! >= last) break;
    }
    return max;
  }

  /** Decodes block b into blockDocs / blockCombos; returns its posting count. */
  decode(b: number): number {
    const count = this.decodeDocs(b);
    readBlockCombos(this.q.seg.a.postings, this.combosAt, count, blockCombos);
    return count;
  }

  /** Where block b's combos start, after `decodeDocs(b)`. */
  private combosAt = 0;

  /** Decodes block b's docs only into blockDocs; returns its posting count. */
  private decodeDocs(b: number): number {
    const { postings, blockPostings, blockLastDoc } = this.q.seg.a;
    const count = Math.min(BLOCK_SIZE, this.df - (b - this.first) * BLOCK_SIZE);
    this.combosAt = readBlockDocs(postings, blockPostings[b]!, count, b > this.first ? blockLastDoc[b - 1]! : -1, blockDocs);
    return count;
  }

  /**
   * Adds scorer i's contribution to `sums` (indexed by doc − start) of the docs start + docs[0, count) (increasing) that
   * the list holds, decoding only blocks that hold one (and their combos only on a match); sets
   * bit `mark` of `inHigh` for them unless mark is -1.
   */
  addTo(i: number, start: number, docs: Int32Array, count: number, sums: Float64Array, mark: number, inHigh: Uint32Array): void {
    const lastDoc = this.q.seg.a.blockLastDoc;
    const weight = new ComboWeight(this.q);
    weight.use(i);
    let c = 0;
    for (let b = this.next; b < this.end && c < count; b++) {
      const last = lastDoc[b]!;
      if (start + docs[c]! > last) continue;
      const n = this.decodeDocs(b);
      let combos = false;
      let p = 0;
      for (; c < count; c++) {
        const at = docs[c]!;
        const doc = start + at;
        if (doc > last) break;
        while (p < n && blockDocs[p]! < doc) p++;
        if (p < n && blockDocs[p] === doc) {
          if (!combos) {
            readBlockCombos(this.q.seg.a.postings, this.combosAt, n, blockCombos);
            combos = true;
          }
          sums[at] = sums[at]! + weight.of(doc, blockCombos[p]!);
          if (mark >= 0) inHigh[at] = inHigh[at]! | (1 << mark);
        }
      }
    }
  }
}

/**
 * A scorer's contribution for a posting (0 when the term is outside its fields): the arithmetic of
 * SegmentQuery.scoreCombo, with the arrays it reads held in fields and one field (the common
 * case) inlined.
 */
export class ComboWeight {
  private readonly comboMask: Uint8Array;
  private readonly comboField: Int8Array;
  private readonly comboFieldTf: Uint8Array;
  private readonly lengths: Uint8Array;
  private readonly docCount: number;
  private readonly norm: Float64Array;
  private readonly k1: number;
  private i = 0;
  private mask = 0;
  private idf = 0;

  constructor(private readonly q: SegmentQuery) {
    const seg = q.seg;
    this.comboMask = seg.comboMask;
    this.comboField = seg.comboField;
    this.comboFieldTf = seg.comboFieldTf;
    this.lengths = q.lengths;
    this.docCount = seg.docCount;
    this.norm = q.ctx.norm;
    this.k1 = q.ctx.k1;
  }

  /** Weighs scorer i's postings from now on. */
  use(i: number): void {
    this.i = i;
    this.mask = this.q.masks[i]!;
    this.idf = this.q.idf[i]!;
  }

  of(doc: number, combo: number): number {
    if ((this.comboMask[combo]! & this.mask) === 0) return 0;
    const f = this.comboField[combo]!;
    if (f < 0) return this.q.scoreCombo(this.i, doc, combo) ? this.q.contribution[this.i]! : 0;
    const tf = this.comboFieldTf[combo]! * this.norm[f * 256 + this.lengths[f * this.docCount + doc]!]!;
    return this.idf * (tf / (this.k1 + tf));
  }
}

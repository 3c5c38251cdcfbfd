/**
 * Reads one term's postings in a segment, a block at a time: next / advance (skipping whole
 * blocks by their last doc without decoding them), the current posting's combo and positions,
 * and each block's tf~ bound for dynamic pruning.
 */
import { FIELD_COUNT, POSITIONAL_FIELDS } from "../fields.js";
import { readBlock, readPositionValues } from "./block-codec.js";
import { BLOCK_SIZE, FIELD_SHIFT, type Segment } from "./segment.js";

export const NO_MORE_DOCS = 0x7fffffff;

export class PostingsCursor {
  /** Current doc, -1 before the first `next`, NO_MORE_DOCS at the end. */
  doc = -1;
  readonly df: number;
  readonly firstBlock: number;
  readonly endBlock: number;
  /** The decoded block: docs and combos [0, count), the current posting at `index` (read by skim.ts). */
  readonly docs = new Int32Array(BLOCK_SIZE);
  readonly combos = new Int32Array(BLOCK_SIZE);
  count = 0;
  index = 0;
  private block: number;
  /** Lowest block that can hold a doc ≥ the last `blockFor` target (targets only grow). */
  private shallow = 0;
  // Positions of postings in the decoded block are read in order: the values of posting
  // `positionIndex` start with value number `positionAt` of the block.
  private positionAt = 0;
  private positionIndex = 0;
  /** Where the decoded block's positions start: right after its postings. */
  private positionsAt = 0;

  constructor(
    private readonly seg: Segment,
    readonly term: number,
  ) {
    this.df = seg.df(term);
    this.firstBlock = seg.a.blockStart[term]!;
    this.endBlock = seg.a.blockStart[term + 1]!;
    this.block = this.firstBlock - 1;
  }

  /** Back to before the first posting, as new. */
  reset(): void {
    this.doc = -1;
    this.block = this.firstBlock - 1;
    this.count = 0;
    this.index = 0;
    this.shallow = 0;
  }

  private decodeBlock(b: number) {
    const { postings, blockPostings, blockLastDoc } = this.seg.a;
    this.block = b;
    this.count = Math.min(BLOCK_SIZE, this.df - (b - this.firstBlock) * BLOCK_SIZE);
    const previous = b > this.firstBlock ? blockLastDoc[b - 1]! : -1;
    this.positionsAt = readBlock(postings, blockPostings[b]!, this.count, previous, this.docs, this.combos);
    this.index = 0;
    this.positionAt = 0;
    this.positionIndex = 0;
  }

  nextDoc(): number {
    if (++this.index < this.count) return (this.doc = this.docs[this.index]!);
    if (this.block + 1 >= this.endBlock) return (this.doc = NO_MORE_DOCS);
    this.decodeBlock(this.block + 1);
    return (this.doc = this.docs[0]!);
  }

  /** Moves to posting `i` of the decoded block (i > index), or on to the next block past its end. */
  moveTo(i: number): number {
    if (i < this.count) {
      this.index = i;
      return (this.doc = this.docs[i]!);
    }
    this.index = this.count - 1;
    return this.nextDoc();
  }

  /** Moves to the first doc ≥ target (never backwards). */
  advance(target: number): number {
    if (this.doc >= target) return this.doc;
    const lastDocs = this.seg.a.blockLastDoc;
    if (this.block < this.firstBlock || lastDocs[this.block]! < target) {
      let b = Math.max(this.block + 1, this.firstBlock, this.shallow);
      while (b < this.endBlock && lastDocs[b]! < target) b++;
      if (b >= this.endBlock) {
        this.block = this.endBlock;
        this.count = 0;
        return (this.doc = NO_MORE_DOCS);
      }
      this.decodeBlock(b);
    }
    let i = this.index;
    while (i < this.count && this.docs[i]! < target) i++;
    if (i === this.count) {
      // Only a damaged block ends below the last doc its bound promised: end the list there, so
      // callers that leapfrog on "never backwards" cannot spin.
      this.block = this.endBlock;
      this.count = 0;
      return (this.doc = NO_MORE_DOCS);
    }
    this.index = i;
    return (this.doc = this.docs[i]!);
  }

  /** Block holding the first doc ≥ target, without decoding; endBlock when there is none. */
  blockFor(target: number): number {
    const lastDocs = this.seg.a.blockLastDoc;
    let b = Math.max(this.block, this.firstBlock, this.shallow);
    while (b < this.endBlock && lastDocs[b]! < target) b++;
    this.shallow = b;
    return b;
  }

  /** Postings of this list before the current one (its df once the list is done). */
  get ordinal(): number {
    if (this.doc === NO_MORE_DOCS) return this.df;
    return this.block < this.firstBlock ? 0 : (this.block - this.firstBlock) * BLOCK_SIZE + this.index;
  }

  /** The decoded block (holding the current doc). */
  get currentBlock(): number {
    return this.block;
  }

  blockLastDoc(b: number): number {
    return this.seg.a.blockLastDoc[b]!;
  }

  blockMaxTf(b: number): number {
    return this.seg.a.blockMaxTf[b]!;
  }

  combo(): number {
    return this.combos[this.index]!;
  }

  /** Writes the current posting's positions ((field << 16) | position) to `out`; returns how many. */
  positions(out: Int32Array): number {
    const total = this.seg.comboTotal;
    // Values before this posting's, counted incrementally (postings are read in order).
    let skip = this.positionAt;
    for (let i = this.positionIndex; i < this.index; i++) skip += total[this.combos[i]!]!;
    this.positionAt = skip;
    this.positionIndex = this.index;
    const combo = this.combos[this.index]!;
    const n = total[combo]!;
    readPositionValues(this.seg.a.postings, this.positionsAt, skip, n, out);
    const tf = this.seg.a.comboTf;
    const base = combo * FIELD_COUNT;
    let k = 0;
    for (let f = 0; f < FIELD_COUNT; f++) {
      if (((POSITIONAL_FIELDS >> f) & 1) === 0) continue;
      let value = 0;
      for (let left = tf[base + f]!, first = true; left > 0; left--, first = false) {
        value = first ? out[k]! : value + out[k]!;
        out[k++] = (f << FIELD_SHIFT) | value;
      }
    }
    return n;
  }
}

/**
 * The first doc ≥ `doc` that every list holds, with every cursor on it: `cursors[0]` leads (it is
 * on `doc`), the others leapfrog to it. NO_MORE_DOCS when the lists share no doc from there.
 */
export function intersectFrom(cursors: readonly PostingsCursor[], doc: number): number {
  for (let k = 1; k < cursors.length; ) {
    const d = cursors[k]!.advance(doc);
    if (d === doc) k++;
    else {
      doc = cursors[0]!.advance(d);
      if (doc === NO_MORE_DOCS) return NO_MORE_DOCS;
      k = 1;
    }
  }
  return doc;
}

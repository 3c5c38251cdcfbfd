/**
 * One term's postings looked up for increasing docs, without a cursor: the block holding each doc
 * is found by the blocks' last docs (galloping, then binary search), and only as much of it is
 * decoded as the doc needs (block-probe.ts). For docs far apart in a long list, where a cursor
 * would decode a whole block, combos included, for each of them.
 */
import { BlockProbe } from "./block-probe.js";
import { BLOCK_SIZE, type Segment } from "./segment.js";

/** First block in [b, end) whose last doc is ≥ doc (end when none): galloping, then binary search. */
export function seekBlock(lastDocs: Uint32Array, b: number, end: number, doc: number): number {
  if (b >= end || lastDocs[b]! >= doc) return b;
  let lo = b;
  let step = 1;
  let hi = b + 1;
  while (hi < end && lastDocs[hi]! < doc) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > end) hi = end;
  // lastDocs[lo] < doc; lastDocs[hi] ≥ doc or hi = end.
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (lastDocs[mid]! < doc) lo = mid;
    else hi = mid;
  }
  return hi;
}

export class ListProbe {
  private readonly first: number;
  private readonly end: number;
  private readonly df: number;
  private block: number;
  private opened = -1;

  /** `probe` may be shared by lists probed one after the other, never interleaved. */
  constructor(
    private readonly seg: Segment,
    term: number,
    private readonly probe: BlockProbe = new BlockProbe(),
  ) {
    this.first = seg.a.blockStart[term]!;
    this.end = seg.a.blockStart[term + 1]!;
    this.df = seg.df(term);
    this.block = this.first;
  }

  /** The combo of the list's posting for `doc`, or -1 when the list lacks it. Docs asked must not decrease. */
  combo(doc: number): number {
    const { blockLastDoc, blockPostings, postings } = this.seg.a;
    const b = (this.block = seekBlock(blockLastDoc, this.block, this.end, doc));
    if (b >= this.end) return -1;
    if (b !== this.opened) {
      this.opened = b;
      this.probe.open(postings, blockPostings[b]!, Math.min(BLOCK_SIZE, this.df - (b - this.first) * BLOCK_SIZE), b > this.first ? blockLastDoc[b - 1]! : -1);
    }
    const at = this.probe.find(doc);
    return at < 0 ? -1 : this.probe.combo(at);
  }
}

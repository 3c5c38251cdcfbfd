/**
 * Writes the inverted half of a segment: terms in byte order, each with its postings in doc
 * order, cut into bit-packed blocks (block-codec.ts) with their last doc, stream offsets and tf~
 * bound. Both the builder (fresh papers) and the merger (existing segments) feed it.
 */
import { ALL_FIELDS } from "../fields.js";
import { tfTilde, type Bm25fContext } from "../score/bm25f.js";
import { writeBlock, writePositionBlock } from "./block-codec.js";
import { CHAMPIONS, ChampionPicker } from "./champions.js";
import { ByteWriter, IntList } from "./bytes.js";
import { HIGH_LISTS, highCut, highListBytes } from "./high-lists.js";
import { BLOCK_SIZE, FIELD_SHIFT, type SegmentArrays } from "./segment.js";

export type PostingArrays = Pick<
  SegmentArrays,
  | "termBytes" | "termOffsets" | "lastBlockCount" | "blockStart" | "blockLastDoc" | "blockPostings"
  | "blockMaxTf" | "comboTf" | "comboCount" | "postings"
  | "champTerms" | "champStart" | "champDocs" | "champTailTf" | "highTailTf"
>;

/** How many of the first n values reach `cut`, and the greatest of the others (0 if none). */
function splitAt(tf: Float64Array, n: number, cut: number): { high: number; tail: number } {
  let high = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) {
    if (tf[i]! >= cut) high++;
    else if (tf[i]! > tail) tail = tf[i]!;
  }
  return { high, tail };
}

/** Rounds up to the next float32 so a stored bound never falls below the true value. */
function float32Above(x: number): number {
  const f = Math.fround(x);
  return f >= x ? f : Math.fround(x * (1 + 2 ** -22));
}

export class PostingsWriter {
  readonly postings = new ByteWriter(1 << 16);
  private readonly termBytes = new ByteWriter(1 << 12);
  private readonly termOffsets = new IntList();
  private readonly lastBlockCount = new IntList();
  private readonly blockStart = new IntList();
  private readonly blockLastDoc = new IntList();
  private readonly blockPostings = new IntList();
  private readonly blockMaxTf: number[] = [];
  private readonly champions = new ChampionPicker();
  private readonly champTerms = new IntList();
  private readonly champStart = new IntList();
  private readonly champDocs = new IntList();
  private readonly champTailTf: number[] = [];
  private readonly highTailTf: number[] = [];
  /** The open term's postings and their tf~, kept to pick its high list (high-lists.ts). */
  private readonly termDocs = new IntList();
  private readonly termCombos = new IntList();
  private termTf = new Float64Array(1024);
  /** Whether the open term is a high list being written (it gets no champions or high list). */
  private writingHigh = false;
  private readonly gaps = new Int32Array(BLOCK_SIZE);
  private readonly combos = new Int32Array(BLOCK_SIZE);
  /** Position values of the open block: per posting, field by field, first absolute then deltas. */
  private readonly positionValues = new IntList(1024);
  private inBlock = 0;
  private termDf = 0;
  private lastDoc = -1;
  private blockMax = 0;
  private pendingTerm: Uint8Array | null = null;

  /**
   * @param comboTf per-field tf of each combo code, ranked by frequency
   * @param lengthCodes the output segment's field length codes, for the block bounds
   * @param highLists whether to write high lists (off for chunks of a build, which are merged)
   */
  constructor(
    private readonly comboTf: Uint8Array,
    private readonly comboCount: Uint32Array,
    private readonly lengthCodes: Uint8Array,
    private readonly ctx: Bm25fContext,
    private readonly highLists = true,
  ) {
    this.termOffsets.push(0);
    this.blockStart.push(0);
    this.champStart.push(0);
  }

  /** Starts a term; it is written only if it gets a posting. */
  beginTerm(bytes: Uint8Array) {
    this.pendingTerm = bytes;
    this.termDf = 0;
    this.lastDoc = -1;
    this.champions.begin();
    this.termDocs.length = 0;
    this.termCombos.length = 0;
  }

  /** Adds a posting; the caller then gives its positions (`writePositions` or `appendPositionValues`). */
  addPosting(doc: number, combo: number) {
    if (this.pendingTerm !== null) {
      this.termBytes.append(this.pendingTerm, 0, this.pendingTerm.length);
      this.termOffsets.push(this.termBytes.length);
      this.pendingTerm = null;
    }
    if (this.inBlock === BLOCK_SIZE) this.closeBlock();
    if (this.inBlock === 0) this.blockMax = 0;
    this.gaps[this.inBlock] = doc - this.lastDoc;
    this.combos[this.inBlock] = combo;
    this.inBlock++;
    const tf = tfTilde(this.ctx, this.comboTf, combo, this.lengthCodes, doc, ALL_FIELDS);
    if (tf > this.blockMax) this.blockMax = tf;
    this.lastDoc = doc;
    this.termDf++;
    if (this.writingHigh) return;
    this.champions.offer(tf, doc);
    if (!this.highLists) return;
    const n = this.termDocs.length;
    if (n === this.termTf.length) {
      const grown = new Float64Array(n * 2);
      grown.set(this.termTf);
      this.termTf = grown;
    }
    this.termTf[n] = tf;
    this.termDocs.push(doc);
    this.termCombos.push(combo);
  }

  /** Encodes sorted positions ((field << 16) | position) of the last posting. */
  writePositions(values: Int32Array, from: number, to: number) {
    let field = -1;
    let previous = 0;
    for (let i = from; i < to; i++) {
      const v = values[i]!;
      const f = v >>> FIELD_SHIFT;
      const p = v & 0xffff;
      this.positionValues.push(f === field ? p - previous : p);
      field = f;
      previous = p;
    }
  }

  /** Gives the last posting's positions as already encoded values (when merging). */
  appendPositionValues(values: Int32Array, from: number, to: number) {
    const list = this.positionValues;
    list.reserve(to - from);
    const data = list.data;
    let k = list.length;
    for (let i = from; i < to; i++) data[k++] = values[i]!;
    list.length = k;
  }

  private closeBlock() {
    this.blockPostings.push(this.postings.length);
    writeBlock(this.postings, this.gaps, this.combos, this.inBlock);
    // The block's positions follow it, so no offset of their own is stored.
    writePositionBlock(this.postings, this.positionValues.data, this.positionValues.length);
    this.positionValues.length = 0;
    this.blockLastDoc.push(this.lastDoc);
    this.blockMaxTf.push(float32Above(this.blockMax));
    this.inBlock = 0;
  }

  endTerm() {
    this.pendingTerm = null;
    if (this.termDf === 0) return;
    if (this.inBlock > 0) this.closeBlock();
    this.lastBlockCount.push(this.termDf - (this.blockLastDoc.length - 1 - this.blockStart.data[this.blockStart.length - 1]!) * BLOCK_SIZE);
    this.blockStart.push(this.blockLastDoc.length);
    if (this.writingHigh || this.termDf < CHAMPIONS.minDf) return;
    const high = this.highLists && this.termDf >= HIGH_LISTS.minDf;
    this.writeChampions(high ? this.termBytes.bytes.slice(this.termOffsets.data[this.termOffsets.length - 2]!, this.termBytes.length) : null);
  }

  /** Writes the open term's champions, and its high list when given its bytes. */
  private writeChampions(bytes: Uint8Array | null) {
    this.champTerms.push(this.termOffsets.length - 2);
    for (const doc of this.champions.sortedDocs()) this.champDocs.push(doc);
    this.champStart.push(this.champDocs.length);
    this.champTailTf.push(float32Above(this.champions.tailMax));
    this.highTailTf.push(bytes === null ? 0 : this.writeHighList(bytes));
  }

  /**
   * Writes the open term's high list as the term "bytes\0" (high-lists.ts); returns the bound of
   * tf~ outside it (rounded up), or 0 when the term's weights are too even for a useful list.
   */
  private writeHighList(bytes: Uint8Array): number {
    const n = this.termDocs.length;
    const tf = this.termTf;
    const share = Math.max(0, Math.min(1, HIGH_LISTS.share));
    let cut = highCut(tf, n, share);
    let { high, tail } = splitAt(tf, n, cut);
    // Many postings tied at the cut: keep only those above it.
    if (high > 2 * share * n + 1) {
      let above = Infinity;
      for (let i = 0; i < n; i++) if (tf[i]! > cut && tf[i]! < above) above = tf[i]!;
      if (above === Infinity) return 0;
      cut = above;
      ({ high, tail } = splitAt(tf, n, cut));
    }
    if (high === 0 || high > 4 * share * n + 1) return 0;
    this.writingHigh = true;
    this.beginTerm(highListBytes(bytes));
    const docs = this.termDocs.data;
    const combos = this.termCombos.data;
    for (let i = 0; i < n; i++) if (tf[i]! >= cut) this.addPosting(docs[i]!, combos[i]!);
    this.endTerm();
    this.writingHigh = false;
    return float32Above(tail);
  }

  finish(): PostingArrays {
    // Readers of packed positions look up to two bytes ahead.
    this.postings.ensure(2);
    this.postings.length += 2;
    const u32 = (list: IntList) => Uint32Array.from(list.data.subarray(0, list.length));
    return {
      termBytes: this.termBytes.finish(),
      termOffsets: u32(this.termOffsets),
      lastBlockCount: Uint8Array.from(this.lastBlockCount.data.subarray(0, this.lastBlockCount.length)),
      blockStart: u32(this.blockStart),
      blockLastDoc: u32(this.blockLastDoc),
      blockPostings: u32(this.blockPostings),
      blockMaxTf: Float32Array.from(this.blockMaxTf),
      comboTf: this.comboTf,
      comboCount: this.comboCount,
      postings: this.postings.finish(),
      champTerms: u32(this.champTerms),
      champStart: u32(this.champStart),
      champDocs: u32(this.champDocs),
      champTailTf: Float32Array.from(this.champTailTf),
      highTailTf: Float32Array.from(this.highTailTf),
    };
  }
}

/**
 * An immutable segment: a set of papers with their inverted index, entirely in typed arrays so
 * it is compact in memory, saved and loaded as raw bytes, and scanned without allocation.
 *
 * Postings of a term are split into blocks of BLOCK_SIZE documents, bit-packed (block-codec.ts):
 * per posting the document gap and a "combo" code, the index of the per-field term frequencies
 * in `comboTf` (codes are ranked by frequency, so the common ones take few bits). Each block's
 * positions follow it in the same stream (so they need no offset of their own), per posting field
 * by field, delta-coded. A position is (field << 16) | position-within-field.
 */
import { FIELD_COUNT, POSITIONAL_FIELDS } from "../fields.js";
import { compareBytes } from "./bytes.js";
import { isHighList } from "./high-lists.js";
import { hashId, newIdNumber, newIdString, OLD_ID } from "./id-codes.js";

export const BLOCK_SIZE = 128;
export const FIELD_SHIFT = 16;
/** Doc flag: the paper has at least one code link. */
export const FLAG_HAS_CODE = 1;

/** Everything a segment saves; the order of `SEGMENT_ARRAYS` is the file layout. */
export interface SegmentArrays {
  /** Per doc its id's number, or OLD_ID | i for old-style id i (id-codes.ts). */
  idCodes: Uint32Array;
  /** Old-style ids (ASCII) concatenated; id i is oldIdBytes[oldIdOffsets[i], oldIdOffsets[i + 1]). */
  oldIdBytes: Uint8Array;
  oldIdOffsets: Uint32Array;
  /** Open-addressing hash table: doc number + 1 per slot, 0 = empty. */
  idSlots: Int32Array;
  /** Announced day, days since 1970-01-01 (16 bits reach 2149). */
  days: Uint16Array;
  flags: Uint8Array;
  /** Categories of doc i: catIds[catOffsets[i], catOffsets[i + 1]), ids into the category names. */
  catOffsets: Uint32Array;
  catIds: Uint16Array;
  catNameBytes: Uint8Array;
  catNameOffsets: Uint32Array;
  /** Field lengths as one-byte codes (score/length-codes.ts), docCount × FIELD_COUNT. */
  lengthCodes: Uint8Array;
  /** Doc numbers sorted by (day, doc). */
  byDay: Uint32Array;
  /** Terms in UTF-8 byte order; term t is termBytes[termOffsets[t], termOffsets[t + 1]). */
  termBytes: Uint8Array;
  termOffsets: Uint32Array;
  /** Postings in each term's last block, 1–128 (df follows from it and the block count). */
  lastBlockCount: Uint8Array;
  /** Blocks of term t: [blockStart[t], blockStart[t + 1]). */
  blockStart: Uint32Array;
  blockLastDoc: Uint32Array;
  blockPostings: Uint32Array;
  /** Upper bound of tf~ (see fields.ts) in the block, computed with `buildAvg`, rounded up. */
  blockMaxTf: Float32Array;
  /** Term frequency per field of each combo code, codes × FIELD_COUNT (clamped to 255). */
  comboTf: Uint8Array;
  comboCount: Uint32Array;
  /** Postings blocks, each followed by its positions block (block-codec.ts). */
  postings: Uint8Array;
  /** Terms with champion lists (champions.ts), increasing; list i is champDocs[champStart[i], champStart[i + 1]). */
  champTerms: Uint32Array;
  champStart: Uint32Array;
  /** Champion docs of each listed term, increasing. */
  champDocs: Uint32Array;
  /** Per listed term, a bound on tf~ (as blockMaxTf) in every doc that is not one of its champions. */
  champTailTf: Float32Array;
  /**
   * Per listed term, a bound on tf~ (as blockMaxTf) in every doc outside its high list
   * (high-lists.ts, the term "term\0"), or 0 when it has none.
   */
  highTailTf: Float32Array;
  /** Terms with signature lists (signatures.ts), increasing; list i is sigDocs[sigStart[i], sigStart[i + 1]). */
  sigTerms: Uint32Array;
  sigStart: Uint32Array;
  /** Docs of each signature list, increasing, as varint gaps. */
  sigDocs: Uint8Array;
  /** Sum of each field's length over all docs. */
  lengthTotals: Float64Array;
  /** Average field lengths the block bounds were computed with. */
  buildAvg: Float64Array;
}

export const SEGMENT_ARRAYS: ReadonlyArray<keyof SegmentArrays> = [
  "idCodes", "oldIdBytes", "oldIdOffsets", "idSlots", "days", "flags", "catOffsets", "catIds", "catNameBytes",
  "catNameOffsets", "lengthCodes", "byDay", "termBytes", "termOffsets", "lastBlockCount", "blockStart",
  "blockLastDoc", "blockPostings", "blockMaxTf", "comboTf", "comboCount",
  "postings", "champTerms", "champStart", "champDocs", "champTailTf", "highTailTf", "sigTerms", "sigStart", "sigDocs",
  "lengthTotals", "buildAvg",
];

/**
 * The arrays in an object of one fixed shape. A loaded segment's arrays were gathered by name, one
 * keyed store at a time, and V8 keeps an object filled that way as a dictionary: every `a.days` or
 * `a.blockLastDoc` in the query loops was then a hash lookup through V8's generic LoadIC, 4.7% of
 * the engine's time over the search bench's queries at 2.6M papers. A literal listing every field
 * (the compiler checks it is complete) gives fast properties, and built segments the same shape.
 */
function withOneShape(a: SegmentArrays): SegmentArrays {
  return {
    idCodes: a.idCodes,
    oldIdBytes: a.oldIdBytes,
    oldIdOffsets: a.oldIdOffsets,
    idSlots: a.idSlots,
    days: a.days,
    flags: a.flags,
    catOffsets: a.catOffsets,
    catIds: a.catIds,
    catNameBytes: a.catNameBytes,
    catNameOffsets: a.catNameOffsets,
    lengthCodes: a.lengthCodes,
    byDay: a.byDay,
    termBytes: a.termBytes,
    termOffsets: a.termOffsets,
    lastBlockCount: a.lastBlockCount,
    blockStart: a.blockStart,
    blockLastDoc: a.blockLastDoc,
    blockPostings: a.blockPostings,
    blockMaxTf: a.blockMaxTf,
    comboTf: a.comboTf,
    comboCount: a.comboCount,
    postings: a.postings,
    champTerms: a.champTerms,
    champStart: a.champStart,
    champDocs: a.champDocs,
    champTailTf: a.champTailTf,
    highTailTf: a.highTailTf,
    sigTerms: a.sigTerms,
    sigStart: a.sigStart,
    sigDocs: a.sigDocs,
    lengthTotals: a.lengthTotals,
    buildAvg: a.buildAvg,
  };
}

const latin1 = new TextDecoder("latin1");
const utf8 = new TextDecoder();

let created = 0;
const newSegmentName = () => `${Date.now().toString(36)}${(created++).toString(36).padStart(3, "0")}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;


export class Segment {
  readonly docCount: number;
  readonly termCount: number;
  readonly categoryNames: readonly string[];
  /** Positions stored per combo code: the sum of its tfs in POSITIONAL_FIELDS. */
  readonly comboTotal: Uint16Array;
  /** Fields present in each combo code, a bit per field. */
  readonly comboMask: Uint8Array;
  /** The one field of a combo code with a single field (most are), else -1; and its tf. */
  readonly comboField: Int8Array;
  readonly comboFieldTf: Uint8Array;

  /** The arrays, in one fixed shape whatever object they came in (see withOneShape). */
  readonly a: SegmentArrays;

  /**
   * @param name unique among segments (it names the segment's file); a fresh one by default
   */
  constructor(
    arrays: SegmentArrays,
    readonly name = newSegmentName(),
  ) {
    const a = (this.a = withOneShape(arrays));
    this.docCount = a.days.length;
    this.termCount = a.lastBlockCount.length;
    this.comboTotal = new Uint16Array(a.comboCount.length);
    this.comboMask = new Uint8Array(a.comboCount.length);
    for (let i = 0; i < a.comboTf.length; i++) {
      const code = Math.floor(i / FIELD_COUNT);
      if (((POSITIONAL_FIELDS >> i % FIELD_COUNT) & 1) === 1) this.comboTotal[code]! += a.comboTf[i]!;
      if (a.comboTf[i]! > 0) this.comboMask[code]! |= 1 << i % FIELD_COUNT;
    }
    this.comboField = new Int8Array(this.comboMask.length).fill(-1);
    this.comboFieldTf = new Uint8Array(this.comboMask.length);
    this.comboMask.forEach((mask, code) => {
      if (mask === 0 || (mask & (mask - 1)) !== 0) return;
      const f = 31 - Math.clz32(mask);
      this.comboField[code] = f;
      this.comboFieldTf[code] = a.comboTf[code * FIELD_COUNT + f]!;
    });
    this.categoryNames = Array.from({ length: a.catNameOffsets.length - 1 }, (_, i) =>
      utf8.decode(a.catNameBytes.subarray(a.catNameOffsets[i], a.catNameOffsets[i + 1])),
    );
  }

  private byField: Uint8Array | null = null;

  /**
   * The field length codes field by field (`[f * docCount + doc]`), made on first use from
   * `a.lengthCodes` (doc by doc). Weighing a posting reads one field of one doc: in this layout,
   * docs of a sparse list share cache lines five times as often.
   */
  get lengthsByField(): Uint8Array {
    if (this.byField === null) {
      const codes = this.a.lengthCodes;
      const n = this.docCount;
      const out = new Uint8Array(n * FIELD_COUNT);
      // Codes are read in order and written to FIELD_COUNT streams: both sequential.
      for (let doc = 0, at = 0; doc < n; doc++) for (let f = 0, to = doc; f < FIELD_COUNT; f++, to += n) out[to] = codes[at++]!;
      this.byField = out;
    }
    return this.byField;
  }

  id(doc: number): string {
    const code = this.a.idCodes[doc]!;
    if (code < OLD_ID) return newIdString(code);
    const i = code - OLD_ID;
    return latin1.decode(this.a.oldIdBytes.subarray(this.a.oldIdOffsets[i], this.a.oldIdOffsets[i + 1]));
  }

  /** Doc number of a paper id, or -1. */
  findDoc(id: string): number {
    const { idSlots, idCodes, oldIdBytes, oldIdOffsets } = this.a;
    const mask = idSlots.length - 1;
    const number = newIdNumber(id);
    for (let slot = hashId(id) & mask; ; slot = (slot + 1) & mask) {
      const entry = idSlots[slot]!;
      if (entry === 0) return -1;
      const doc = entry - 1;
      const code = idCodes[doc]!;
      if (number >= 0) {
        if (code === number) return doc;
        continue;
      }
      if (code < OLD_ID) continue;
      const from = oldIdOffsets[code - OLD_ID]!;
      if (oldIdOffsets[code - OLD_ID + 1]! - from !== id.length) continue;
      let k = 0;
      while (k < id.length && oldIdBytes[from + k] === id.charCodeAt(k)) k++;
      if (k === id.length) return doc;
    }
  }

  /** Term number of a UTF-8 encoded term, or -1 (binary search). */
  findTerm(term: Uint8Array): number {
    const { termBytes, termOffsets } = this.a;
    let lo = 0;
    let hi = this.termCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareBytes(termBytes, termOffsets[mid]!, termOffsets[mid + 1]!, term, 0, term.length);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Docs holding term t. */
  df(t: number): number {
    return (this.a.blockStart[t + 1]! - this.a.blockStart[t]! - 1) * BLOCK_SIZE + this.a.lastBlockCount[t]!;
  }

  /** Index of term t's champion list, or -1. */
  championList(t: number): number {
    return indexOfTerm(this.a.champTerms, t);
  }

  /** Index of term t's signature list (signatures.ts), or -1. */
  signatureList(t: number): number {
    return indexOfTerm(this.a.sigTerms, t);
  }

  /** Term number of term t's high list (high-lists.ts: the term "t\0", right after t), or -1. */
  highList(t: number): number {
    const { termBytes, termOffsets } = this.a;
    const h = t + 1;
    if (h >= this.termCount) return -1;
    // Only t's own list can follow t and end in a zero byte one byte longer.
    const longer = termOffsets[h + 1]! - termOffsets[h]! === termOffsets[t + 1]! - termOffsets[t]! + 1;
    return longer && isHighList(termBytes, termOffsets, h) ? h : -1;
  }

  term(t: number): string {
    return utf8.decode(this.a.termBytes.subarray(this.a.termOffsets[t], this.a.termOffsets[t + 1]));
  }

  /** Bytes held by the segment's arrays. */
  byteSize(): number {
    return SEGMENT_ARRAYS.reduce((sum, name) => sum + this.a[name].byteLength, 0);
  }
}

/** Index of t in increasing term numbers, or -1 (binary search). */
function indexOfTerm(terms: Uint32Array, t: number): number {
  let lo = 0;
  let hi = terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = terms[mid]!;
    if (v === t) return mid;
    if (v < t) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** An id hash table for `count` docs whose ids `idOf` gives. */
export function buildIdSlots(count: number, idOf: (doc: number) => string): Int32Array {
  let size = 16;
  while (size < count * 1.5) size *= 2;
  const slots = new Int32Array(size);
  const mask = size - 1;
  for (let doc = 0; doc < count; doc++) {
    let slot = hashId(idOf(doc)) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = doc + 1;
  }
  return slots;
}

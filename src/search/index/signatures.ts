/**
 * Signatures: each paper's SIGNATURES.size best terms, chosen when its segment is made, kept per
 * term as a short list of the papers whose signature holds it ("papers like this one" finds its
 * shortlist in them, engine.ts `similar`).
 *
 * A paper's best terms are chosen as similar.ts chooses a query's: by count in title and abstract
 * × idf, terms held by no other paper left out, ties to the lower term number. A term common to
 * many papers is in few signatures, so a query's best terms read a few thousand signature
 * postings where their whole lists hold hundreds of thousands (bench corpus, 1M papers: 26k
 * against 246k for the 12 best terms of the median paper).
 *
 * idf is the segment's own, plus what `others` add: a small segment (a few live papers) is given
 * the rest of the collection, or every term of a lone paper would be held by no other paper.
 * Signatures are chosen anew by every merge, and kept as they were chosen otherwise.
 *
 * Stored beside the postings, as champion lists are: `sigTerms` (increasing term numbers with a
 * list), `sigStart` (byte offsets, one more than `sigTerms`) and `sigDocs` (each list's docs,
 * increasing, as gaps in LEB128 varints: the first doc as it is, then doc − previous).
 */
import { FIELD_COUNT, FIELD_INDEX } from "../fields.js";
import { idf } from "../score/bm25f.js";
import { readBlock } from "./block-codec.js";
import { IntList } from "./bytes.js";
import { isHighList } from "./high-lists.js";
import { Segment, type SegmentArrays } from "./segment.js";

/**
 * `size`: terms in each paper's signature (default 16, 1–64). On the related dev set 16 gave
 * nDCG@10 0.1192–0.1203, 24 0.1173–0.1192, 32 0.1190 (the shortlist from signatures; today's
 * from whole lists 0.1195); each term costs about 2 bytes a paper. Tests change it; a segment
 * records its lists, not this setting.
 */
export const SIGNATURES = { size: 16 };

export type SignatureArrays = Pick<SegmentArrays, "sigTerms" | "sigStart" | "sigDocs">;

/** Empty lists (new arrays each time: a worker transfers a segment's arrays). */
export const noSignatures = (): SignatureArrays => ({ sigTerms: new Uint32Array(0), sigStart: new Uint32Array(1), sigDocs: new Uint8Array(0) });

/** Papers of the rest of the collection: their number, and how many hold a term (UTF-8). */
export interface OtherPapers {
  docCount: number;
  df(term: Uint8Array): number;
}

/** Postings read between two yields of `signatureSteps`. */
const POSTINGS_PER_STEP = 25_000;
/** Docs whose signatures are grouped by term between two yields. */
const DOCS_PER_STEP = 8_192;

/** `seg` with its signatures picked (its own, if any, replaced). */
export function withSignatures(seg: Segment, others?: OtherPapers): Segment {
  const steps = signatureSteps(seg, others);
  for (;;) {
    const step = steps.next();
    if (step.done) return new Segment({ ...seg.a, ...step.value }, seg.name);
  }
}

/** The signature lists of `seg`, a bounded amount of work between yields (for background merges). */
export function* signatureSteps(seg: Segment, others?: OtherPapers): Generator<void, SignatureArrays> {
  const size = Math.max(1, Math.min(64, Math.floor(SIGNATURES.size)));
  const n = seg.docCount;
  // Per doc a min-heap of its best terms so far: values and term numbers, `count` in use.
  const value = new Float32Array(n * size);
  const term = new Int32Array(n * size);
  const count = new Uint8Array(n);
  // Per doc the value a term must beat once its heap is full (-1 until then): a small array that
  // rejects most postings without reading the heap (a cache miss a posting, else).
  const least = new Float32Array(n).fill(-1);
  const { termBytes, termOffsets, postings, blockStart, blockPostings, blockLastDoc, comboTf } = seg.a;
  const docCount = n + (others?.docCount ?? 0);
  const title = FIELD_INDEX.title;
  const abstract = FIELD_INDEX.abstract;
  const docs = new Int32Array(128);
  const combos = new Int32Array(128);
  let read = 0;
  for (let t = 0; t < seg.termCount; t++) {
    if (isHighList(termBytes, termOffsets, t)) continue;
    let df = seg.df(t);
    if (others) df += others.df(termBytes.subarray(termOffsets[t], termOffsets[t + 1]));
    // A term no other paper holds cannot find one.
    if (df <= 1) continue;
    const weight = idf(docCount, df);
    const first = blockStart[t]!;
    const total = seg.df(t);
    for (let b = first; b < blockStart[t + 1]!; b++) {
      const m = Math.min(128, total - (b - first) * 128);
      readBlock(postings, blockPostings[b]!, m, b > first ? blockLastDoc[b - 1]! : -1, docs, combos);
      for (let i = 0; i < m; i++) {
        const code = combos[i]! * FIELD_COUNT;
        const tf = comboTf[code + title]! + comboTf[code + abstract]!;
        if (tf === 0) continue;
        const v = Math.fround(tf * weight);
        if (v > least[docs[i]!]!) offer(docs[i]!, v, t);
      }
      read += m;
      if (read >= POSTINGS_PER_STEP) {
        read = 0;
        yield;
      }
    }
  }

  function offer(doc: number, v: number, t: number) {
    const base = doc * size;
    const c = count[doc]!;
    if (c < size) {
      let i = c;
      count[doc] = c + 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(v, t, value[base + parent]!, term[base + parent]!)) break;
        value[base + i] = value[base + parent]!;
        term[base + i] = term[base + parent]!;
        i = parent;
      }
      value[base + i] = v;
      term[base + i] = t;
      if (c + 1 === size) least[doc] = value[base]!;
      return;
    }
    // Terms come in increasing order: a newcomer that only ties the weakest is worse.
    if (v <= value[base]!) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && worse(value[base + right]!, term[base + right]!, value[base + left]!, term[base + left]!) ? right : left;
      if (!worse(value[base + child]!, term[base + child]!, v, t)) break;
      value[base + i] = value[base + child]!;
      term[base + i] = term[base + child]!;
      i = child;
    }
    value[base + i] = v;
    term[base + i] = t;
    least[doc] = value[base]!;
  }

  /** (va, ta) ranks below (vb, tb): a lower value, or the same and a higher term (the heap's root is the worst). */
  function worse(va: number, ta: number, vb: number, tb: number) {
    return va < vb || (va === vb && ta > tb);
  }

  // Docs grouped by term (counting sort), each term's in increasing order.
  // A yield every DOCS_PER_STEP docs: a million docs hold 16 million signature postings.
  const perTerm = new Int32Array(seg.termCount + 1);
  for (let doc = 0; doc < n; doc++) {
    for (let k = 0; k < count[doc]!; k++) perTerm[term[doc * size + k]! + 1]!++;
    if (doc % DOCS_PER_STEP === DOCS_PER_STEP - 1) yield;
  }
  for (let t = 0; t < seg.termCount; t++) perTerm[t + 1]! += perTerm[t]!;
  const listed = new Int32Array(perTerm[seg.termCount]!);
  const fill = perTerm.slice(0, seg.termCount);
  for (let doc = 0; doc < n; doc++) {
    for (let k = 0; k < count[doc]!; k++) listed[fill[term[doc * size + k]!]!++] = doc;
    if (doc % DOCS_PER_STEP === DOCS_PER_STEP - 1) yield;
  }
  const sigTerms = new IntList(1024);
  const sigStart = new IntList(1024);
  const bytes = new ByteWriter(listed.length * 2);
  let written = 0;
  for (let t = 0; t < seg.termCount; t++) {
    if (perTerm[t + 1] === perTerm[t]) continue;
    sigTerms.push(t);
    sigStart.push(bytes.length);
    let previous = 0;
    for (let k = perTerm[t]!; k < perTerm[t + 1]!; k++) {
      bytes.varint(listed[k]! - previous);
      previous = listed[k]!;
    }
    written += perTerm[t + 1]! - perTerm[t]!;
    if (written >= POSTINGS_PER_STEP * 4) {
      written = 0;
      yield;
    }
  }
  sigStart.push(bytes.length);
  return {
    sigTerms: Uint32Array.from(sigTerms.data.subarray(0, sigTerms.length)),
    sigStart: Uint32Array.from(sigStart.data.subarray(0, sigStart.length)),
    sigDocs: bytes.finish(),
  };
}

class ByteWriter {
  private data: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.data = new Uint8Array(Math.max(16, capacity));
  }

  varint(value: number) {
    if (this.length + 5 > this.data.length) {
      const grown = new Uint8Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    while (value >= 0x80) {
      this.data[this.length++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.data[this.length++] = value;
  }

  finish(): Uint8Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Decodes signature list `list` into `out` from index `at` (room for one doc per byte of the list
 * is enough); returns the number of docs, in increasing order.
 */
export function readSignatureDocs(a: Pick<SegmentArrays, "sigStart" | "sigDocs">, list: number, out: Int32Array, at: number): number {
  const bytes = a.sigDocs;
  const end = a.sigStart[list + 1]!;
  let doc = 0;
  let n = at;
  for (let p = a.sigStart[list]!; p < end; ) {
    let b = bytes[p++]!;
    let gap = b & 0x7f;
    for (let shift = 7; b >= 0x80; shift += 7) {
      b = bytes[p++]!;
      gap |= (b & 0x7f) << shift;
    }
    doc += gap;
    out[n++] = doc;
  }
  return n - at;
}

/** Bytes of signature list `list`: at least its number of docs. */
export const signatureBytes = (a: Pick<SegmentArrays, "sigStart">, list: number): number => a.sigStart[list + 1]! - a.sigStart[list]!;

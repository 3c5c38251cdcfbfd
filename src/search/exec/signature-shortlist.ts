/**
 * The shortlist of "papers like this one" read from signature lists (index/signatures.ts): a
 * paper is a candidate when one of the query's best terms is among its own best terms, and scores
 * the sum of the weights (idf × query frequency) of those shared terms. Candidates are then ranked
 * exactly by all the query's terms (engine.ts `similar`); this only decides which are.
 */
import type { Segment } from "../index/segment.js";
import { forEachSignatureDoc } from "../index/signatures.js";
import { SegmentFilter, type FilterSpec } from "./filter.js";
import { TopK } from "./top-k.js";

interface SegmentEntry {
  seg: Segment;
  deleted: Uint8Array;
  deletedCount: number;
}

/** Per doc of a segment the sum so far (0: not a candidate yet), kept between calls; and the docs touched. */
let sums = new Float32Array(0);
let touched = new Int32Array(0);

export interface SignatureShortlist {
  /** The best `depth` candidates (ties: earlier doc first). */
  ids: string[];
  /** Candidates that passed the filter. */
  candidates: number;
}

/**
 * @param terms the query's terms (UTF-8), best first
 * @param weights each term's weight, > 0
 */
export function signatureShortlist(entries: readonly SegmentEntry[], terms: readonly Uint8Array[], weights: ArrayLike<number>, spec: FilterSpec, depth: number): SignatureShortlist {
  const top = new TopK(depth);
  let candidates = 0;
  let base = 0;
  for (const e of entries) {
    const { seg } = e;
    const segBase = base;
    base += seg.docCount;
    const filter = new SegmentFilter(seg, e.deleted, e.deletedCount, spec);
    if (filter.empty || seg.a.sigTerms.length === 0) continue;
    if (sums.length < seg.docCount) {
      sums = new Float32Array(seg.docCount);
      touched = new Int32Array(seg.docCount);
    }
    let count = 0;
    terms.forEach((bytes, i) => {
      const t = seg.findTerm(bytes);
      const list = t < 0 ? -1 : seg.signatureList(t);
      if (list < 0) return;
      const w = weights[i]!;
      forEachSignatureDoc(seg.a, list, (doc) => {
        if (sums[doc] === 0) touched[count++] = doc;
        sums[doc]! += w;
      });
    });
    // TopK breaks ties by order (the earlier doc first), in whatever order docs come.
    for (let k = 0; k < count; k++) {
      const doc = touched[k]!;
      if (filter.accepts(doc)) {
        candidates++;
        top.offer(sums[doc]!, segBase + doc);
      }
      sums[doc] = 0;
    }
  }
  const ids = top.sorted().map(({ order }) => idAt(entries, order));
  return { ids, candidates };
}

function idAt(entries: readonly SegmentEntry[], order: number): string {
  let base = 0;
  for (const { seg } of entries) {
    if (order < base + seg.docCount) return seg.id(order - base);
    base += seg.docCount;
  }
  throw new RangeError(`doc ${order} is outside the index`);
}

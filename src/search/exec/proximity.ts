/**
 * Term proximity re-ranking (after Rasolofo & Savoy, "Term proximity scoring for keyword-based
 * retrieval systems", ECIR 2003): query terms that occur close together in a field add to the
 * score. For each pair of distinct query terms, tpi = Σ 1/d² over pairs of their occurrences at
 * distance d ≤ WINDOW in the same field; the bonus is weight · min(idf) · (k1 + 1) · tpi / (K + tpi),
 * K = k1 · (1 − b + b · len/avglen) of the abstract. Only the best RERANK_DEPTH docs by BM25F are
 * re-ranked, so dynamic pruning stays exact (and fast) for the first pass.
 */
import { FIELD_COUNT, FIELD_INDEX } from "../fields.js";
import { PostingsCursor } from "../index/cursor.js";
import { FIELD_SHIFT, type Segment } from "../index/segment.js";
import type { Bm25fContext } from "../score/bm25f.js";
import { LENGTH_OF_CODE } from "../score/length-codes.js";
import type { Scorer } from "../query/plan.js";

/** Docs re-ranked at most. */
export const RERANK_DEPTH = 30;
/** Occurrences farther apart than this do not count. */
const WINDOW = 5;
const MAX_POSITIONS = 2048;

export interface ProximityInput {
  seg: Segment;
  /** Docs of this segment to score, ascending. */
  docs: number[];
  scorers: readonly Scorer[];
  idf: Float64Array;
  ctx: Bm25fContext;
  weight: number;
}

/** Proximity bonus of each doc (same order as `docs`). */
export function proximityBonus({ seg, docs, scorers, idf, ctx, weight }: ProximityInput): Float64Array {
  const bonus = new Float64Array(docs.length);
  // One entry per distinct term (the same term under two field masks counts once).
  const seen = new Set<string>();
  const terms: Array<{ cursor: PostingsCursor; idf: number; mask: number }> = [];
  scorers.forEach((s, i) => {
    if (seen.has(s.term)) return;
    seen.add(s.term);
    const t = seg.findTerm(s.bytes);
    if (t >= 0) terms.push({ cursor: new PostingsCursor(seg, t), idf: idf[i]!, mask: s.mask });
  });
  if (terms.length < 2) return bonus;
  const buffers = terms.map(() => new Int32Array(MAX_POSITIONS));
  const counts = new Int32Array(terms.length);
  const abstract = FIELD_INDEX.abstract;
  docs.forEach((doc, d) => {
    terms.forEach((term, k) => {
      counts[k] = 0;
      if (term.cursor.advance(doc) !== doc) return;
      const buffer = buffers[k]!;
      const n = term.cursor.positions(buffer);
      let kept = 0;
      for (let j = 0; j < n; j++) if (((term.mask >> (buffer[j]! >>> FIELD_SHIFT)) & 1) !== 0) buffer[kept++] = buffer[j]!;
      counts[k] = kept;
    });
    const length = LENGTH_OF_CODE[seg.a.lengthCodes[doc * FIELD_COUNT + abstract]!]!;
    const K = ctx.k1 * (ctx.a[abstract]! + ctx.c[abstract]! * length);
    let sum = 0;
    for (let x = 0; x < terms.length; x++) {
      for (let y = x + 1; y < terms.length; y++) {
        const tpi = pairProximity(buffers[x]!, counts[x]!, buffers[y]!, counts[y]!);
        if (tpi > 0) sum += Math.min(terms[x]!.idf, terms[y]!.idf) * ((ctx.k1 + 1) * tpi) / (K + tpi);
      }
    }
    bonus[d] = weight * sum;
  });
  return bonus;
}

/** Σ 1/d² over occurrence pairs within WINDOW (positions carry the field, so fields never mix). */
function pairProximity(a: Int32Array, na: number, b: Int32Array, nb: number): number {
  let tpi = 0;
  let start = 0;
  for (let i = 0; i < na; i++) {
    const p = a[i]!;
    while (start < nb && b[start]! < p - WINDOW) start++;
    for (let j = start; j < nb && b[j]! <= p + WINDOW; j++) {
      const d = Math.abs(b[j]! - p);
      if (d > 0) tpi += 1 / (d * d);
    }
  }
  return tpi;
}

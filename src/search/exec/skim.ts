/**
 * The hot loop of OR queries over common terms. When a single term is essential (maxscore.ts),
 * most of its postings cannot lift a doc to the threshold even with every other term at its
 * bound. Their contribution grows with tf~, so the least tf~ that could still matter is worked
 * out once, and postings are compared against it in the decoded block without scoring them.
 */
import type { PostingsCursor } from "../index/cursor.js";
import { SLACK } from "./run-stats.js";
import type { SegmentQuery } from "./segment-query.js";

/** Kept when rounding could put a posting on either side of the cut: pruning stays exact later. */
const MARGIN = 1 - 1e-9;

/**
 * Moves `cursor` (scorer `i`) to the first posting up to `end` whose contribution plus `rest`
 * could reach `threshold`, or past `end`; stays within the decoded block (then moves to the next).
 * Returns whether it passed over any posting (so the count of matches is no longer exact).
 */
export function skim(q: SegmentQuery, cursor: PostingsCursor, i: number, end: number, rest: number, threshold: number): boolean {
  const need = threshold / SLACK - rest;
  if (need <= 0 || cursor.doc > end) return false;
  const idf = q.idf[i]!;
  const k1 = q.ctx.k1;
  // contribution = idf · tf / (k1 + tf) ≥ need  ⇔  tf ≥ k1 · need / (idf − need)
  const minTf = need >= idf ? Infinity : ((k1 * need) / (idf - need)) * MARGIN;
  const seg = q.seg;
  const { comboMask, comboField, comboFieldTf } = seg;
  const lengths = q.lengths;
  const docCount = seg.docCount;
  const norm = q.ctx.norm;
  const mask = q.masks[i]!;
  const docs = cursor.docs;
  const combos = cursor.combos;
  const count = cursor.count;
  let at = cursor.index;
  for (; at < count; at++) {
    const doc = docs[at]!;
    if (doc > end) break;
    const combo = combos[at]!;
    if ((comboMask[combo]! & mask) === 0) continue;
    const f = comboField[combo]!;
    // Terms in several fields are rare and strong: let the caller score them.
    if (f < 0) break;
    if (comboFieldTf[combo]! * norm[f * 256 + lengths[f * docCount + doc]!]! >= minTf) break;
  }
  if (at === cursor.index) return false;
  cursor.moveTo(at);
  return true;
}

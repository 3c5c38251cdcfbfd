/**
 * The query side of high lists (index/high-lists.ts): for an OR query's terms, a cursor over each
 * term's high list and the term's bound in docs outside it, for high-scan.ts.
 */
import { PostingsCursor } from "../index/cursor.js";
import type { SegmentQuery } from "./segment-query.js";

export interface HighProbes {
  /** Per optional scorer (in `q.optional` order), its high list's cursor, or null. */
  cursors: Array<PostingsCursor | null>;
  /** Per optional scorer, its bound in docs outside its high list (its full bound without one). */
  outside: Float64Array;
}

/** High-list cursors of the query's optional scorers; null when none has a list. */
export function highProbes(q: SegmentQuery): HighProbes | null {
  const seg = q.seg;
  const ids = q.optional;
  const outside = Float64Array.from(ids, (i) => q.bound[i]!);
  let any = false;
  const cursors = ids.map((i, k) => {
    const term = q.cursors[i]!.term;
    const list = seg.championList(term);
    if (list < 0 || seg.a.highTailTf[list]! <= 0) return null;
    const high = seg.highList(term);
    if (high < 0) return null;
    outside[k] = Math.min(outside[k]!, q.boundOf(i, seg.a.highTailTf[list]!));
    any = true;
    return new PostingsCursor(seg, high);
  });
  return any ? { cursors, outside } : null;
}

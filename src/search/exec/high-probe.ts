/**
 * The query side of high lists (index/high-lists.ts): for an OR query's terms (high-scan.ts) or a
 * query's required terms (high-required.ts), a cursor over each term's high list and the term's
 * bound in docs outside it.
 */
import { PostingsCursor } from "../index/cursor.js";
import type { SegmentQuery } from "./segment-query.js";

export interface HighProbes {
  /** Per scorer asked for (in the order given), its high list's cursor, or null. */
  cursors: Array<PostingsCursor | null>;
  /**
   * Per scorer asked for, its bound in docs outside its high list; 0 without a list (high-scan.ts
   * then reads its whole list, and docs outside that do not hold the term).
   */
  outside: Float64Array;
  /** Sum of `outside`: no doc outside every list weighs more. */
  outsideSum: number;
  /** The least (full bound − outside) of a scorer: what one list adds at the least. */
  leastExcess: number;
  /** Scorers with a high list. */
  lists: number;
}

/** High-list cursors of scorers `ids` (default: the optional ones); null when none has a list. */
export function highProbes(q: SegmentQuery, ids: readonly number[] = q.optional): HighProbes | null {
  const seg = q.seg;
  const outside = new Float64Array(ids.length);
  const cursors = ids.map((i, k) => {
    const term = q.cursors[i]!.term;
    const list = seg.championList(term);
    if (list < 0 || seg.a.highTailTf[list]! <= 0) return null;
    const high = seg.highList(term);
    if (high < 0) return null;
    outside[k] = Math.min(q.bound[i]!, q.boundOf(i, seg.a.highTailTf[list]!));
    return new PostingsCursor(seg, high);
  });
  const lists = cursors.filter((c) => c !== null).length;
  if (lists === 0) return null;
  const leastExcess = Math.min(...ids.map((i, k) => q.bound[i]! - outside[k]!));
  return { cursors, outside, outsideSum: outside.reduce((a, b) => a + b, 0), leastExcess, lists };
}

/**
 * Top k when a filter is more selective than the query's terms (a month of papers, a few ids):
 * the docs passing the date range or id list are listed (from the day-sorted permutation or the
 * id table), sorted, and each is scored by advancing the term cursors to it. Exhaustive over
 * those docs, so the count is exact. With optional terms only (no required term, phrase or
 * exclusion), a short list is scored a term at a time instead (listed.ts).
 */
import type { Segment } from "../index/segment.js";
import { offerListedDocs } from "./listed.js";
import type { FilterSpec } from "./filter.js";
import type { RunStats } from "./run-stats.js";
import type { SegmentQuery } from "./segment-query.js";
import type { TopK } from "./top-k.js";

/** Positions in byDay of the first doc with day ≥ day. */
function lowerBound(seg: Segment, day: number): number {
  const { byDay, days } = seg.a;
  let lo = 0;
  let hi = byDay.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[byDay[mid]!]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Docs the date range or id list allow, ascending; null when neither narrows the segment, or when
 * they are more than `most` (listing and sorting a long range would cost more than it saves).
 */
export function candidateDocs(seg: Segment, spec: FilterSpec, most = Infinity): Int32Array | null {
  // An id named twice (`id:x id:x`) is one doc.
  if (spec.ids) return Int32Array.from(new Set(spec.ids.map((id) => seg.findDoc(id)).filter((d) => d >= 0))).sort();
  if (spec.fromDay === null && spec.toDay === null) return null;
  const from = spec.fromDay === null ? 0 : lowerBound(seg, spec.fromDay);
  const to = spec.toDay === null ? seg.docCount : lowerBound(seg, spec.toDay + 1);
  if (to - from > most) return null;
  return Int32Array.from(seg.a.byDay.subarray(from, Math.max(from, to))).sort();
}

/**
 * `maxDocs`: listed docs at most that are scored a term at a time (listed.ts), default 1,024; it
 * opens a block anew for each doc in another block than the last, where a cursor's block stays
 * decoded. 0 scores every list through the cursors (tests compare the two).
 */
export const LISTED = { maxDocs: 1_024 };

export function topKFilterDriven(q: SegmentQuery, docs: Int32Array, heap: TopK, base: number): RunStats {
  if (q.required.length === 0 && !q.positional && docs.length <= LISTED.maxDocs) return scoreListed(q, docs, heap, base);
  let matched = 0;
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d]!;
    if (!q.filter.accepts(doc)) continue;
    q.reset();
    let ok = true;
    for (const i of q.required) if (q.cursors[i]!.advance(doc) !== doc || !q.score(i, doc)) ok = false;
    if (!ok) continue;
    let any = q.required.length > 0;
    for (const i of q.optional) if (q.cursors[i]!.advance(doc) === doc && q.score(i, doc)) any = true;
    if (!any || (q.positional && !q.passesPositional(doc))) continue;
    matched++;
    heap.offer(q.total(), base + doc);
  }
  return { matched, incomplete: false };
}

/** `topKFilterDriven` for a plan of optional terms only: the docs scored a term at a time (listed.ts). */
function scoreListed(q: SegmentQuery, docs: Int32Array, heap: TopK, base: number): RunStats {
  return { matched: offerListedDocs(q, docs, heap, base), incomplete: false };
}

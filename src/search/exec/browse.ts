/**
 * Date-ordered listing without a text query: walks each segment's docs by day (a precomputed
 * permutation) and merges the segments' best candidates.
 */
import { NO_MORE_DOCS, PostingsCursor } from "../index/cursor.js";
import type { Segment } from "../index/segment.js";
import type { Exclusion } from "../query/plan.js";
import { Deadline } from "./deadline.js";
import { PhraseMatcher } from "./phrase.js";

export interface DatedHit {
  day: number;
  order: number;
  doc: number;
  segment: number;
}

/** Docs of the segment that the exclusions rule out. */
export function excludedDocs(seg: Segment, exclusions: readonly Exclusion[], deadline: Deadline = new Deadline()): Uint8Array | null {
  // A byte per doc: excluding a common term marks hundreds of thousands of docs.
  let out: Uint8Array | null = null;
  for (const ex of exclusions) {
    const terms = ex.terms.map((bytes) => seg.findTerm(bytes));
    if (terms.some((t) => t < 0)) continue;
    const cursors = terms.map((t) => new PostingsCursor(seg, t));
    const phrase = new PhraseMatcher(cursors.length);
    const lead = cursors[0]!;
    if (cursors.length === 1) {
      const marks = (out ??= new Uint8Array(seg.docCount));
      for (let d = lead.nextDoc(); d !== NO_MORE_DOCS; d = lead.nextDoc()) if ((seg.comboMask[lead.combo()]! & ex.mask) !== 0) marks[d] = 1;
      continue;
    }
    for (let d = lead.nextDoc(); d !== NO_MORE_DOCS; d = lead.nextDoc()) {
      // Past the time budget every doc not yet checked is left out: the page may miss papers
      // (it is flagged timedOut), but never shows one the query excludes.
      if (deadline.passed()) {
        (out ??= new Uint8Array(seg.docCount)).fill(1, d);
        break;
      }
      if (!cursors.every((c) => c.advance(d) === d && (seg.comboMask[c.combo()]! & ex.mask) !== 0)) continue;
      if (cursors.length === 1 || phrase.matches(cursors, ex.offsets, ex.mask)) (out ??= new Uint8Array(seg.docCount))[d] = 1;
    }
  }
  return out;
}

/**
 * The first `k` docs of one segment in date order (newest or oldest first) passing `accepts`,
 * and how many pass in all (`counted` false when the time budget stopped the count: `count`
 * is then scaled up from the share of docs looked at).
 */
export function browseSegment(
  seg: Segment,
  segment: number,
  base: number,
  k: number,
  newest: boolean,
  accepts: (doc: number) => boolean,
  countAll: boolean,
  deadline: Deadline = new Deadline(),
): { hits: DatedHit[]; count: number; counted: boolean } {
  const byDay = seg.a.byDay;
  const hits: DatedHit[] = [];
  let count = 0;
  const n = byDay.length;
  for (let j = 0; j < n; j++) {
    if (deadline.passed()) return { hits, count: Math.round((count * n) / Math.max(1, j)), counted: false };
    const doc = byDay[newest ? n - 1 - j : j]!;
    if (!accepts(doc)) continue;
    count++;
    if (hits.length < k) hits.push({ day: seg.a.days[doc]!, order: base + doc, doc, segment });
    else if (!countAll) break;
  }
  return { hits, count, counted: true };
}

export function compareDated(newest: boolean) {
  return (a: { day: number; order: number }, b: { day: number; order: number }) =>
    newest ? b.day - a.day || b.order - a.order : a.day - b.day || a.order - b.order;
}

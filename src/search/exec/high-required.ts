/**
 * The rest of a conjunctive top k (conjunctive.ts) over common words, once its k-th score is out
 * of reach of any doc outside every required term's high list (index/high-lists.ts). A phrase of
 * two common words ("human model": 97k and 224k papers) otherwise decodes and intersects both
 * long lists whole, since each 128-posting block of either holds a few papers where the word
 * weighs near its most and block bounds skip almost nothing; yet the top k can only hold papers
 * where at least one of the words weighs more than in fifteen of its sixteen postings.
 *
 * So from the hand-over on, only the high lists are read, in doc order; a candidate's words that
 * are not in their high list there are bounded by the lists' outside bounds, and only a candidate
 * that can still enter has the long lists probed (for the other words' scores, and for positions
 * when the query has a phrase). Docs passed over are not counted: the caller extrapolates the
 * count from the docs before the hand-over, which is why it hands over only after a share of the
 * lead's list (conjunctive.ts). On the search bench's phrases at 1M papers, those with 300 to
 * 3,000 matches went from 13 to 9 ms on average, and phrases as a whole took about a sixth less
 * time.
 *
 * The hand-over waits for the k-th score to rise out of the outside bounds' reach, which in doc
 * order took until some 40% of the docs. So the run is seeded (`seedFromHighLists`): the docs in
 * every term's high list are scored from those lists first, and the best of them checked and
 * offered, so the k-th score starts near its final value: phrases took a tenth less time again.
 */
import { intersectFrom, NO_MORE_DOCS, type PostingsCursor } from "../index/cursor.js";
import { ListProbe } from "../index/list-probe.js";
import type { SeededDocs } from "./champion-seed.js";
import { highProbes, type HighProbes } from "./high-probe.js";
import { cannotEnter } from "./run-stats.js";
import type { SegmentQuery } from "./segment-query.js";
import type { TopK } from "./top-k.js";

/** The high lists of a query's two or more required terms; null unless every one of them has one. */
export function requiredHighLists(q: SegmentQuery): HighProbes | null {
  if (q.required.length < 2) return null;
  const high = highProbes(q, q.required);
  return high !== null && high.lists === q.required.length ? high : null;
}

/**
 * Whether the hand-over is exact now: no doc outside all the required terms' high lists (every
 * term at its outside bound, every optional term at its full bound) can enter.
 */
export function highRequiredApplies(q: SegmentQuery, heap: TopK, high: HighProbes | null): high is HighProbes {
  if (high === null || !heap.full) return false;
  let bound = high.outsideSum;
  for (const i of q.optional) bound += q.bound[i]!;
  return cannotEnter(bound, heap.threshold, false);
}

/**
 * Offers the docs from `from` on that can enter (see the file comment). `high` holds the required
 * terms' high lists in `q.required` order; no long-list cursor is past a doc ≥ from that it holds.
 */
export function topKHighRequired(q: SegmentQuery, heap: TopK, base: number, from: number, high: HighProbes, seeded: SeededDocs): void {
  const required = q.required;
  const sources = high.cursors.map((c) => c!);
  for (const c of sources) c.advance(from);
  // Long lists are probed for docs far apart: a block is decoded only as far as the doc.
  const probes = required.map((i) => new ListProbe(q.seg, q.cursors[i]!.term));
  let optionalBound = 0;
  for (const i of q.optional) optionalBound += q.bound[i]!;
  // Indexed loops, not for…of: here (a doc of any high list at a time, thousands a query) the
  // iterators were not optimized away and were most of a phrase query's garbage (1.9 MB of 2.3).
  const n = sources.length;
  for (;;) {
    if (q.deadline.passed()) return;
    let doc = NO_MORE_DOCS;
    for (let k = 0; k < n; k++) if (sources[k]!.doc < doc) doc = sources[k]!.doc;
    if (doc === NO_MORE_DOCS) return;
    if (!seeded.has(doc) && q.filter.accepts(doc)) offer(doc);
    for (let k = 0; k < n; k++) if (sources[k]!.doc === doc) sources[k]!.nextDoc();
  }

  function offer(doc: number): void {
    q.reset();
    // Terms on their high list are scored from it; the others count at their outside bound.
    let partial = 0;
    let outside = 0;
    for (let k = 0; k < required.length; k++) {
      const i = required[k]!;
      if (sources[k]!.doc === doc) {
        if (!q.scoreCombo(i, doc, sources[k]!.combo())) return;
        partial += q.contribution[i]!;
      } else outside += high.outside[k]!;
    }
    if (cannotEnter(partial + outside + optionalBound, heap.threshold, false)) return;
    // The other terms' scores from their long lists, until the doc cannot enter.
    for (let k = 0; k < required.length; k++) {
      if (sources[k]!.doc === doc) continue;
      const i = required[k]!;
      const combo = probes[k]!.combo(doc);
      if (combo < 0 || !q.scoreCombo(i, doc, combo)) return;
      partial += q.contribution[i]!;
      outside -= high.outside[k]!;
      if (cannotEnter(partial + outside + optionalBound, heap.threshold, false)) return;
    }
    if (q.positional) {
      // Positions are read from the long lists: every phrase cursor must be on doc.
      for (const i of required) if (q.cursors[i]!.advance(doc) !== doc) return;
      if (!q.passesPositional(doc)) return;
    }
    for (const i of q.optional) if (q.cursors[i]!.advance(doc) === doc) q.score(i, doc);
    heap.offer(q.total(), base + doc);
  }
}

/** Docs of the high lists' intersection the seed checks and offers at most: the best by score. */
const SEED_DOCS = 256;

/**
 * Offers the best docs held in every required term's high list (see the file comment); only for
 * queries of required terms alone, as an optional term's score would need its long list. Leaves
 * every cursor at its list's start. Returns the docs offered, increasing (the run must not offer
 * them again).
 */
export function seedFromHighLists(q: SegmentQuery, heap: TopK, base: number, high: HighProbes): Int32Array {
  if (q.optional.length > 0) return new Int32Array(0);
  const required = q.required;
  const sources = high.cursors.map((c) => c!);
  const docs: number[] = [];
  const scores: number[] = [];
  const nextShared = () => intersectFrom(sources, sources[0]!.nextDoc());
  for (let doc = nextShared(); doc !== NO_MORE_DOCS; doc = nextShared()) {
    if (q.filter.accepts(doc) && scoredFromHighLists(q, doc, sources)) {
      docs.push(doc);
      scores.push(q.total());
    }
  }
  for (const c of sources) c.reset();
  let picked = docs.map((_, j) => j);
  if (picked.length > SEED_DOCS) picked = picked.sort((x, y) => scores[y]! - scores[x]! || x - y).slice(0, SEED_DOCS).sort((x, y) => x - y);
  const offered: number[] = [];
  for (const j of picked) {
    const d = docs[j]!;
    if (q.positional) {
      // Positions are read from the long lists.
      if (required.some((i) => q.cursors[i]!.advance(d) !== d) || !q.passesPositional(d)) continue;
    }
    heap.offer(scores[j]!, base + d);
    offered.push(d);
  }
  q.resetCursors();
  return Int32Array.from(offered);
}

/** Scores `doc` on every required term from the high lists' cursors (all on doc); false when one does not count there. */
function scoredFromHighLists(q: SegmentQuery, doc: number, sources: readonly PostingsCursor[]): boolean {
  q.reset();
  for (let k = 0; k < sources.length; k++) if (!q.scoreCombo(q.required[k]!, doc, sources[k]!.combo())) return false;
  return true;
}

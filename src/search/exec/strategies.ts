/**
 * Ways to run a SegmentQuery:
 * - `allMatches`: every matching doc, fully scored (exhaustive; also feeds date sorting);
 * - `topKConjunctive`: required terms drive (leapfrog intersection), optional terms are scored
 *   only when the doc could still enter the top k;
 * - `topKMaxScore`: OR queries with MaxScore (Turtle & Flood): terms whose bounds together cannot
 *   reach the k-th score stop driving the iteration and are only probed, with block-max bounds
 *   deciding early that a doc cannot make it.
 * All three add contributions in the same order (SegmentQuery.total), so scores are identical.
 */
import { NO_MORE_DOCS } from "../index/cursor.js";
import type { SegmentQuery } from "./segment-query.js";
import type { TopK } from "./top-k.js";

/** Bounds are compared with this slack, so rounding can only make pruning more careful. */
const SLACK = 1 + 1e-12;

export interface RunStats {
  /** Docs known to match. */
  matched: number;
  /** Some docs were never fully looked at, so `matched` may be short of the true count. */
  incomplete: boolean;
  /** When incomplete: docs that may match but were not checked (their bound was too low). */
  unchecked?: number;
  /** When incomplete: share of checked candidates that matched. */
  passRate?: number;
}

export function allMatches(q: SegmentQuery, onMatch: (doc: number, score: number) => void): number {
  const active = [...q.required, ...q.optional].map((i) => q.cursors[i]!);
  for (const c of active) c.nextDoc();
  let matched = 0;
  for (;;) {
    let doc = NO_MORE_DOCS;
    for (const c of active) if (c.doc < doc) doc = c.doc;
    if (doc === NO_MORE_DOCS) break;
    q.contribution.fill(0);
    let ok = q.filter.accepts(doc);
    for (const i of q.required) if (ok && (q.cursors[i]!.doc !== doc || !q.score(i, doc))) ok = false;
    let anyOptional = false;
    if (ok) for (const i of q.optional) if (q.cursors[i]!.doc === doc && q.score(i, doc)) anyOptional = true;
    if (ok && (q.required.length > 0 || anyOptional) && q.passesPositional(doc)) {
      matched++;
      onMatch(doc, q.total());
    }
    for (const c of active) if (c.doc === doc) c.nextDoc();
  }
  return matched;
}

export function topKConjunctive(q: SegmentQuery, heap: TopK, base: number): RunStats {
  const required = q.required.map((i) => q.cursors[i]!).sort((a, b) => a.df - b.df);
  const lead = required[0]!;
  const positional = q.hasPositionalChecks;
  let matched = 0;
  let checked = 0;
  let unchecked = 0;
  let doc = lead.nextDoc();
  candidates: while (doc !== NO_MORE_DOCS) {
    // Leapfrog until every required cursor is on the lead's doc.
    for (let k = 1; k < required.length; ) {
      const d = required[k]!.advance(doc);
      if (d === doc) k++;
      else {
        doc = lead.advance(d);
        if (doc === NO_MORE_DOCS) break candidates;
        k = 1;
      }
    }
    if (q.filter.accepts(doc)) {
      q.contribution.fill(0);
      let ok = true;
      let partial = 0;
      for (const i of q.required) {
        if (!q.score(i, doc)) ok = false;
        else partial += q.contribution[i]!;
      }
      if (ok) {
        let bound = partial;
        for (const i of q.optional) bound += q.blockBound(i, doc);
        const hopeless = heap.full && bound * SLACK < heap.threshold;
        if (!positional) {
          matched++;
        } else if (hopeless) {
          // Not worth decoding positions; the count becomes an estimate.
          unchecked++;
        } else {
          checked++;
          if (q.passesPositional(doc)) matched++;
          else ok = false;
        }
        if (ok && !hopeless) {
          for (const i of q.optional) if (q.cursors[i]!.advance(doc) === doc) q.score(i, doc);
          heap.offer(q.total(), base + doc);
        }
      }
    }
    doc = lead.nextDoc();
  }
  if (unchecked === 0) return { matched, incomplete: false };
  return { matched, incomplete: true, unchecked, passRate: checked > 0 ? matched / checked : 0.5 };
}

export function topKMaxScore(q: SegmentQuery, heap: TopK, base: number): RunStats {
  // Scorers by ascending bound; cumulative[j] bounds a doc matching only order[0..j].
  const order = [...q.optional].sort((a, b) => q.bound[a]! - q.bound[b]! || a - b);
  const n = order.length;
  const cumulative = new Float64Array(n);
  order.forEach((i, j) => (cumulative[j] = (j > 0 ? cumulative[j - 1]! : 0) + q.bound[i]!));
  for (const i of order) q.cursors[i]!.nextDoc();
  let firstEssential = 0;
  const updateEssential = () => {
    while (firstEssential < n && cumulative[firstEssential]! * SLACK < heap.threshold) firstEssential++;
  };
  updateEssential();
  let matched = 0;
  let incomplete = false;
  while (firstEssential < n) {
    let doc = NO_MORE_DOCS;
    for (let j = firstEssential; j < n; j++) {
      const d = q.cursors[order[j]!]!.doc;
      if (d < doc) doc = d;
    }
    if (doc === NO_MORE_DOCS) break;
    if (heap.full && skipWindow(q, order, firstEssential, n, cumulative, heap.threshold)) {
      incomplete = true;
      continue;
    }
    if (q.filter.accepts(doc)) {
      q.contribution.fill(0);
      let partial = 0;
      let any = false;
      for (let j = firstEssential; j < n; j++) {
        const i = order[j]!;
        if (q.cursors[i]!.doc === doc && q.score(i, doc)) {
          partial += q.contribution[i]!;
          any = true;
        }
      }
      let pruned = false;
      for (let j = firstEssential - 1; j >= 0; j--) {
        const rest = j > 0 ? cumulative[j - 1]! : 0;
        const i = order[j]!;
        if ((partial + rest + q.blockBound(i, doc)) * SLACK < heap.threshold) {
          pruned = true;
          break;
        }
        if (q.cursors[i]!.advance(doc) === doc && q.score(i, doc)) {
          partial += q.contribution[i]!;
          any = true;
        }
      }
      if (pruned) incomplete = true;
      else if (any && q.passesPositional(doc)) {
        matched++;
        if (heap.offer(q.total(), base + doc)) updateEssential();
      }
    }
    for (let j = firstEssential; j < n; j++) {
      const c = q.cursors[order[j]!]!;
      if (c.doc === doc) c.nextDoc();
    }
  }
  // Docs found only in non-essential lists were never visited.
  if (firstEssential > 0) incomplete = true;
  return { matched, incomplete };
}

/**
 * Block-max skipping: the essential cursors' current blocks bound every doc up to the first of
 * them to end. If even that bound (plus the non-essential terms' bounds) cannot beat the
 * threshold, moves every essential cursor past that window and returns true.
 */
function skipWindow(q: SegmentQuery, order: number[], firstEssential: number, n: number, cumulative: Float64Array, threshold: number): boolean {
  let upTo = NO_MORE_DOCS;
  let bound = firstEssential > 0 ? cumulative[firstEssential - 1]! : 0;
  for (let j = firstEssential; j < n; j++) {
    const i = order[j]!;
    const c = q.cursors[i]!;
    if (c.doc === NO_MORE_DOCS) continue;
    const b = c.currentBlock;
    const last = c.blockLastDoc(b);
    if (last < upTo) upTo = last;
    bound += q.boundOf(i, c.blockMaxTf(b));
  }
  if (upTo === NO_MORE_DOCS || bound * SLACK >= threshold) return false;
  for (let j = firstEssential; j < n; j++) {
    const c = q.cursors[order[j]!]!;
    if (c.doc <= upTo) c.advance(upTo + 1);
  }
  return true;
}

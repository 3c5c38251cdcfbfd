/**
 * Top k of OR queries with block-max MaxScore (Turtle & Flood's MaxScore with block bounds, as
 * in Lucene's MaxScoreBulkScorer). The doc range is cut into windows that end where the first
 * current block of any term ends, so each term's bound in the window is its block's bound. In
 * each window, terms sorted by bound are split: the weakest ones, whose bounds together cannot
 * reach the k-th score, are "non-essential" — only probed for docs the others bring — and a
 * window where all terms are non-essential is skipped outright.
 *
 * Champion lists (champion-seed.ts) go first when terms have them: their docs are scored at once
 * and skipped afterwards, and every other doc is bounded by each term's tail bound. Seeded docs
 * are not offered in doc order, so a later doc that only ties the threshold may still win its
 * tie-break: pruning is then strict. Terms with high lists (index/high-lists.ts) hand over to
 * high-scan.ts as soon as the threshold rules out every doc outside those lists.
 */
import { NO_MORE_DOCS } from "../index/cursor.js";
import { BULK_WINDOWS, topKBulkWindows } from "./bulk-window.js";
import { SeededDocs, seedFromChampions } from "./champion-seed.js";
import { skippedStats } from "./estimate.js";
import { highProbes } from "./high-probe.js";
import { highScanApplies, topKHighScan } from "./high-scan.js";
import { skim } from "./skim.js";
import { cannotEnter, SLACK, type RunStats } from "./run-stats.js";
import type { SegmentQuery } from "./segment-query.js";
import type { TopK } from "./top-k.js";

export function topKMaxScore(q: SegmentQuery, heap: TopK, base: number): RunStats {
  const ids = q.optional;
  const n = ids.length;
  const cursors = ids.map((i) => q.cursors[i]!);
  const seed = seedFromChampions(q, heap, base);
  const seeded = seed !== null;
  const seededDocs = new SeededDocs(seed?.scored ?? new Int32Array(0));
  // Phrases and exclusions read every term's own cursor at each candidate: no high lists then.
  const high = seeded && !q.positional ? highProbes(q) : null;
  for (const c of cursors) c.nextDoc();
  const bound = new Float64Array(n);
  const order = ids.map((_, k) => k);
  const cumulative = new Float64Array(n);
  let matched = seed?.matched ?? 0;
  let incomplete = false;
  let visited = 0;
  let accepted = 0;
  let end = -1;
  // No doc outside the champions can reach the threshold: the run is over.
  if (seeded && cannotEnter(seed.tail.reduce((a, b) => a + b, 0), heap.threshold, false)) {
    end = NO_MORE_DOCS;
    incomplete = true;
  } else if (seeded && !q.positional && n >= 2 && postingsOf(q) >= BULK_WINDOWS.minPostings) return topKBulkWindows(q, heap, base, seed, high);
  for (;;) {
    if (q.deadline.passed()) {
      incomplete = true;
      break;
    }
    // The window starts at the first doc any cursor may hold after the last window…
    let start = NO_MORE_DOCS;
    for (const c of cursors) start = Math.min(start, c.doc > end ? c.doc : end + 1);
    if (start === NO_MORE_DOCS) break;
    // The threshold now rules out every doc outside the terms' high lists: read only those.
    if (high !== null && highScanApplies(q, heap, high)) return topKHighScan(q, heap, base, start, seededDocs, high, { matched, visited, accepted });
    // …and ends with the first current block to end.
    end = NO_MORE_DOCS;
    for (let k = 0; k < n; k++) {
      const c = cursors[k]!;
      const b = c.blockFor(start);
      if (b >= c.endBlock) {
        bound[k] = 0;
        continue;
      }
      end = Math.min(end, c.blockLastDoc(b));
      bound[k] = q.boundOf(ids[k]!, c.blockMaxTf(b));
      if (seeded && seed.tail[k]! < bound[k]!) bound[k] = seed.tail[k]!;
    }
    if (end === NO_MORE_DOCS) break;
    // A cursor already past the window adds nothing to it (a rare term's one block spans
    // everything, but its docs are few).
    for (let k = 0; k < n; k++) if (cursors[k]!.doc > end && cursors[k]!.doc !== NO_MORE_DOCS) bound[k] = 0;
    order.sort((x, y) => bound[x]! - bound[y]! || x - y);
    let sum = 0;
    for (let j = 0; j < n; j++) cumulative[j] = sum += bound[order[j]!]!;
    let firstEssential = 0;
    while (firstEssential < n && cannotEnter(cumulative[firstEssential]!, heap.threshold, firstEssential === 0 && !seeded)) firstEssential++;
    if (firstEssential > 0) incomplete = true;
    if (firstEssential === n) continue;
    for (let j = firstEssential; j < n; j++) {
      const c = cursors[order[j]!]!;
      if (c.doc < start) c.advance(start);
    }
    // One essential term: skim its postings that cannot reach the threshold.
    const single = n - firstEssential === 1 ? order[n - 1]! : -1;
    const rest = firstEssential > 0 ? cumulative[firstEssential - 1]! : 0;
    for (;;) {
      if (single >= 0 && heap.full && skim(q, cursors[single]!, ids[single]!, end, rest, heap.threshold)) incomplete = true;
      let doc = NO_MORE_DOCS;
      for (let j = firstEssential; j < n; j++) doc = Math.min(doc, cursors[order[j]!]!.doc);
      if (doc > end) break;
      const fresh = !seededDocs.has(doc);
      if (fresh) visited++;
      if (fresh && q.filter.accepts(doc)) {
        accepted++;
        q.reset();
        let partial = 0;
        let any = false;
        for (let j = firstEssential; j < n; j++) {
          const k = order[j]!;
          if (cursors[k]!.doc === doc && q.score(ids[k]!, doc)) {
            partial += q.contribution[ids[k]!]!;
            any = true;
          }
        }
        let pruned = false;
        for (let j = firstEssential - 1; j >= 0; j--) {
          if ((partial + cumulative[j]!) * SLACK < heap.threshold) {
            pruned = true;
            break;
          }
          const k = order[j]!;
          if (cursors[k]!.advance(doc) === doc && q.score(ids[k]!, doc)) {
            partial += q.contribution[ids[k]!]!;
            any = true;
          }
        }
        if (!pruned && any && (!q.positional || q.passesPositional(doc))) {
          matched++;
          const score = q.total();
          if (!heap.full || score >= heap.threshold) heap.offer(score, base + doc);
        }
      }
      for (let j = firstEssential; j < n; j++) {
        const c = cursors[order[j]!]!;
        if (c.doc === doc) c.nextDoc();
      }
    }
  }
  return incomplete ? skippedStats(q, matched, visited, accepted) : { matched, incomplete };
}

function postingsOf(q: SegmentQuery): number {
  let total = 0;
  for (const i of q.optional) total += q.cursors[i]!.df;
  return total;
}

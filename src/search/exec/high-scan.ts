/**
 * OR queries over common words, once the champions (champion-seed.ts) set a threshold that no
 * doc outside every high list (index/high-lists.ts) can reach: then the top k lie in the union of
 * the terms' high lists (and the whole lists of terms too short to have one), so only those are
 * read, in doc order, and each term's long list is only probed for candidates that can still
 * win. Two common words ("robust spatial") read a sixteenth of their postings instead of all.
 */
import { NO_MORE_DOCS, type PostingsCursor } from "../index/cursor.js";
import type { SeededDocs } from "./champion-seed.js";
import { skippedStats } from "./estimate.js";
import type { HighProbes } from "./high-probe.js";
import { cannotEnter, SLACK, type RunStats } from "./run-stats.js";
import type { SegmentQuery } from "./segment-query.js";
import type { TopK } from "./top-k.js";

export interface ScanCounts {
  matched: number;
  visited: number;
  accepted: number;
}

/**
 * Whether the scan is exact and pays now: the outside bounds of the terms with high lists cannot
 * reach the threshold together.
 */
export function highScanApplies(q: SegmentQuery, heap: TopK, high: HighProbes): boolean {
  if (q.optional.length < 2 || !heap.full) return false;
  // Seeded docs came out of doc order, so a tie may still win: pruning is strict (cannotEnter).
  if (!cannotEnter(high.outsideSum, heap.threshold, false)) return false;
  // While one high list alone can still reach the threshold, MaxScore (block bounds, skimming)
  // measured faster, except for two common words.
  return (high.lists === 2 && q.optional.length === 2) || cannotEnter(high.outsideSum + high.leastExcess, heap.threshold, false);
}

/**
 * The scan over docs from `from` on (where MaxScore handed over; no cursor is past a doc ≥ from
 * that it holds), when `highScanApplies`. `so` carries MaxScore's counts.
 */
export function topKHighScan(q: SegmentQuery, heap: TopK, base: number, from: number, seeded: SeededDocs, high: HighProbes, so: ScanCounts): RunStats {
  const ids = q.optional;
  const n = ids.length;
  // Each term's source: its high list, or its whole list when it has none.
  const sources: PostingsCursor[] = ids.map((i, k) => high.cursors[k] ?? q.cursors[i]!);
  for (const c of sources) c.advance(from);
  // A doc outside term k's source weighs at most outside[k] there (0 for a whole list); inside,
  // at most `excess` more. Sources in ascending excess: a prefix whose excess cannot lift the
  // outside bounds to the threshold is only probed (as MaxScore's non-essential lists).
  const outside = high.outside;
  const excess = Float64Array.from(ids, (i, k) => q.bound[i]! - outside[k]!);
  const order = ids.map((_, k) => k).sort((x, y) => excess[x]! - excess[y]! || x - y);
  let essentialFrom = 0;
  // Outside bounds plus the excess of the sources before essentialFrom (kept across calls).
  let sum = high.outsideSum;
  const findEssential = () => {
    while (essentialFrom < n - 1 && cannotEnter(sum + excess[order[essentialFrom]!]!, heap.threshold, false)) sum += excess[order[essentialFrom++]!]!;
  };
  findEssential();
  /** Per term, for the current candidate: -1 when scored, else its bound there. */
  const open = new Float64Array(n);
  let { matched, visited, accepted } = so;
  for (;;) {
    if (q.deadline.passed()) break;
    let doc = NO_MORE_DOCS;
    for (let j = essentialFrom; j < n; j++) doc = Math.min(doc, sources[order[j]!]!.doc);
    if (doc === NO_MORE_DOCS) break;
    const fresh = !seeded.has(doc);
    if (fresh) visited++;
    if (fresh && q.filter.accepts(doc)) {
      accepted++;
      q.reset();
      let partial = 0;
      let any = false;
      let remaining = 0;
      for (let j = 0; j < n; j++) {
        const k = order[j]!;
        const c = sources[k]!;
        // Essential sources and high lists are read here; a whole list that is not stays open
        // at its bound, for the probes below.
        const read = j >= essentialFrom || high.cursors[k] !== null;
        if (read && c.advance(doc) === doc) {
          open[k] = -1;
          if (q.scoreCombo(ids[k]!, doc, c.combo())) {
            partial += q.contribution[ids[k]!]!;
            any = true;
          }
        } else remaining += open[k] = read ? outside[k]! : q.bound[ids[k]!]!;
      }
      let pruned = false;
      // Long lists, strongest open bound first.
      for (;;) {
        let k = -1;
        for (let m = 0; m < n; m++) if (open[m]! > 0 && (k < 0 || open[m]! > open[k]!)) k = m;
        if (k < 0) break;
        if ((partial + remaining) * SLACK < heap.threshold) {
          pruned = true;
          break;
        }
        remaining -= open[k]!;
        open[k] = -1;
        if (q.cursors[ids[k]!]!.advance(doc) === doc && q.score(ids[k]!, doc)) {
          partial += q.contribution[ids[k]!]!;
          any = true;
        }
      }
      if (!pruned && any) {
        matched++;
        const score = q.total();
        if (score >= heap.threshold && heap.offer(score, base + doc)) findEssential();
      }
    }
    for (let j = essentialFrom; j < n; j++) {
      const c = sources[order[j]!]!;
      if (c.doc === doc) c.nextDoc();
    }
  }
  return skippedStats(q, matched, visited, accepted);
}

/**
 * Top k of OR queries over long lists, a window of docs at a time and term at a time into an
 * array of partial sums (after Lucene's MaxScoreBulkScorer). MaxScore (maxscore.ts) pays cursor
 * steps and calls for every doc of its essential lists and probes the other lists doc by doc;
 * here, per window:
 *
 * 1. Each term has a source: its whole list, or, once the threshold rules out every doc outside
 *    the terms' high lists (index/high-lists.ts), its high list, outside which it weighs at most
 *    its outside bound. Terms are split as in MaxScore by what their source adds to that bound
 *    in the window (their blocks' highest bound there, capped by the champion tail bound); a
 *    window with no essential term is skipped.
 * 2. The essential sources are decoded and added into the partial sums (window-sums.ts). Docs
 *    whose sum plus what the other terms may add cannot reach the threshold are dropped.
 * 3. The other sources, strongest first, then the whole lists of docs outside the high lists
 *    read, are added for the docs still in the running (only blocks that hold one are decoded),
 *    dropping the docs that fall short after each. A long list with fewer such docs than blocks
 *    in the window has its high list read first, as decoding it whole would cost a block a doc.
 * 4. The few docs left are scored exactly through the query's cursors, in doc order, so scores
 *    are bit-identical to every other strategy's.
 *
 * Measured at 2.6M papers (bench/RESULTS.md), the slowest 3–4-word queries ("real latent form
 * used") take half MaxScore's time, and two common words ("robust spatial") about 60 % of the
 * doc-at-a-time high-list scan's (high-scan.ts).
 */
import { FIELD_INDEX } from "../fields.js";
import { BLOCK_SIZE } from "../index/segment.js";
import { offerScored, SeededDocs, type ChampionSeed } from "./champion-seed.js";
import { skippedStats } from "./estimate.js";
import type { HighProbes } from "./high-probe.js";
import { cannotEnter, type RunStats } from "./run-stats.js";
import type { SegmentQuery } from "./segment-query.js";
import type { TopK } from "./top-k.js";
import { ListBlocks } from "./window-lists.js";
import { addEssential, candidates, clearWindowSums, drop, firstCandidates, inHigh, keepReachable, MAX_WINDOW, pending, rest, sums } from "./window-sums.js";

/** When MaxScore (maxscore.ts) hands a query over to the bulk windows, and their size. */
export const BULK_WINDOWS = {
  /** Least postings of the query's terms together; default 100,000; 0 = always, Infinity = never. */
  minPostings: 100_000,
  /** Docs per window; default and most 32,768 (MAX_WINDOW), least 1. */
  window: 1 << 15,
  /**
   * Adding a whole list for fewer candidates than it has blocks in the window decodes a block per
   * candidate: below `highListFirst` × its blocks, its high list goes first, which drops most of
   * them. Default 1; 0 = never, Infinity = always.
   */
  highListFirst: 1,
};

/** What touchLengths read, kept so that the reads cannot be optimised away. */
let _sink = 0;
/**
 * Reads the window's title and abstract length codes (Segment.lengthsByField) a cache line at a
 * time, in order (which the CPU prefetches), so that weighing the postings of sparse lists finds
 * them in cache instead of missing once a posting.
 */
function touchLengths(q: SegmentQuery, start: number, end: number): void {
  const lengths = q.lengths;
  const docCount = q.seg.docCount;
  let x = 0;
  for (const f of TOUCHED_FIELDS) for (let at = f * docCount + start, to = f * docCount + end; at <= to; at += 64) x ^= lengths[at]!;
  _sink ^= x;
}
const TOUCHED_FIELDS = [FIELD_INDEX.title, FIELD_INDEX.abstract];

/** Queries of more terms read no high lists here: `inHigh` has a bit per term. */
const MAX_HIGH_TERMS = 32;

export function topKBulkWindows(q: SegmentQuery, heap: TopK, base: number, seed: ChampionSeed, high: HighProbes | null): RunStats {
  const ids = q.optional;
  const n = ids.length;
  const seededDocs = new SeededDocs(seed.scored);
  const lists = ids.map((i) => new ListBlocks(q, q.cursors[i]!.term));
  const highLists = ids.map((_, k) => (high?.cursors[k] && n <= MAX_HIGH_TERMS ? new ListBlocks(q, high.cursors[k]!.term, true) : null));
  const bound = new Float64Array(n);
  /** Per term, its bound outside its high list when the window reads that list instead (else 0). */
  const out = new Float64Array(n);
  const order = ids.map((_, k) => k);
  const cumulative = new Float64Array(n);
  const counts = { matched: seed.matched, visited: 0, accepted: 0 };
  // Every doc holding a term is counted while no window skips a term (and no filter applies).
  let exact = q.filter.acceptsAll;
  let matchedAny = 0;
  const docCount = q.seg.docCount;
  const window = Math.max(1, Math.min(MAX_WINDOW, BULK_WINDOWS.window));
  clearWindowSums(n);
  for (let start = 0; start < docCount; start += window) {
    if (q.deadline.passedNow()) {
      exact = false;
      break;
    }
    const end = Math.min(docCount, start + window) - 1;
    let live = false;
    for (let k = 0; k < n; k++) {
      const remaining = lists[k]!.seek(start);
      bound[k] = remaining ? Math.min(seed.tail[k]!, q.boundOf(ids[k]!, lists[k]!.maxTf(end))) : 0;
      if (bound[k]! > 0) live = true;
      // Only seeded docs left in the list (a tail bound of 0): the term is not read, nor counted.
      else if (remaining) exact = false;
    }
    if (!live) break;
    // Read the high lists instead of the whole lists when no doc outside them all can make it.
    const outSum = useHighLists(heap, high, highLists, bound, out, start);
    if (outSum > 0) exact = false;
    order.sort((x, y) => bound[x]! - out[x]! - (bound[y]! - out[y]!) || x - y);
    let sum = outSum;
    for (let j = 0; j < n; j++) cumulative[j] = sum += bound[order[j]!]! - out[order[j]!]!;
    let firstEssential = 0;
    while (firstEssential < n && cannotEnter(cumulative[firstEssential]!, heap.threshold, false)) firstEssential++;
    if (firstEssential > 0) exact = false;
    if (firstEssential === n) continue;
    const sources = order.map((k) => (out[k]! > 0 ? highLists[k]! : lists[k]!));
    touchLengths(q, start, end);
    const touchedCount = addEssential(q, sources, order, firstEssential, start, end);
    if (exact) matchedAny += touchedCount;
    const others = firstEssential > 0 ? cumulative[firstEssential - 1]! : outSum;
    let candidateCount = firstCandidates(touchedCount, n - firstEssential, others, heap.threshold, out, end - start + 1);
    // The other terms, strongest first, for the docs still in the running: their high lists…
    for (let j = firstEssential - 1; j >= 0 && candidateCount > 0; j--) {
      const k = order[j]!;
      const h = highLists[k] ?? null;
      if (h !== null && out[k] === 0 && candidateCount * BLOCK_SIZE * docCount < BULK_WINDOWS.highListFirst * lists[k]!.df * window) {
        // Few docs left in a long list: its high list first, then the whole list for the rest.
        h.seek(start);
        const outside = Math.min(high!.outside[k]!, bound[k]!);
        h.addTo(ids[k]!, start, candidates, candidateCount, sums, k, inHigh);
        candidateCount = keepReachable(candidateCount, heap.threshold, k, bound[k]!, bound[k]! - outside);
        candidateCount = addOutsideHigh(lists[k]!, ids[k]!, k, outside, start, candidateCount, heap.threshold);
        continue;
      }
      sources[j]!.addTo(ids[k]!, start, candidates, candidateCount, sums, out[k]! > 0 ? k : -1, inHigh);
      candidateCount = keepReachable(candidateCount, heap.threshold, k, bound[k]!, bound[k]! - out[k]!);
    }
    // …then the whole lists, for the docs outside those high lists.
    for (let j = n - 1; j >= 0 && candidateCount > 0; j--) {
      const k = order[j]!;
      if (out[k]! > 0) candidateCount = addOutsideHigh(lists[k]!, ids[k]!, k, out[k]!, start, candidateCount, heap.threshold);
    }
    for (let c = 0; c < candidateCount; c++) {
      const at = candidates[c]!;
      drop(at);
      const doc = start + at;
      if (seededDocs.has(doc)) continue;
      counts.visited++;
      if (!q.filter.accepts(doc)) continue;
      counts.accepted++;
      if (offerScored(q, heap, base, doc)) counts.matched++;
    }
  }
  if (exact) return { matched: matchedAny, incomplete: false };
  return skippedStats(q, counts.matched, counts.visited, counts.accepted);
}

/**
 * Adds term k's whole list (scorer i) for the candidates outside its high list, whose weight
 * there was bounded by `outside`; returns how many candidates can still reach `threshold`.
 */
function addOutsideHigh(list: ListBlocks, i: number, k: number, outside: number, start: number, count: number, threshold: number): number {
  let waiting = 0;
  for (let c = 0; c < count; c++) {
    const at = candidates[c]!;
    if (((inHigh[at]! >>> k) & 1) === 0) {
      pending[waiting++] = at;
      rest[at] = rest[at]! - outside;
    }
  }
  list.addTo(i, start, pending, waiting, sums, -1, inHigh);
  return keepReachable(count, threshold, 0, 0, 0);
}

/**
 * Sets `out[k]` to term k's bound outside its high list when the window reads that list instead of
 * the whole list, else 0; returns their sum. High lists are read when every optional term with a
 * list would be, and the outside bounds together cannot reach the threshold (so no doc outside
 * all the lists read can enter); then terms without a list are read whole.
 */
function useHighLists(heap: TopK, high: HighProbes | null, highLists: Array<ListBlocks | null>, bound: Float64Array, out: Float64Array, start: number): number {
  out.fill(0);
  if (high === null || !heap.full) return 0;
  let outSum = 0;
  for (let k = 0; k < out.length; k++) {
    const list = highLists[k];
    if (!list) continue;
    list.seek(start);
    out[k] = Math.min(high.outside[k]!, bound[k]!);
    outSum += out[k]!;
  }
  if (outSum > 0 && cannotEnter(outSum, heap.threshold, false)) return outSum;
  out.fill(0);
  return 0;
}

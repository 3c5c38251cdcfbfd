/**
 * Top k of OR queries over long lists, a window of docs at a time and term at a time into an
 * array of partial sums (after Lucene's MaxScoreBulkScorer). MaxScore (maxscore.ts) pays cursor
 * steps and calls for every doc of its essential lists and probes the other lists doc by doc;
 * here, per window:
 *
 * 1. Terms are split as in MaxScore by their bound in the window (the highest bound of their
 *    blocks there, capped by the champion tail bound); a window with no essential term is skipped.
 * 2. The essential lists are decoded and added into the partial sums. Docs whose sum plus the
 *    other terms' bounds cannot reach the threshold are dropped.
 * 3. Each other term, strongest first, is added for the docs still in the running (only its
 *    blocks that hold one are decoded), and the docs that now fall short are dropped.
 * 4. The few docs left are scored exactly through the query's cursors, in doc order, so scores
 *    are bit-identical to every other strategy's.
 *
 * Measured at 2.6M papers, the slowest 3–4-word queries ("real latent form used") took about
 * half the time of MaxScore's (bench/RESULTS.md). Once the threshold rules out every doc outside
 * the terms' high lists, the run hands over to high-scan.ts, as MaxScore does.
 */
import { NO_MORE_DOCS } from "../index/cursor.js";
import { SeededDocs, type ChampionSeed } from "./champion-seed.js";
import { skippedStats } from "./estimate.js";
import type { HighProbes } from "./high-probe.js";
import { highScanApplies, topKHighScan } from "./high-scan.js";
import { cannotEnter, type RunStats } from "./run-stats.js";
import type { SegmentQuery } from "./segment-query.js";
import type { TopK } from "./top-k.js";
import { blockCombos, blockDocs, ListBlocks, weigh } from "./window-lists.js";

/** When MaxScore (maxscore.ts) hands a query over to the bulk windows, and their size. */
export const BULK_WINDOWS = {
  /** Least postings of the query's terms together; default 200,000; 0 = always, Infinity = never. */
  minPostings: 200_000,
  /** Docs per window; default and most 32,768 (MAX_WINDOW), least 1. */
  window: 1 << 15,
};

const MAX_WINDOW = 1 << 15;
/**
 * Partial sums are added in another order than exact scores, so they are compared with this
 * much more slack than `SLACK` (run-stats.ts): it only lets a few more docs be scored exactly.
 */
const CANDIDATE_SLACK = 1 + 1e-9;

// Search is synchronous, one query at a time: the buffers are shared. Indexed by doc − window start.
const sums = new Float64Array(MAX_WINDOW);
/** What the terms not yet added can still add to a candidate. */
const rest = new Float64Array(MAX_WINDOW);
const seen = new Uint8Array(MAX_WINDOW);
const touched = new Int32Array(MAX_WINDOW);
const candidates = new Int32Array(MAX_WINDOW);
/** Scratch for merging runs of candidates. */
const pending = new Int32Array(MAX_WINDOW);
/** Where each essential term's docs start in `touched` (addEssential), then in `candidates`. */
let runStart = new Int32Array(16);

/**
 * Lowers each candidate's rest by `added` (the bound of the term just added) and keeps those whose
 * sum plus rest can still reach `threshold`; returns how many.
 */
function keepReachable(count: number, threshold: number, added: number): number {
  let kept = 0;
  for (let c = 0; c < count; c++) {
    const at = candidates[c]!;
    const left = (rest[at] = rest[at]! - added);
    if ((sums[at]! + left) * CANDIDATE_SLACK >= threshold) candidates[kept++] = at;
    else sums[at] = 0;
  }
  return kept;
}

/**
 * Moves the touched docs that can reach `threshold` with `others` more to `candidates`, in doc
 * order; returns how many. `touched` holds `runs` increasing runs (one per essential term, from
 * `runStart`), merged here.
 */
function firstCandidates(touchedCount: number, runs: number, others: number, threshold: number): number {
  let kept = 0;
  let r = 0;
  for (let t = 0; t < touchedCount; t++) {
    while (r < runs && runStart[r] === t) runStart[r++] = kept;
    const at = touched[t]!;
    seen[at] = 0;
    if ((sums[at]! + others) * CANDIDATE_SLACK >= threshold) {
      candidates[kept++] = at;
      rest[at] = others;
    } else sums[at] = 0;
  }
  while (r <= runs) runStart[r++] = kept;
  // Merge run after run into the first: few essential terms, so few passes.
  for (let m = 1; m < runs; m++) {
    const mid = runStart[m]!;
    const to = runStart[m + 1]!;
    if (mid === to || mid === 0) continue;
    let a = 0;
    let b = mid;
    let o = 0;
    while (a < mid && b < to) pending[o++] = candidates[a]! < candidates[b]! ? candidates[a++]! : candidates[b++]!;
    while (a < mid) pending[o++] = candidates[a++]!;
    while (b < to) pending[o++] = candidates[b++]!;
    candidates.set(pending.subarray(0, to));
  }
  return kept;
}

export function topKBulkWindows(q: SegmentQuery, heap: TopK, base: number, seed: ChampionSeed, high: HighProbes | null): RunStats {
  const ids = q.optional;
  const n = ids.length;
  const seededDocs = new SeededDocs(seed.scored);
  const lists = ids.map((i) => new ListBlocks(q, q.cursors[i]!.term));
  const bound = new Float64Array(n);
  const order = ids.map((_, k) => k);
  const cumulative = new Float64Array(n);
  const counts = { matched: seed.matched, visited: 0, accepted: 0 };
  // Every doc holding a term is counted while no window skips a term (and no filter applies).
  let exact = q.filter.acceptsAll;
  let matchedAny = 0;
  const docCount = q.seg.docCount;
  const window = Math.max(1, Math.min(MAX_WINDOW, BULK_WINDOWS.window));
  if (runStart.length <= n) runStart = new Int32Array(n + 1);
  sums.fill(0);
  seen.fill(0);
  for (let start = 0; start < docCount; start += window) {
    if (q.deadline.passed()) {
      exact = false;
      break;
    }
    if (high !== null && highScanApplies(q, heap, high)) return topKHighScan(q, heap, base, start, seededDocs, high, counts);
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
    order.sort((x, y) => bound[x]! - bound[y]! || x - y);
    let sum = 0;
    for (let j = 0; j < n; j++) cumulative[j] = sum += bound[order[j]!]!;
    let firstEssential = 0;
    while (firstEssential < n && cannotEnter(cumulative[firstEssential]!, heap.threshold, false)) firstEssential++;
    if (firstEssential > 0) exact = false;
    if (firstEssential === n) continue;
    const touchedCount = addEssential(q, lists, order, firstEssential, start, end);
    if (exact) matchedAny += touchedCount;
    const others = firstEssential > 0 ? cumulative[firstEssential - 1]! : 0;
    let candidateCount = firstCandidates(touchedCount, n - firstEssential, others, heap.threshold);
    // The other terms, strongest first, for the docs still in the running.
    for (let j = firstEssential - 1; j >= 0 && candidateCount > 0; j--) {
      const k = order[j]!;
      lists[k]!.addTo(ids[k]!, start, candidates, candidateCount, sums);
      candidateCount = keepReachable(candidateCount, heap.threshold, bound[k]!);
    }
    for (let c = 0; c < candidateCount; c++) {
      const at = candidates[c]!;
      sums[at] = 0;
      const doc = start + at;
      if (seededDocs.has(doc)) continue;
      counts.visited++;
      if (!q.filter.accepts(doc)) continue;
      counts.accepted++;
      if (scoreExactly(q, heap, base, doc)) counts.matched++;
    }
  }
  if (exact) return { matched: matchedAny, incomplete: false };
  return skippedStats(q, counts.matched, counts.visited, counts.accepted);
}

/** Adds the essential lists into the sums; the docs touched (offsets from start) go to `touched`. */
function addEssential(q: SegmentQuery, lists: ListBlocks[], order: number[], firstEssential: number, start: number, end: number): number {
  const ids = q.optional;
  const lastDoc = q.seg.a.blockLastDoc;
  let touchedCount = 0;
  for (let j = firstEssential; j < order.length; j++) {
    runStart[j - firstEssential] = touchedCount;
    const k = order[j]!;
    const i = ids[k]!;
    const list = lists[k]!;
    for (let b = list.next; b < list.end; b++) {
      const count = list.decode(b);
      for (let p = 0; p < count; p++) {
        const doc = blockDocs[p]!;
        if (doc < start) continue;
        if (doc > end) break;
        const w = weigh(q, i, doc, blockCombos[p]!);
        if (w === 0) continue;
        const at = doc - start;
        if (seen[at] === 0) {
          seen[at] = 1;
          touched[touchedCount++] = at;
        }
        sums[at] = sums[at]! + w;
      }
      if (lastDoc[b]! >= end) break;
    }
  }
  return touchedCount;
}

/** Scores `doc` through the query's cursors and offers it; false when no term matches there. */
function scoreExactly(q: SegmentQuery, heap: TopK, base: number, doc: number): boolean {
  q.reset();
  let any = false;
  for (const i of q.optional) {
    const cursor = q.cursors[i]!;
    if (cursor.doc !== NO_MORE_DOCS && cursor.advance(doc) === doc && q.score(i, doc)) any = true;
  }
  if (!any) return false;
  const score = q.total();
  if (!heap.full || score >= heap.threshold) heap.offer(score, base + doc);
  return true;
}

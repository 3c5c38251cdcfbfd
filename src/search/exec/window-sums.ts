/**
 * The partial sums of a bulk-window run (bulk-window.ts) and the candidate docs they keep in the
 * running: shared buffers indexed by doc − window start (search is synchronous: one run at a time).
 */
import { blockCombos, blockDocs, ComboWeight, type ListBlocks } from "./window-lists.js";
import type { SegmentQuery } from "./segment-query.js";

/** Most docs per window. */
export const MAX_WINDOW = 1 << 15;
/**
 * Partial sums are added in another order than exact scores, so they are compared with this
 * much more slack than `SLACK` (run-stats.ts): it only lets a few more docs be scored exactly.
 */
const CANDIDATE_SLACK = 1 + 1e-9;

export const sums = new Float64Array(MAX_WINDOW);
/** What the terms not yet added can still add to a candidate. */
export const rest = new Float64Array(MAX_WINDOW);
export const seen = new Uint8Array(MAX_WINDOW);
/** Bit k: the doc is in term k's high list, whose posting is already in its sum (high-list windows). */
export const inHigh = new Uint32Array(MAX_WINDOW);
export const touched = new Int32Array(MAX_WINDOW);
export const candidates = new Int32Array(MAX_WINDOW);
/** Scratch for merging runs of candidates. */
export const pending = new Int32Array(MAX_WINDOW);
/** Where each essential term's docs start in `touched` (addEssential), then in `candidates`. */
let runStart = new Int32Array(16);

/** Zeroes the buffers before a run of a query of n terms. */
export function clearWindowSums(n: number): void {
  if (runStart.length <= n) runStart = new Int32Array(n + 1);
  sums.fill(0);
  seen.fill(0);
  inHigh.fill(0);
}

/**
 * Lowers each candidate's rest by what the term just added may no longer add — `inList` when bit
 * k of `inHigh` is set, else `outsideList` — and keeps those whose sum plus rest can still reach
 * `threshold`; returns how many.
 */
export function keepReachable(count: number, threshold: number, k: number, inList: number, outsideList: number): number {
  let kept = 0;
  for (let c = 0; c < count; c++) {
    const at = candidates[c]!;
    const left = (rest[at] = rest[at]! - ((inHigh[at]! >>> k) & 1 ? inList : outsideList));
    if ((sums[at]! + left) * CANDIDATE_SLACK >= threshold) candidates[kept++] = at;
    else drop(at);
  }
  return kept;
}

export function drop(at: number) {
  sums[at] = 0;
  inHigh[at] = 0;
}

/**
 * Moves the touched docs that can reach `threshold` with `others` more (less `out[k]` for each
 * high list k they are in) to `candidates`, in doc order; returns how many. `touched` holds
 * `runs` increasing runs (one per essential term, from `runStart`), merged here; `span` is the
 * window's length.
 */
export function firstCandidates(touchedCount: number, runs: number, others: number, threshold: number, out: Float64Array, span: number): number {
  let kept = 0;
  let r = 0;
  for (let t = 0; t < touchedCount; t++) {
    while (r < runs && runStart[r] === t) runStart[r++] = kept;
    const at = touched[t]!;
    seen[at] = 0;
    // A doc in an essential high list weighs there what was added, not the list's outside bound.
    let left = others;
    for (let bits = inHigh[at]!; bits !== 0; bits &= bits - 1) left -= out[31 - Math.clz32(bits & -bits)]!;
    if ((sums[at]! + left) * CANDIDATE_SLACK >= threshold) {
      candidates[kept++] = at;
      rest[at] = left;
    } else drop(at);
  }
  while (r <= runs) runStart[r++] = kept;
  // Merging run after run copies the candidates once a run: with many essential terms (a pasted
  // abstract) reading the window's sums in order is cheaper. Only candidates have a sum above 0
  // (every posting added weighs more than 0, and dropped docs are zeroed).
  if (runs > 2 && (runs - 1) * kept > span) {
    let o = 0;
    for (let at = 0; at < span; at++) if (sums[at] !== 0) candidates[o++] = at;
    return kept;
  }
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

/**
 * Adds the essential terms' sources (`sources[j]` for term order[j]: its high list or whole list)
 * into the sums, marking high-list docs in `inHigh`; the docs touched (offsets from start) go to
 * `touched`, a run per term.
 */
export function addEssential(q: SegmentQuery, sources: ListBlocks[], order: number[], firstEssential: number, start: number, end: number): number {
  // Locals for the hot loop: module bindings and properties cost a check or a load per use.
  const ids = q.optional;
  const lastDoc = q.seg.a.blockLastDoc;
  const docs = blockDocs;
  const combos = blockCombos;
  const sum = sums;
  const seenAt = seen;
  const touchedAt = touched;
  const marks = inHigh;
  const weight = new ComboWeight(q);
  let touchedCount = 0;
  for (let j = firstEssential; j < order.length; j++) {
    runStart[j - firstEssential] = touchedCount;
    const k = order[j]!;
    const list = sources[j]!;
    const mark = list.isHigh ? 1 << k : 0;
    weight.use(ids[k]!);
    for (let b = list.next; b < list.end; b++) {
      const count = list.decode(b);
      for (let p = 0; p < count; p++) {
        const doc = docs[p]!;
        if (doc < start) continue;
        if (doc > end) break;
        const w = weight.of(doc, combos[p]!);
        if (w === 0) continue;
        const at = doc - start;
        if (seenAt[at] === 0) {
          seenAt[at] = 1;
          touchedAt[touchedCount++] = at;
        }
        sum[at] = sum[at]! + w;
        marks[at] = marks[at]! | mark;
      }
      if (lastDoc[b]! >= end) break;
    }
  }
  return touchedCount;
}

/**
 * Exact scores of a few known docs on a query's optional terms, a term at a time: each doc's
 * block is found by the blocks' last docs (galloping, not block by block as a cursor walks), and
 * only as much of it is decoded as the doc needs (index/block-probe.ts). A cursor advanced to each
 * doc decodes every block it lands on whole, and when the docs are far apart each lands on a block
 * of its own: the related-papers re-rank (similar.ts: 100 docs, 64 terms) and the champion seed
 * (champion-seed.ts) spent most of their time so. Contributions are kept per doc and added in
 * scorer order, as `SegmentQuery.total` adds them, so scores are bit-identical.
 */
import { BlockProbe } from "../index/block-probe.js";
import { BLOCK_SIZE } from "../index/segment.js";
import type { SegmentQuery } from "./segment-query.js";
import type { TopK } from "./top-k.js";

/** First block in [b, end) whose last doc is ≥ doc (end when none): galloping, then binary search. */
function seekBlock(lastDocs: Uint32Array, b: number, end: number, doc: number): number {
  if (b >= end || lastDocs[b]! >= doc) return b;
  let lo = b;
  let step = 1;
  let hi = b + 1;
  while (hi < end && lastDocs[hi]! < doc) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > end) hi = end;
  // lastDocs[lo] < doc; lastDocs[hi] ≥ doc or hi = end.
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (lastDocs[mid]! < doc) lo = mid;
    else hi = mid;
  }
  return hi;
}

const probe = new BlockProbe();

/**
 * Scores docs[0, m) (increasing) on every optional term of `q`: `scores[d]` gets doc d's score
 * and `found[d]` 1 when some term counts there (0 and 0 otherwise). Does not move the query's
 * cursors.
 */
export function scoreListedDocs(
  q: SegmentQuery,
  docs: ArrayLike<number>,
  m: number,
  scores: Float64Array,
  found: Uint8Array,
): void {
  const n = q.contribution.length;
  const contributions = new Float64Array(m * n);
  found.fill(0, 0, m);
  const { blockLastDoc, blockPostings, postings } = q.seg.a;
  for (const i of q.optional) {
    const cursor = q.cursors[i]!;
    const first = cursor.firstBlock;
    const end = cursor.endBlock;
    let b = first;
    let opened = -1;
    for (let d = 0; d < m; d++) {
      const doc = docs[d]!;
      b = seekBlock(blockLastDoc, b, end, doc);
      if (b >= end) break;
      if (b !== opened) {
        opened = b;
        probe.open(
          postings,
          blockPostings[b]!,
          Math.min(BLOCK_SIZE, cursor.df - (b - first) * BLOCK_SIZE),
          b > first ? blockLastDoc[b - 1]! : -1,
        );
      }
      const at = probe.find(doc);
      if (at >= 0 && q.scoreCombo(i, doc, probe.combo(at))) {
        contributions[d * n + i] = q.contribution[i]!;
        found[d] = 1;
      }
    }
  }
  for (let d = 0; d < m; d++) {
    let score = 0;
    for (let i = 0; i < n; i++) score += contributions[d * n + i]!;
    scores[d] = score;
  }
}

/**
 * The docs of `docs` the query's filters accept, scored a term at a time and offered to `heap`;
 * returns how many hold a term.
 */
export function offerListedDocs(q: SegmentQuery, docs: ArrayLike<number>, heap: TopK, base: number): number {
  const accepted = new Int32Array(docs.length);
  let m = 0;
  for (let d = 0; d < docs.length; d++) if (q.filter.accepts(docs[d]!)) accepted[m++] = docs[d]!;
  const scores = new Float64Array(m);
  const found = new Uint8Array(m);
  scoreListedDocs(q, accepted, m, scores, found);
  let matched = 0;
  for (let d = 0; d < m; d++) {
    if (found[d] === 0) continue;
    matched++;
    if (!heap.full || scores[d]! >= heap.threshold) heap.offer(scores[d]!, base + accepted[d]!);
  }
  return matched;
}

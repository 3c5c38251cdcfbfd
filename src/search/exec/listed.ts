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
import { ListProbe } from "../index/list-probe.js";
import type { SegmentQuery } from "./segment-query.js";
import type { TopK } from "./top-k.js";

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
  for (const i of q.optional) {
    const list = new ListProbe(q.seg, q.cursors[i]!.term, probe);
    for (let d = 0; d < m; d++) {
      const doc = docs[d]!;
      const combo = list.combo(doc);
      if (combo >= 0 && q.scoreCombo(i, doc, combo)) {
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

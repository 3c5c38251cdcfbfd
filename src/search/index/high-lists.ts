/**
 * High lists: for each term with many postings, its postings of highest tf~ (the top `share` of
 * them), kept a second time as a list of their own, and a bound on its tf~ in every other doc.
 *
 * Why: in an OR query of two or three common words the top ten are papers where every word
 * weighs near its most, and each 128-posting block of a common word holds a few such papers, so
 * block bounds skip almost nothing and the long lists were decoded whole. With high lists, a doc
 * outside every term's high list is bounded by the sum of the lower bounds; once that cannot
 * reach the k-th score, only the short high lists are read and the long ones are only probed
 * (exec/high-scan.ts). The postings stay in the term's own list: phrases, required terms and
 * every other strategy never see the high list.
 *
 * A high list is stored as a term of its own, the term's bytes followed by a zero byte. No
 * analysed term holds a zero byte, and "term\0" sorts right after "term" and before any longer
 * term, so it is written right after the term and found next to it, with blocks, block bounds,
 * persistence and memory mapping as for any term. Merges drop the inputs' high lists and pick
 * new ones for the merged postings.
 */

/**
 * `minDf`: terms with fewer postings get no high list (default 8,192, ≥ 1): their lists are
 * short enough to read. `share`: the part of a term's postings in its high list (default 1/16,
 * 0–1); a larger share prunes more often and costs memory (about 1.5 bytes a high posting).
 * Tests lower `minDf` to exercise the path on small corpora; a segment records its lists, not
 * these settings.
 */
export const HIGH_LISTS = { minDf: 8_192, share: 1 / 16 };

/** The term under which `term`'s high list is stored. */
export function highListBytes(term: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(term.length + 1);
  bytes.set(term);
  return bytes;
}

/** Whether term t (of the given dictionary) is a high list: it ends with a zero byte. */
export function isHighList(termBytes: Uint8Array, termOffsets: Uint32Array, t: number): boolean {
  const end = termOffsets[t + 1]!;
  return end > termOffsets[t]! && termBytes[end - 1] === 0;
}

/**
 * The least tf~ of the high list of a term whose postings weigh `tf` (in any order): a value
 * such that about `share` of the postings reach it, from a sample of at most 4,096. Postings
 * reaching it go into the high list; the others are bounded by the largest tf~ below it.
 */
export function highCut(tf: Float64Array, n: number, share: number): number {
  const step = Math.max(1, Math.floor(n / 4_096));
  const sample = new Float64Array(Math.ceil(n / step));
  for (let i = 0, k = 0; i < n; i += step) sample[k++] = tf[i]!;
  sample.sort();
  const rank = Math.min(sample.length - 1, Math.floor(sample.length * (1 - share)));
  // Above the greatest value, nothing would be high: keep the single top value then.
  return sample[rank]!;
}

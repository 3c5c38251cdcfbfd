/**
 * The first step of an OR query's top k (maxscore.ts): score, exactly, the champions of every
 * term that has a list (index/champions.ts). The heap then holds strong hits before any long list
 * is read, and the docs scored here are skipped later, so for every other doc a listed term
 * weighs at most its tail bound instead of its highest bound.
 */
import { NO_MORE_DOCS } from "../index/cursor.js";
import { offerListedDocs } from "./listed.js";
import type { SegmentQuery } from "./segment-query.js";
import type { TopK } from "./top-k.js";

export interface ChampionSeed {
  /** Docs already scored, increasing: the rest of the run skips them. */
  scored: Int32Array;
  /** Per optional scorer (in `q.optional` order), its bound outside `scored`. */
  tail: Float64Array;
  /** Docs of `scored` that matched. */
  matched: number;
}

/** Docs a seed already scored, asked in increasing doc order: the run skips them. */
export class SeededDocs {
  private next = 0;

  constructor(private readonly scored: Int32Array) {}

  /** Whether `doc` was scored (docs asked must not decrease). */
  has(doc: number): boolean {
    const scored = this.scored;
    while (this.next < scored.length && scored[this.next]! < doc) this.next++;
    return this.next < scored.length && scored[this.next] === doc;
  }
}

/** Scores the champions into `heap`; null when no term has a list (or the query needs positions). */
export function seedFromChampions(q: SegmentQuery, heap: TopK, base: number): ChampionSeed | null {
  if (q.positional) return null;
  const ids = q.optional;
  const seg = q.seg;
  const { champStart, champDocs, champTailTf } = seg.a;
  const tail = new Float64Array(ids.length);
  const lists: number[] = [];
  ids.forEach((i, k) => {
    const list = seg.championList(q.cursors[i]!.term);
    tail[k] = list < 0 ? q.bound[i]! : Math.min(q.bound[i]!, q.boundOf(i, champTailTf[list]!));
    if (list >= 0) lists.push(list);
  });
  if (lists.length === 0) return null;
  let total = 0;
  for (const list of lists) total += champStart[list + 1]! - champStart[list]!;
  const all = new Int32Array(total);
  let at = 0;
  for (const list of lists) {
    all.set(champDocs.subarray(champStart[list]!, champStart[list + 1]!), at);
    at += champStart[list + 1]! - champStart[list]!;
  }
  all.sort();
  let unique = 0;
  for (let j = 0; j < all.length; j++) if (j === 0 || all[j] !== all[j - 1]) all[unique++] = all[j]!;
  const scored = all.subarray(0, unique);
  // Scored a term at a time (listed.ts): the champions of a few terms are hundreds of docs far
  // apart, most of them in a block of their own in every list.
  const matched = offerListedDocs(q, scored, heap, base);
  return { scored, tail, matched };
}

/**
 * Scores `doc` on every optional term, advancing their cursors to it (docs asked must not
 * decrease), and offers it to the heap; false when no term matches there.
 */
export function offerScored(q: SegmentQuery, heap: TopK, base: number, doc: number): boolean {
  q.reset();
  let any = false;
  for (const i of q.optional) {
    const c = q.cursors[i]!;
    if (c.doc !== NO_MORE_DOCS && c.advance(doc) === doc && q.score(i, doc)) any = true;
  }
  if (!any) return false;
  const score = q.total();
  if (!heap.full || score >= heap.threshold) heap.offer(score, base + doc);
  return true;
}

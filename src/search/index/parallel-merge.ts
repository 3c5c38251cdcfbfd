/**
 * The final merge of a parallel build, split by term: each worker writes the postings of one
 * range of terms from all chunk segments (on shared memory, so they are not copied per worker),
 * and the ranges are joined. The doc table and combo table are made once, here.
 */
import type { Bm25fParams } from "../fields.js";
import { CHAMPIONS } from "./champions.js";
import { HIGH_LISTS } from "./high-lists.js";
import type { ChunkPool } from "./parallel.js";
import { concatPostings } from "./postings-concat.js";
import { planMerge } from "./segment-merge.js";
import { SEGMENT_ARRAYS, Segment, type SegmentArrays } from "./segment.js";
import { noSignatures, withSignatures } from "./signatures.js";

type Typed = SegmentArrays[keyof SegmentArrays];

function shared<T extends Typed>(a: T): T {
  const copy = new (a.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength));
  copy.set(a as never);
  return copy;
}

/**
 * Range boundaries splitting the terms of the largest segment into `parts` ranges of about
 * equal postings bytes (the other segments' terms follow the same distribution).
 */
function splitTerms(segs: readonly Segment[], parts: number): Array<Uint8Array | null> {
  const seg = segs.reduce((a, b) => (b.a.postings.length > a.a.postings.length ? b : a));
  const { blockStart, blockPostings, termBytes, termOffsets } = seg.a;
  const bounds: Array<Uint8Array | null> = [null];
  let t = 0;
  for (let k = 1; k < parts; k++) {
    const target = (seg.a.postings.length * k) / parts;
    while (t < seg.termCount - 1 && blockPostings[blockStart[t + 1]!]! < target) t++;
    bounds.push(termBytes.slice(termOffsets[t], termOffsets[t + 1]));
  }
  bounds.push(null);
  return bounds;
}

/**
 * Merges `segments` on the pool's workers, then closes the pool. The chunks are copied to shared
 * memory one at a time and each is taken out of `segments` as it is copied, so (when the caller
 * holds no other reference) the two copies of all chunks never coexist: at millions of papers
 * that is the build's peak. On failure `segments` holds the shared copies, for merging on this
 * thread; on success it is emptied.
 */
export async function mergeInParallel(pool: ChunkPool, segments: Segment[], params: Bm25fParams): Promise<Segment> {
  const plan = planMerge(segments.map((seg) => ({ seg, deleted: null })));
  const bounds = splitTerms(segments, pool.size);
  const inputs = segments.map((_, i) => {
    const copy = Object.fromEntries(SEGMENT_ARRAYS.map((name) => [name, shared(segments[i]!.a[name])])) as unknown as SegmentArrays;
    segments[i] = new Segment(copy, segments[i]!.name);
    return copy;
  });
  const parts = await Promise.all(
    bounds.slice(0, -1).map((from, k) =>
      pool.merge(
        {
          inputs,
          remap: plan.remap,
          codeMaps: plan.codeMaps,
          comboTf: plan.comboTf,
          comboCount: plan.comboCount,
          lengthCodes: plan.lengthCodes,
          avg: plan.avg,
          params,
          from,
          to: bounds[k + 1]!,
          champions: { ...CHAMPIONS },
          high: { ...HIGH_LISTS },
        },
        k,
      ),
    ),
  );
  // Joining copies every range once more. The chunks are not needed any longer: drop them here
  // and in the workers (which free shared memory only when they collect or exit) first, so the
  // chunks, the ranges and the joined arrays never coexist: that was the import's peak memory
  // at millions of papers. The pool is done after the merge, in every caller.
  segments.length = 0;
  inputs.length = 0;
  await pool.close();
  return withSignatures(new Segment({ ...plan.docs.finish(plan.lengthCodes), ...concatPostings(parts), buildAvg: plan.avg, ...noSignatures() }));
}

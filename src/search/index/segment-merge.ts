/**
 * Merges segments into one, dropping deleted docs. Docs keep their relative order (inputs in
 * order, then doc order), so renumbering is monotone and each term's postings are copied in one
 * pass: gaps, combo codes and position blocks re-packed.
 */
import { FIELD_COUNT, type Bm25fParams } from "../fields.js";
import { makeContext } from "../score/bm25f.js";
import { compareBytes } from "./bytes.js";
import { DocTable } from "./doc-table.js";
import { PostingsWriter } from "./postings-writer.js";
import { readBlock, readPositionValues } from "./block-codec.js";
import { isHighList } from "./high-lists.js";
import { BLOCK_SIZE, Segment } from "./segment.js";
import { noSignatures, signatureSteps, type OtherPapers } from "./signatures.js";

export interface MergeInput {
  seg: Segment;
  /** 1 for deleted docs; null when none are. */
  deleted: Uint8Array | null;
}

export function mergeSegments(inputs: readonly MergeInput[], params: Bm25fParams, others?: OtherPapers): Segment {
  const steps = mergeSteps(inputs, params, others);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Terms merged between two yields of `mergeSteps`: a few ms of work, a background turn's budget. */
const TERMS_PER_STEP = 500;
/**
 * Postings copied between two yields, whatever the number of terms: a step of a few hundred
 * terms that includes common ones ("model", "results") over tens of thousands of docs took far
 * more than a background turn's budget, and held the server's requests that long.
 */
const POSTINGS_PER_STEP = 25_000;
/** Docs renumbered between two yields while planning a merge (planning 16,000 docs at once took about 11 ms). */
const DOCS_PER_STEP = 2000;

/**
 * The merge in small steps, for running it in the background: each `next()` does a bounded
 * amount of work. Deletions made to the inputs while it plans may or may not be seen, those made
 * after planning are not: whoever deletes meanwhile applies them to the result again (SegmentSet).
 * Signatures are picked anew for the merged postings; `others`: the rest of the collection, for their idf.
 */
export function* mergeSteps(inputs: readonly MergeInput[], params: Bm25fParams, others?: OtherPapers): Generator<void, Segment> {
  const plan = yield* planSteps(inputs);
  const writer = new PostingsWriter(plan.comboTf, plan.comboCount, plan.lengthCodes, makeContext(params, plan.avg));
  yield;
  yield* mergeTerms(inputs.map((i) => i.seg), plan, writer, null, null);
  const merged = new Segment({ ...plan.docs.finish(plan.lengthCodes), ...writer.finish(), buildAvg: plan.avg, ...noSignatures() });
  return new Segment({ ...merged.a, ...(yield* signatureSteps(merged, others)) }, merged.name);
}

/** The output's doc table and combo table, and how each input's docs and combo codes map to it. */
export interface MergePlan {
  docs: DocTable;
  /** Per input, the new number of each doc (-1: deleted). */
  remap: Int32Array[];
  comboTf: Uint8Array;
  comboCount: Uint32Array;
  codeMaps: Int32Array[];
  lengthCodes: Uint8Array;
  avg: Float64Array;
}

export function planMerge(inputs: readonly MergeInput[]): MergePlan {
  const steps = planSteps(inputs);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The plan a few thousand docs at a time (a step per DOCS_PER_STEP docs renumbered). */
function* planSteps(inputs: readonly MergeInput[]): Generator<void, MergePlan> {
  const docs = new DocTable();
  const remap: Int32Array[] = [];
  let planned = 0;
  for (const { seg, deleted } of inputs) {
    const map = new Int32Array(seg.docCount).fill(-1);
    const lengths = seg.a.lengthCodes;
    for (let d = 0; d < seg.docCount; d++) {
      if (deleted?.[d]) continue;
      const cats = Array.from(seg.a.catIds.subarray(seg.a.catOffsets[d], seg.a.catOffsets[d + 1]), (c) => seg.categoryNames[c]!);
      map[d] = docs.add(seg.id(d), seg.a.days[d]!, seg.a.flags[d]!, cats, lengths.subarray(d * FIELD_COUNT, (d + 1) * FIELD_COUNT), true);
      if (++planned % DOCS_PER_STEP === 0) yield;
    }
    remap.push(map);
  }
  const { comboTf, comboCount, codeMaps } = mergeCombos(inputs.map((i) => i.seg));
  return { docs, remap, comboTf, comboCount, codeMaps, lengthCodes: docs.lengthCodes(), avg: docs.averages() };
}

/**
 * Writes the merged postings of the terms in [from, to) (UTF-8 bytes; null: unbounded), yielding
 * now and then.
 */
export function* mergeTerms(
  segs: readonly Segment[],
  plan: Pick<MergePlan, "remap" | "codeMaps">,
  writer: PostingsWriter,
  from: Uint8Array | null,
  to: Uint8Array | null,
): Generator<void, void> {
  const next = Int32Array.from(segs, (seg) => (from ? termAtLeast(seg, from) : 0));
  const end = Int32Array.from(segs, (seg) => (to ? termAtLeast(seg, to) : seg.termCount));
  const heap = new InputHeap(segs, next);
  for (let i = 0; i < segs.length; i++) if (next[i]! < end[i]!) heap.push(i);
  // The inputs holding the current term, in input order (so merged docs keep their order).
  const holding = new Int32Array(segs.length);
  let postings = 0;
  for (let terms = 0; heap.size > 0; terms++) {
    if (terms % TERMS_PER_STEP === TERMS_PER_STEP - 1 || postings >= POSTINGS_PER_STEP) {
      postings = 0;
      yield;
    }
    const min = heap.pop();
    const minSeg = segs[min]!;
    const t = next[min]!;
    let count = 0;
    holding[count++] = min;
    while (heap.size > 0 && compareTerm(segs[heap.top]!, next[heap.top]!, minSeg, t) === 0) holding[count++] = heap.pop();
    // High lists are picked anew for the merged postings (the writer adds them after their term).
    if (!isHighList(minSeg.a.termBytes, minSeg.a.termOffsets, t)) {
      writer.beginTerm(minSeg.a.termBytes.subarray(minSeg.a.termOffsets[t], minSeg.a.termOffsets[t + 1]));
      for (let k = 0; k < count; k++) {
        const i = holding[k]!;
        postings += segs[i]!.df(next[i]!);
        copyPostings(segs[i]!, next[i]!, plan.remap[i]!, plan.codeMaps[i]!, writer);
      }
      writer.endTerm();
    }
    for (let k = 0; k < count; k++) {
      const i = holding[k]!;
      if (++next[i]! < end[i]!) heap.push(i);
    }
  }
}

/**
 * The inputs with terms left, smallest current term first (ties: lower input first). A merge of
 * a whole snapshot's build has 50 and more inputs; scanning them all for every term took a
 * hundred comparisons a term, a heap takes a few.
 */
class InputHeap {
  private readonly items: Int32Array;
  size = 0;

  constructor(
    private readonly segs: readonly Segment[],
    private readonly next: Int32Array,
  ) {
    this.items = new Int32Array(segs.length);
  }

  get top(): number {
    return this.items[0]!;
  }

  private less(a: number, b: number): boolean {
    const c = compareTerm(this.segs[a]!, this.next[a]!, this.segs[b]!, this.next[b]!);
    return c < 0 || (c === 0 && a < b);
  }

  push(input: number) {
    const items = this.items;
    let at = this.size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.less(input, items[parent]!)) break;
      items[at] = items[parent]!;
      at = parent;
    }
    items[at] = input;
  }

  pop(): number {
    const items = this.items;
    const top = items[0]!;
    const last = items[--this.size]!;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.less(items[child + 1]!, items[child]!)) child++;
      if (!this.less(items[child]!, last)) break;
      items[at] = items[child]!;
      at = child;
    }
    if (this.size > 0) items[at] = last;
    return top;
  }
}

/** The first term of `seg` not below `bytes` (termCount when none). */
function termAtLeast(seg: Segment, bytes: Uint8Array): number {
  const { termBytes, termOffsets } = seg.a;
  let lo = 0;
  let hi = seg.termCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareBytes(termBytes, termOffsets[mid]!, termOffsets[mid + 1]!, bytes, 0, bytes.length) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function compareTerm(a: Segment, ta: number, b: Segment, tb: number): number {
  return compareBytes(a.a.termBytes, a.a.termOffsets[ta]!, a.a.termOffsets[ta + 1]!, b.a.termBytes, b.a.termOffsets[tb]!, b.a.termOffsets[tb + 1]!);
}

function copyPostings(seg: Segment, t: number, remap: Int32Array, codeMap: Int32Array, writer: PostingsWriter) {
  const { postings, blockStart, blockPostings, blockLastDoc } = seg.a;
  const df = seg.df(t);
  const total = seg.comboTotal;
  const first = blockStart[t]!;
  const end = blockStart[t + 1]!;
  for (let b = first; b < end; b++) {
    const n = Math.min(BLOCK_SIZE, df - (b - first) * BLOCK_SIZE);
    const at = readBlock(postings, blockPostings[b]!, n, b > first ? blockLastDoc[b - 1]! : -1, docs, combos);
    let count = 0;
    for (let i = 0; i < n; i++) count += total[combos[i]!]!;
    // The block's positions decoded at once: a patched run is cheapest read front to back.
    if (values.length < count) values = new Int32Array(2 * count);
    readPositionValues(postings, at, 0, count, values);
    let value = 0;
    for (let i = 0; i < n; i++) {
      const newDoc = remap[docs[i]!]!;
      const next = value + total[combos[i]!]!;
      if (newDoc >= 0) {
        // Position values are relative within a posting, so they copy as they are.
        writer.addPosting(newDoc, codeMap[combos[i]!]!);
        writer.appendPositionValues(values, value, next);
      }
      value = next;
    }
  }
}

const docs = new Int32Array(BLOCK_SIZE);
const combos = new Int32Array(BLOCK_SIZE);
let values = new Int32Array(BLOCK_SIZE * 16);

/** One combo table for the output, ranked by summed frequency, and each input's code map. */
function mergeCombos(segs: readonly Segment[]) {
  const counts = new Map<string, number>();
  for (const seg of segs) {
    for (let code = 0; code < seg.a.comboCount.length; code++) {
      const key = seg.a.comboTf.subarray(code * FIELD_COUNT, (code + 1) * FIELD_COUNT).join(",");
      counts.set(key, (counts.get(key) ?? 0) + seg.a.comboCount[code]!);
    }
  }
  const ranked = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const codeOfKey = new Map(ranked.map(([key], code) => [key, code]));
  const comboTf = new Uint8Array(ranked.length * FIELD_COUNT);
  const comboCount = new Uint32Array(ranked.length);
  ranked.forEach(([key, count], code) => {
    comboTf.set(key.split(",").map(Number), code * FIELD_COUNT);
    comboCount[code] = Math.min(count, 0xffffffff);
  });
  const codeMaps = segs.map((seg) =>
    Int32Array.from({ length: seg.a.comboCount.length }, (_, code) =>
      codeOfKey.get(seg.a.comboTf.subarray(code * FIELD_COUNT, (code + 1) * FIELD_COUNT).join(","))!,
    ),
  );
  return { comboTf, comboCount, codeMaps };
}

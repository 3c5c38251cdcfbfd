import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { Analyzer } from "../analyze/analyzer.js";
import { ALL_FIELDS, DEFAULT_BM25F } from "../fields.js";
import { makeContext, tfTilde } from "../score/bm25f.js";
import { paperArb } from "../testing/random-corpus.js";
import { CHAMPIONS } from "./champions.js";
import { PostingsCursor, NO_MORE_DOCS } from "./cursor.js";
import { HIGH_LISTS, highCut, isHighList } from "./high-lists.js";
import { SegmentBuilder } from "./segment-builder.js";
import { mergeSegments } from "./segment-merge.js";
import type { Segment } from "./segment.js";

function postings(seg: Segment, t: number): Array<[number, number]> {
  const c = new PostingsCursor(seg, t);
  const out: Array<[number, number]> = [];
  for (let doc = c.nextDoc(); doc !== NO_MORE_DOCS; doc = c.nextDoc()) out.push([doc, c.combo()]);
  return out;
}

/** Every term's high list holds exactly its postings above the stored outside bound. */
function checkHighLists(seg: Segment): number {
  const ctx = makeContext(DEFAULT_BM25F, seg.a.buildAvg);
  const tf = (doc: number, combo: number) => tfTilde(ctx, seg.a.comboTf, combo, seg.a.lengthCodes, doc, ALL_FIELDS);
  let lists = 0;
  for (let t = 0; t < seg.termCount; t++) {
    if (isHighList(seg.a.termBytes, seg.a.termOffsets, t)) {
      assert.ok(t > 0 && seg.highList(t - 1) === t, `high list ${t} follows its term`);
      assert.ok(!isHighList(seg.a.termBytes, seg.a.termOffsets, t - 1), "no high list of a high list");
      continue;
    }
    const h = seg.highList(t);
    const list = seg.championList(t);
    const outside = list >= 0 ? seg.a.highTailTf[list]! : 0;
    if (h < 0) {
      assert.equal(outside, 0, `term ${seg.term(t)} has a bound but no list`);
      continue;
    }
    lists++;
    const all = postings(seg, t);
    const high = postings(seg, h);
    const inHigh = new Set(high.map(([doc]) => doc));
    assert.ok(high.length > 0 && high.length < all.length, seg.term(t));
    for (const [doc, combo] of high) assert.ok(all.some(([d, c]) => d === doc && c === combo), `${seg.term(t)}: high posting ${doc} is the term's`);
    let leastHigh = Infinity;
    let mostLow = 0;
    for (const [doc, combo] of all) {
      if (inHigh.has(doc)) leastHigh = Math.min(leastHigh, tf(doc, combo));
      else mostLow = Math.max(mostLow, tf(doc, combo));
    }
    assert.ok(leastHigh > mostLow, `${seg.term(t)}: the list splits the postings by tf~`);
    assert.ok(mostLow <= outside, `${seg.term(t)}: postings outside the list weigh at most its bound`);
  }
  return lists;
}

test("high lists hold a term's strongest postings; every other posting is under the stored bound, also after merges", () => {
  const saved = { champions: { ...CHAMPIONS }, high: { ...HIGH_LISTS } };
  Object.assign(CHAMPIONS, { minDf: 8, size: 4 });
  Object.assign(HIGH_LISTS, { minDf: 8, share: 0.25 });
  try {
    const [papers] = fc.sample(fc.tuple(...Array.from({ length: 300 }, (_, i) => paperArb(i))), { numRuns: 1, seed: 7 });
    const analyzer = new Analyzer();
    const parts = [0, 1, 2].map((c) => {
      const builder = new SegmentBuilder(analyzer);
      for (const p of papers!.slice(c * 100, (c + 1) * 100)) builder.add(p);
      return builder.finish(DEFAULT_BM25F);
    });
    for (const seg of parts) assert.ok(checkHighLists(seg) > 0);
    const merged = mergeSegments(parts.map((seg) => ({ seg, deleted: null })), DEFAULT_BM25F);
    assert.ok(checkHighLists(merged) > 0);
    // Merging drops the inputs' lists and picks new ones: no term appears twice.
    const terms = Array.from({ length: merged.termCount }, (_, t) => merged.term(t));
    assert.equal(new Set(terms).size, terms.length);
  } finally {
    Object.assign(CHAMPIONS, saved.champions);
    Object.assign(HIGH_LISTS, saved.high);
  }
});

test("the high cut keeps about the requested share of postings", () => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 50, maxLength: 5_000 }), fc.double({ min: 0.02, max: 0.5, noNaN: true }), (values, share) => {
      const tf = Float64Array.from(values);
      const cut = highCut(tf, tf.length, share);
      const above = values.filter((v) => v >= cut).length;
      // Sampled every n/4096 values and tied values: within a few percent plus ties at the cut.
      const ties = values.filter((v) => v === cut).length;
      assert.ok(above >= 1);
      assert.ok(above <= share * values.length + ties + 0.05 * values.length + 2, `${above} of ${values.length} at share ${share}`);
    }),
    { numRuns: 200 },
  );
});

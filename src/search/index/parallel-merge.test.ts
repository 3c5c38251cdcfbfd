import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { Analyzer } from "../analyze/analyzer.js";
import { DEFAULT_BM25F } from "../fields.js";
import { paperArb } from "../testing/random-corpus.js";
import { CHAMPIONS } from "./champions.js";
import { HIGH_LISTS } from "./high-lists.js";
import { ChunkPool } from "./parallel.js";
import { mergeInParallel } from "./parallel-merge.js";
import { SegmentBuilder } from "./segment-builder.js";
import { mergeSegments } from "./segment-merge.js";
import { SEGMENT_ARRAYS } from "./segment.js";

test("a merge split by term ranges over workers writes exactly the arrays of a merge in one pass", async () => {
  const [papers] = fc.sample(fc.tuple(...Array.from({ length: 400 }, (_, i) => paperArb(i))), { numRuns: 1, seed: 3 });
  const saved = { ...CHAMPIONS };
  const savedHigh = { ...HIGH_LISTS };
  Object.assign(CHAMPIONS, { minDf: 8, size: 4 });
  Object.assign(HIGH_LISTS, { minDf: 8, share: 0.25 });
  const pool = new ChunkPool(3);
  try {
    const analyzer = new Analyzer();
    const segments = [0, 1, 2, 3].map((c) => {
      const builder = new SegmentBuilder(analyzer);
      for (const p of papers!.slice(c * 100, (c + 1) * 100)) builder.add(p);
      return builder.finish(DEFAULT_BM25F);
    });
    const one = mergeSegments(segments.map((seg) => ({ seg, deleted: null })), DEFAULT_BM25F);
    const split = await mergeInParallel(pool, segments, DEFAULT_BM25F);
    assert.ok(one.a.champTerms.length > 0);
    assert.ok(one.a.highTailTf.some((tf) => tf > 0), "some terms have high lists");
    for (const name of SEGMENT_ARRAYS) assert.deepEqual(Array.from(split.a[name]), Array.from(one.a[name]), name);
  } finally {
    Object.assign(CHAMPIONS, saved);
    Object.assign(HIGH_LISTS, savedHigh);
    await pool.close();
  }
});

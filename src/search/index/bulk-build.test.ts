import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { Engine } from "../engine.js";
import { paperArb, queryArb } from "../testing/random-corpus.js";
import { buildSegment } from "./bulk-build.js";

test("a build in chunks on worker threads answers exactly like papers added one by one", async () => {
  // 300 papers: five chunks of 60, and fifteen of 20 (a merge of many inputs, most terms in few).
  const [papers] = fc.sample(fc.tuple(...Array.from({ length: 300 }, (_, i) => paperArb(i))), { numRuns: 1, seed: 11 });
  const queries = fc.sample(queryArb, { numRuns: 40, seed: 5 });
  const added = new Engine();
  for (const p of papers!) added.add(p);
  for (const [workers, chunkDocs] of [[2, 60], [0, 60], [2, 20], [0, 20]] as const) {
    const built = new Engine();
    const seg = await buildSegment([papers!.slice(0, 150), papers!.slice(150)], built.params, { workers, chunkDocs });
    built.segments.reset([{ seg: seg! }]);
    assert.equal(built.size, papers!.length);
    for (const q of queries) {
      const { tookMs: _a, ...expected } = added.search({ q, limit: 10 });
      const { tookMs: _b, ...actual } = built.search({ q, limit: 10 });
      assert.deepEqual(actual, expected, `${q} (workers ${workers}, chunks of ${chunkDocs})`);
    }
  }
});

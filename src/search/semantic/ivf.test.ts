/**
 * The inverted-list scan: the integer dot product against the float one, and `nearest` probing
 * every list against scoring every vector, after lists were made (rows renumbered list by list,
 * deleted rows dropped) and papers added or removed since.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { dotInt, dotInt8, nearestLeaves, quantizeQuery, trainCentroids } from "./ivf.js";
import { normalize } from "./model.js";
import { SemanticIndex } from "./semantic-index.js";

const byteArb = fc.integer({ min: -128, max: 127 });
const unitArb = (dim: number) =>
  fc
    .array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: dim, maxLength: dim })
    .map((xs) => normalize(Float32Array.from(xs)))
    .filter((v): v is Float32Array => v !== null);

test("integer scan: dotInt of the quantized query is the float dot product within 1e-4 of its bound", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 40 }).chain((dim) => fc.tuple(fc.constant(dim), unitArb(dim), fc.array(byteArb, { minLength: dim, maxLength: dim }))),
      fc.integer({ min: 0, max: 3 }),
      ([dim, q, bytes], offset) => {
        const data = new Int8Array(offset + dim);
        data.set(bytes, offset);
        const qi = new Int32Array(dim);
        const scale = quantizeQuery(q, qi);
        const exact = dotInt8(q, data, offset, dim);
        const bound = 128 * Math.sqrt(dim);
        assert.ok(Math.abs(dotInt(qi, data, offset, dim) * scale - exact) <= 1e-4 * bound, `${dotInt(qi, data, offset, dim) * scale} vs ${exact}`);
      },
    ),
  );
});

test("integer scan: no 32-bit overflow at the extremes, even in 2,048 dimensions", () => {
  for (const dim of [128, 384, 1024, 2048]) {
    const q = new Float32Array(dim).fill(-1 / Math.sqrt(dim));
    const qi = new Int32Array(dim);
    const scale = quantizeQuery(q, qi);
    const data = new Int8Array(dim).fill(-128);
    const expected = dotInt8(q, data, 0, dim);
    assert.ok(Math.abs(dotInt(qi, data, 0, dim) * scale - expected) < 1e-3 * Math.abs(expected), `dim ${dim}`);
  }
  const zero = new Int32Array(4);
  assert.equal(quantizeQuery(new Float32Array(4), zero), 0);
  assert.deepEqual([...zero], [0, 0, 0, 0]);
});

test("lists are centred: trained on the vectors minus their mean, and queries are ranked against lists the same way", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 10 }).chain((dim) =>
        fc.tuple(fc.constant(dim), fc.array(unitArb(dim), { minLength: 2, maxLength: 80 }), fc.array(unitArb(dim), { minLength: 1, maxLength: 5 })),
      ),
      fc.integer({ min: 1, max: 9 }),
      ([dim, vectors, queries], lists) => {
        const n = vectors.length;
        const sample = new Float32Array(n * dim);
        vectors.forEach((v, i) => sample.set(v, i * dim));
        const tree = trainCentroids(sample, n, dim, lists);
        for (let d = 0; d < dim; d++) {
          const mean = vectors.reduce((sum, v) => sum + v[d]!, 0) / n;
          assert.ok(Math.abs(tree.center![d]! - mean) < 1e-6);
        }
        const count = tree.leaves.length / dim;
        for (const q of queries) {
          const score = (leaf: number) => {
            let s = 0;
            for (let d = 0; d < dim; d++) s += (q[d]! - tree.center![d]!) * tree.leaves[leaf * dim + d]!;
            return s;
          };
          const expected = Array.from({ length: count }, (_, leaf) => leaf).sort((a, b) => score(b) - score(a) || a - b);
          const got = nearestLeaves(tree, q, count);
          // Same order, up to leaves whose scores tie within float error.
          got.forEach((leaf, i) => assert.ok(Math.abs(score(leaf) - score(expected[i]!)) < 1e-5, `rank ${i}`));
        }
      },
    ),
  );
});

test("nearest probing every list equals scoring every vector, after renumbering, additions and removals", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 12 }).chain((dim) =>
        fc.record({
          dim: fc.constant(dim),
          vectors: fc.array(unitArb(dim), { minLength: 1, maxLength: 120 }),
          removed: fc.array(fc.nat(200), { maxLength: 20 }),
          later: fc.array(unitArb(dim), { maxLength: 20 }),
          removedLater: fc.array(fc.nat(200), { maxLength: 5 }),
          lists: fc.integer({ min: 1, max: 12 }),
          queries: fc.array(unitArb(dim), { minLength: 1, maxLength: 4 }),
          k: fc.integer({ min: 0, max: 15 }),
        }),
      ),
      ({ dim, vectors, removed, later, removedLater, lists, queries, k }) => {
        const index = new SemanticIndex(null, dim, 4);
        vectors.forEach((v, i) => index.addVector(`p${i}`, v));
        for (const r of removed) index.remove(`p${r % vectors.length}`);
        const before = new Map([...index.rowOf.keys()].map((id) => [id, [...index.vectorOf(id)!]]));
        index.buildLists({ lists, minPapers: 1 });
        if (before.size > 0) assert.equal(index.ids.length, before.size, "deleted rows dropped");
        for (const [id, v] of before) assert.deepEqual([...index.vectorOf(id)!], v, `${id} keeps its vector`);
        later.forEach((v, i) => index.addVector(`q${i}`, v));
        for (const r of removedLater) index.remove(r % 2 ? `q${r % Math.max(1, later.length)}` : `p${r % vectors.length}`);
        for (const q of queries) {
          const got = index.nearest(q, k, { probe: 1e6 });
          // Every live vector scored the same way, best first, ties to the lower row.
          const qi = new Int32Array(dim);
          const scale = quantizeQuery(q, qi);
          const all = [...index.rowOf.entries()]
            .map(([id, row]) => ({ id, row, score: dotInt(qi, index.vectors, row * dim, dim) * scale * index.scales[row]! }))
            .sort((a, b) => b.score - a.score || a.row - b.row)
            .slice(0, k);
          assert.deepEqual(
            got.map((h) => [h.id, h.score]),
            all.map((h) => [h.id, h.score]),
          );
          // And the scores are the float cosines within quantization error.
          for (const h of got) assert.ok(Math.abs(h.score - index.scoreOf(q, h.id)) < 1e-3);
        }
      },
    ),
    { numRuns: 150 },
  );
});

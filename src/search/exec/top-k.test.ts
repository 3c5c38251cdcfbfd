import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { TopK } from "./top-k.js";

test("property: TopK keeps the k best (higher score, then earlier order) and its threshold is the k-th score once full", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 8 }), fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }), (k, scores) => {
      // Also checked with k = 0: full from the start, nothing kept.
      const heap = new TopK(k);
      const offered: Array<{ score: number; order: number }> = [];
      scores.forEach((score, order) => {
        heap.offer(score / 4, order);
        offered.push({ score: score / 4, order });
        const best = [...offered].sort((a, b) => b.score - a.score || a.order - b.order).slice(0, k);
        assert.equal(heap.full, offered.length >= k);
        assert.equal(heap.threshold, k === 0 ? 0 : heap.full ? best.at(-1)!.score : -Infinity);
      });
      assert.deepEqual(heap.sorted(), [...offered].sort((a, b) => b.score - a.score || a.order - b.order).slice(0, k));
    }),
  );
});

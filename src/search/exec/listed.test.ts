import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { makePaper } from "../../core/index.js";
import { Engine } from "../engine.js";
import { LISTED } from "./filter-driven.js";

/**
 * Lists of up to ~160 blocks (words in every doc, every 3rd, 7th … 97th), so that a listed doc's
 * block is found by long jumps over the blocks' last docs.
 */
const DOCS = 20_000;
const STRIDES = [1, 3, 7, 11, 29, 97];
const engine = new Engine({ timeBudgetMs: 0 });
const id = (i: number) => `2401.${String(10000 + i)}`;
for (let i = 0; i < DOCS; i++) {
  const words = STRIDES.filter((s) => i % s === 0).map((s) => `word${s}`);
  // Term frequencies and lengths vary, so that scores differ from doc to doc.
  const abstract = [...words, ...words.slice(0, 1 + (i % 4)), "filler ".repeat(i % 9)].join(" ");
  engine.add(
    makePaper({
      id: id(i),
      title: words.join(" "),
      abstract,
      authors: [{ name: "A B" }],
      categories: ["cs.LG"],
      announced: "2024-01-02",
    }),
  );
}
engine.search({ q: "", limit: 1 });

test("docs listed by id are scored a term at a time as the cursors score them", () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.nat(DOCS - 1), { minLength: 1, maxLength: 120 }),
      fc.subarray(STRIDES, { minLength: 1 }),
      fc.integer({ min: 1, max: 50 }),
      (docs, strides, limit) => {
        const q = `${strides.map((s) => `word${s}`).join(" ")} ${docs.map((d) => `id:${id(d)}`).join(" ")}`;
        const fast = engine.search({ q, limit });
        LISTED.maxDocs = 0;
        try {
          const slow = engine.search({ q, limit });
          assert.deepEqual(fast.hits, slow.hits);
          assert.equal(fast.total, slow.total);
        } finally {
          LISTED.maxDocs = 1_024;
        }
      },
    ),
    { numRuns: 60 },
  );
});

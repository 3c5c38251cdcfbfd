import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { parseArxivId } from "../../src/core/arxiv-id.js";
import { CorpusGenerator } from "../../bench/corpus.js";
import { monthsFor } from "../../bench/corpus/calendar.js";
import { learnCorpusModel } from "../../bench/corpus/learn.js";
import { createRandom } from "../../bench/corpus/prng.js";

const FIXTURES = path.join(import.meta.dirname, "../fixtures/bench-corpus");
const model = await learnCorpusModel([
  path.join(FIXTURES, "listings-first200.jsonl"),
  path.join(FIXTURES, "abs-first60.jsonl"),
]);
const generator = new CorpusGenerator(model, { reliableCount: 5, maxRanks: 200_000 });

test("learns lengths, names and categories from the real records", () => {
  assert.deepEqual(model.sources, [
    { file: "listings-first200.jsonl", records: 200 },
    { file: "abs-first60.jsonl", records: 60 },
  ]);
  assert.equal(model.abstractWords[0]![0], "the");
  assert.ok(model.categoriesRecent.some(([list]) => list.startsWith("cs.")));
  assert.ok(
    model.categoriesOld.some(([list]) => list.startsWith("acc-phys")),
    "1990s .abs records are old",
  );
  assert.ok(model.authorCounts.length > 5 && model.surnames.length > 500);
  assert.ok(model.abstractDistinctRatio > 0.4 && model.abstractDistinctRatio < 0.9);
});

test("the word model reproduces the observed vocabulary size and grows it for more text", () => {
  const words = generator.abstractWords;
  const observedDraws = model.abstractWords.reduce((sum, [, n]) => sum + n, 0);
  assert.ok(Math.abs(words.expectedVocabulary(observedDraws) - model.abstractWords.length) < 1);
  assert.ok(words.expectedVocabulary(observedDraws * 20) > 2 * model.abstractWords.length);
  assert.ok(words.exponent > 1 && words.exponent < 4, `exponent ${words.exponent}`);
});

test("papers are valid, unique, in date order, and the same on every run", () => {
  const first = [...generator.papers({ size: 3000, seed: 7 })];
  const again = [...generator.papers({ size: 3000, seed: 7 })];
  assert.equal(first.length, 3000);
  assert.deepEqual(again, first);
  assert.equal(new Set(first.map((p) => p.id)).size, 3000);
  for (const paper of first) {
    assert.equal(parseArxivId(paper.id)?.id, paper.id);
    assert.ok(
      paper.title && paper.abstract && paper.authors.length > 0 && paper.categories.length > 0,
      paper.id,
    );
  }
  const days = first.map((p) => p.announced);
  assert.deepEqual([...days].sort(), days);
  assert.ok(
    first[0]!.id.includes("/") && !first.at(-1)!.id.includes("/"),
    "old-style ids before 2007, new-style after",
  );
  const other = [...generator.papers({ size: 50, seed: 8 })];
  assert.notEqual(other[0]!.abstract, first[0]!.abstract);
});

test("a paper's text depends on its index only, not on the corpus size", () => {
  const small = [...generator.papers({ size: 100, seed: 3 })];
  const large = generator.papers({ size: 5000, seed: 3 });
  for (let i = 0; i < 100; i++) {
    const paper = large.next().value!;
    assert.equal(paper.title, small[i]!.title);
  }
  assert.equal(generator.text(3, 42).abstract, small[42]!.abstract.replace(/ Code: \S+$/, ""));
});

test("months follow arXiv's growth and add up to the size exactly", () => {
  const months = monthsFor(2_600_000);
  assert.equal(
    months.reduce((sum, m) => sum + m.count, 0),
    2_600_000,
  );
  const year = (y: number) => months.filter((m) => m.year === y).reduce((sum, m) => sum + m.count, 0);
  assert.ok(year(2024) > 5 * year(2000) && year(2000) > 5 * year(1992));
  assert.throws(() => monthsFor(20_000_000), /more than arXiv ids allow/);
});

test("streams are reproducible and independent", () => {
  const a = createRandom(1, 5);
  const b = createRandom(1, 5);
  const c = createRandom(1, 6);
  const xs = Array.from({ length: 5 }, () => a.next());
  assert.deepEqual(
    Array.from({ length: 5 }, () => b.next()),
    xs,
  );
  assert.notDeepEqual(
    Array.from({ length: 5 }, () => c.next()),
    xs,
  );
  assert.ok(xs.every((x) => x >= 0 && x < 1));
});

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { dayNumber } from "../days.js";
import { parseQuery } from "./parse.js";
import { planQuery } from "./plan.js";

test("free words are optional; quotes make a required phrase", () => {
  const q = parseQuery('graph neural "message passing"');
  assert.deepEqual(q.clauses, [
    { occur: "should", field: "all", phrase: false, text: "graph" },
    { occur: "should", field: "all", phrase: false, text: "neural" },
    { occur: "must", field: "all", phrase: true, text: "message passing" },
  ]);
});

test("+ and - mark required and excluded words and phrases", () => {
  const q = parseQuery('+transformer -vision -"image classification"');
  assert.deepEqual(q.clauses.map((c) => [c.occur, c.text, c.phrase]), [
    ["must", "transformer", false],
    ["mustNot", "vision", false],
    ["mustNot", "image classification", true],
  ]);
});

test("field prefixes, also on phrases", () => {
  const q = parseQuery('ti:diffusion au:"Yann LeCun" abs:sparse -au:smith');
  assert.deepEqual(q.clauses.map((c) => [c.occur, c.field, c.text, c.phrase]), [
    ["must", "title", "diffusion", false],
    ["must", "authors", "Yann LeCun", true],
    ["must", "abstract", "sparse", false],
    ["mustNot", "authors", "smith", false],
  ]);
});

test("categories, ids, dates and sort", () => {
  const q = parseQuery("cat:cs.LG cat:stat -cat:cs.CV id:2401.01234v2 id:hep-th/9901001 since:2024-06 until:2025 sort:newest");
  assert.deepEqual(q.categories, ["cs.lg", "stat"]);
  assert.deepEqual(q.excludedCategories, ["cs.cv"]);
  assert.deepEqual(q.ids, ["2401.01234", "hep-th/9901001"]);
  assert.equal(q.fromDay, dayNumber("2024-06-01"));
  assert.equal(q.toDay, dayNumber("2025-12-31"));
  assert.equal(q.sort, "newest");
  assert.equal(q.clauses.length, 0);
});

test("year: takes a year or a range", () => {
  assert.deepEqual([parseQuery("year:2019").fromDay, parseQuery("year:2019").toDay], [dayNumber("2019-01-01"), dayNumber("2019-12-31")]);
  const range = parseQuery("year:2019..2021");
  assert.deepEqual([range.fromDay, range.toDay], [dayNumber("2019-01-01"), dayNumber("2021-12-31")]);
});

test("broken syntax degrades to plain words", () => {
  assert.deepEqual(parseQuery('"unbalanced quote').clauses.map((c) => [c.text, c.phrase]), [["unbalanced", false], ["quote", false]]);
  assert.deepEqual(parseQuery("- + ti: au:").clauses.map((c) => c.text), ["ti:", "au:"], "a prefix before a space is a word");
  assert.deepEqual(parseQuery("since:yesterday id:notanid").clauses.map((c) => c.text), ["yesterday", "notanid"]);
  assert.deepEqual(parseQuery("foo:bar").clauses.map((c) => c.text), ["foo:bar"]);
  assert.deepEqual(parseQuery("a\u0000b").clauses.map((c) => c.text), ["a", "b"]);
});

test("a required hyphenated word becomes a phrase of its parts; an optional one any of its terms", () => {
  const required = planQuery(parseQuery("+GPT-4"));
  assert.deepEqual(required.scorers.map((s) => [s.term, s.required]), [["gpt", true], ["4", true]]);
  assert.equal(required.phrases.length, 1);
  const optional = planQuery(parseQuery("GPT-4"));
  assert.deepEqual(optional.scorers.map((s) => s.term), ["gpt", "4", "gpt4"]);
  assert.equal(optional.phrases.length, 0);
});

test("hostile strings never throw", () => {
  const hostile = ["", "\u0000", "🙂".repeat(500), "x".repeat(10_000), '"'.repeat(101), "-".repeat(50), "ti:".repeat(300), "year:9999..0000", "id:", "+-+-"];
  for (const q of hostile) assert.doesNotThrow(() => planQuery(parseQuery(q)));
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 300 }), (q) => {
      planQuery(parseQuery(q));
    }),
    { numRuns: 2000 },
  );
  fc.assert(
    fc.property(fc.array(fc.constantFrom("ti:", "au:", '"', "+", "-", " ", "cat:", "year:", "..", "2019", "x", "\\", "$", "é"), { maxLength: 40 }), (parts) => {
      planQuery(parseQuery(parts.join("")));
    }),
    { numRuns: 2000 },
  );
});

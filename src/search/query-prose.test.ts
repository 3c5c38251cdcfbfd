import assert from "node:assert/strict";
import { test } from "node:test";
import { parseQuery } from "./query/parse.js";
import { planQuery } from "./query/plan.js";
import { createSearchEngine } from "./index.js";
import { loadFixturePapers } from "./testing/fixture-papers.js";

const engine = createSearchEngine();
for (const p of loadFixturePapers()) engine.add(p);

test("prose: a bare quoted phrase boosts its words; +\"…\" and short queries still require it", () => {
  const prose = parseQuery('papers on text formatting, including "what you see" editors');
  assert.deepEqual(prose.clauses.filter((c) => c.phrase).map((c) => c.occur), ["should"]);
  assert.equal(planQuery(prose).phrases.length, 0);
  const strict = parseQuery('papers on text formatting, including +"what you see" editors');
  assert.deepEqual(strict.clauses.filter((c) => c.phrase).map((c) => c.occur), ["must"]);
  assert.deepEqual(parseQuery('"message passing" graph').clauses[0]!.occur, "must");
});

test("repeated words and phrase words weigh more (query-term frequency)", () => {
  const weightOf = (q: string, term: string) => planQuery(parseQuery(q)).scorers.find((s) => s.term === term)?.weight;
  assert.equal(weightOf("graphene graphene oxide", "graphen"), 2);
  assert.equal(weightOf("graphene oxide", "graphen"), 1);
  assert.equal(weightOf('graphene films made by chemical "vapour deposition" methods', "deposit"), 2);
  // Given twice, a word's score grows by (k3 + 1)·2 / (k3 + 2) = 4/3 with the default k3 of 1.
  const scoreOf = (q: string) => engine.search({ q }).hits.find((h) => h.id === "0704.0027")!.score;
  assert.ok(Math.abs(scoreOf("graphene graphene diphoton") / scoreOf("graphene diphoton") - 4 / 3) < 1e-9);
});

test("punctuation and unknown or dangling prefixes are words", () => {
  assert.deepEqual(parseQuery("Examples: troff, scribe.").clauses.map((c) => c.text), ["Examples:", "troff,", "scribe."]);
  assert.deepEqual(planQuery(parseQuery("Title: graphene")).scorers.map((s) => s.term), ["titl", "graphen"]);
});

test("a strict query that finds nothing falls back to its words, and says so", () => {
  const strict = engine.search({ q: '"graphene diphoton"' });
  assert.equal(strict.total, 0);
  assert.equal(strict.relaxed, undefined);
  const relaxed = engine.search({ q: '"graphene diphoton"', relaxIfEmpty: true });
  assert.ok(relaxed.total >= 2);
  assert.deepEqual(relaxed.relaxed, { phrases: ["graphene diphoton"], words: [] });
  assert.deepEqual(new Set(relaxed.hits.slice(0, 2).map((h) => h.id)), new Set(["0704.0001", "0704.0027"]));
  // A query that matches as written is not relaxed.
  assert.equal(engine.search({ q: '"dipole approximation"', relaxIfEmpty: true }).relaxed, undefined);
});

test("a pasted abstract keeps its best terms by idf and finds its paper first", () => {
  const source = loadFixturePapers().find((p) => p.id === "0704.0033")!;
  const result = engine.search({ q: `${source.title} ${source.abstract}`.slice(0, 4000) });
  assert.equal(result.hits[0]!.id, "0704.0033");
  assert.equal(result.timedOut, undefined);
});

test("did you mean: unknown words respelled from the index vocabulary", () => {
  assert.equal(engine.suggest("quantun temperture"), "quantum temperature");
  assert.equal(engine.suggest("magnetc feild"), "magnetic field", "of two spellings of one term, the one with a letter added");
  assert.equal(engine.suggest("graphene dipole"), null, "words the papers use, however rarely, are left alone");
  assert.equal(engine.suggest(""), null);
});

test("similar: papers like a paper, itself left out", () => {
  const dipole = ["0704.0033", "0704.0035", "0704.0037", "0704.0038"];
  const source = loadFixturePapers().find((p) => p.id === "0704.0033")!;
  const hits = engine.similar({ title: source.title, abstract: source.abstract, excludeId: source.id, limit: 3 }).hits.map((h) => h.id);
  assert.ok(!hits.includes(source.id));
  assert.deepEqual(new Set(hits), new Set(dipole.filter((id) => id !== source.id)));
  // A paper not indexed can be the example too.
  const text = { title: "Discrete dipole approximation for light scattering", abstract: "We simulate light scattering by particles with the discrete dipole approximation." };
  assert.ok(dipole.includes(engine.similar({ ...text, limit: 1 }).hits[0]!.id));
});

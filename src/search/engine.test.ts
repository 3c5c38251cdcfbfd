import assert from "node:assert/strict";
import { test } from "node:test";
import { makePaper } from "../core/index.js";
import { createSearchEngine } from "./index.js";
import { loadFixturePapers } from "./testing/fixture-papers.js";

const papers = loadFixturePapers();

function fixtureEngine() {
  const engine = createSearchEngine();
  for (const p of papers) engine.add(p);
  return engine;
}

test("'diphoton' finds 0704.0001 first", () => {
  const result = fixtureEngine().search({ q: "diphoton" });
  assert.equal(result.hits[0]?.id, "0704.0001");
  assert.deepEqual(result.highlightTerms, ["diphoton"]);
});

test("an empty query lists everything, newest first, paged", () => {
  const engine = fixtureEngine();
  const result = engine.search({ q: "", limit: 5, offset: 2 });
  assert.equal(result.total, papers.length);
  assert.equal(result.hits.length, 5);
  assert.ok(result.hits.every((h) => h.score === 0));
});

test("a removed paper is gone from the next query; a replaced one is found by its new words", () => {
  const engine = fixtureEngine();
  engine.remove("0704.0001");
  assert.ok(!engine.search({ q: "diphoton" }).hits.some((h) => h.id === "0704.0001"));
  assert.equal(engine.size, papers.length - 1);
  engine.add(makePaper({ id: "0704.0002", title: "Sparsity-certifying graph decompositions of zebras", abstract: "", authors: [{ name: "A. B" }], categories: ["math.CO"] }));
  assert.equal(engine.search({ q: "zebras" }).hits[0]?.id, "0704.0002");
  assert.equal(engine.size, papers.length - 1);
});

test("category filters accept archives and exact categories", () => {
  const engine = fixtureEngine();
  const hepPh = engine.search({ q: "", limit: 200, filters: { categories: ["hep-ph"] } });
  assert.ok(hepPh.total > 0 && hepPh.total < papers.length);
  const math = engine.search({ q: "", limit: 200, filters: { categories: ["math"] } });
  assert.ok(math.hits.length > 0);
  const byId = new Map(papers.map((p) => [p.id, p]));
  for (const hit of math.hits) assert.ok(byId.get(hit.id)!.categories.some((c) => c.startsWith("math")), hit.id);
});

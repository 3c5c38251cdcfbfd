import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { CorpusGenerator } from "../../bench/corpus.js";
import { parseSize, sizeLabel } from "../../bench/corpus-file.js";
import { learnCorpusModel } from "../../bench/corpus/learn.js";
import { hostileQueries } from "../../bench/fuzz.js";
import { buildQuerySet, QUERY_KINDS, toBaselineText, toSearchRequest } from "../../bench/queries.js";
import { updateResults } from "../../bench/report.js";
import { runFts5 } from "../../bench/search/fts5.js";
import { runFuzz } from "../../bench/search/fuzz-run.js";
import { buildOurs, serveOurs } from "../../bench/search/ours.js";
import { percentile, summarize } from "../../bench/stats.js";
import { createSearchEngine } from "../../src/search/index.js";

const FIXTURES = path.join(import.meta.dirname, "../fixtures/bench-corpus");
const model = await learnCorpusModel([
  path.join(FIXTURES, "listings-first200.jsonl"),
  path.join(FIXTURES, "abs-first60.jsonl"),
]);
const generator = new CorpusGenerator(model, { reliableCount: 5, maxRanks: 200_000 });
const root = fs.mkdtempSync(path.join(os.tmpdir(), "paperfeed-bench-test-"));
after(() => fs.rmSync(root, { recursive: true, force: true }));

test("nearest-rank percentiles and QPS, computed by hand", () => {
  const latencies = [5, 1, 4, 2, 3, 10, 6, 7, 8, 9];
  assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50), 5);
  assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95), 10);
  const s = summarize(latencies);
  assert.deepEqual([s.count, s.p50, s.p95, s.p99, s.max, s.mean], [10, 5, 10, 10, 10, 5.5]);
  assert.equal(s.qps, 10 / 0.055); // 10 queries in 55 ms
});

test("sizes read and print as 100k, 1M, 2.6M", () => {
  assert.deepEqual(["100k", "1M", "2.6M", "5000"].map(parseSize), [100_000, 1_000_000, 2_600_000, 5000]);
  assert.deepEqual([100_000, 1_000_000, 2_600_000, 5000, 1234].map(sizeLabel), [
    "100k",
    "1M",
    "2.6M",
    "5k",
    "1234",
  ]);
  assert.throws(() => parseSize("lots"), /not a number/);
});

test("the query set is deterministic, mixes every kind, and renders for both engines", () => {
  const queries = buildQuerySet(generator, { count: 400, corpusSize: 2000 });
  assert.deepEqual(buildQuerySet(generator, { count: 400, corpusSize: 2000 }), queries);
  assert.deepEqual([...new Set(queries.map((q) => q.kind))].sort(), [...QUERY_KINDS].sort());
  assert.ok(
    queries.every(
      (q) => q.terms.length >= 1 && q.terms.length <= 4 && q.terms.every((t) => /^[\p{L}\p{N}]+$/u.test(t)),
    ),
  );
  const phrase = queries.find((q) => q.phrase)!;
  assert.equal(toSearchRequest(phrase).q, `"${phrase.terms.join(" ")}"`);
  assert.equal(toBaselineText(phrase), phrase.terms.join(" "));
  const filtered = queries.find((q) => q.kind === "category")!;
  assert.deepEqual(toSearchRequest(filtered).filters, filtered.filters);
  // Phrases come from the corpus itself, so they match in it.
  const engine = createSearchEngine();
  for (const paper of generator.papers({ size: 2000 })) engine.add(paper);
  const phrases = queries.filter((q) => q.phrase).slice(0, 10);
  assert.ok(phrases.every((q) => engine.search(toSearchRequest(q)).total > 0));
});

test("hostile strings are deterministic and never make the engine throw", () => {
  assert.deepEqual([...hostileQueries(50, 9)], [...hostileQueries(50, 9)]);
  const engine = createSearchEngine();
  for (const paper of generator.papers({ size: 300 })) engine.add(paper);
  const result = runFuzz(engine, 2000);
  assert.equal(result.queries, 2000);
  assert.deepEqual(result.examples, []);
  assert.equal(result.exceptions, 0);
});

test("RESULTS.md sections are replaced by key and others kept", () => {
  const file = path.join(root, "RESULTS.md");
  updateResults(file, [
    { key: "search-1M", body: "one" },
    { key: "import", body: "two" },
  ]);
  updateResults(file, [{ key: "import", body: "three $& $1" }]);
  const text = fs.readFileSync(file, "utf8");
  assert.match(text, /<!-- search-1M -->\none\n<!-- \/search-1M -->/);
  assert.match(text, /<!-- import -->\nthree \$& \$1\n<!-- \/import -->/);
  assert.doesNotMatch(text, /two/);
});

test("RESULTS.md: a replaced section keeps its hand-written notes, after the new figures", () => {
  const file = path.join(root, "RESULTS-notes.md");
  updateResults(file, [{ key: "http-1M", body: "figures 1" }]);
  const written = fs.readFileSync(file, "utf8").replace("figures 1\n", "figures 1\n<!-- notes -->\nHow to read them.\n<!-- /notes -->\n");
  fs.writeFileSync(file, `${written}\n<!-- notes -->\noutside any section\n<!-- /notes -->\n`);
  updateResults(file, [{ key: "http-1M", body: "figures 2" }]);
  const text = fs.readFileSync(file, "utf8");
  assert.match(text, /<!-- http-1M -->\nfigures 2\n\n<!-- notes -->\nHow to read them.\n<!-- \/notes -->\n<!-- \/http-1M -->/);
  assert.doesNotMatch(text, /figures 1/);
  assert.equal(text.match(/How to read them/g)?.length, 1);
  assert.match(text, /outside any section/);
});

test("each engine's child task builds from a corpus file and times the same queries", async () => {
  const corpusFile = path.join(root, "papers.jsonl");
  fs.writeFileSync(
    corpusFile,
    [...generator.papers({ size: 1500 })].map((p) => JSON.stringify(p)).join("\n"),
  );
  const queries = buildQuerySet(generator, { count: 60, corpusSize: 1500 });
  const args = { corpusFile, indexDir: path.join(root, "index"), queries, fuzz: 200 };
  const build = await buildOurs(args);
  assert.equal(build.papers, 1500);
  assert.ok(build.buildMs > 0 && build.buildMs <= build.wallMs);
  assert.ok(build.diskBytes > 0 && build.memoryBytes > 0 && build.peakRssBytes > 0);
  const serve = await serveOurs(args);
  assert.equal(serve.queries.ran, 60);
  assert.ok(serve.queries.meanHits > 0, "queries made from the corpus find papers");
  assert.equal(serve.fuzz?.exceptions, 0);
  const fts5 = await runFts5({ corpusFile, tmpDir: root, queries, budgetMs: 60_000 });
  assert.equal(fts5.papers, 1500);
  assert.equal(fts5.queries.ran, 60);
  assert.ok(fts5.queries.meanHits > 0);
});

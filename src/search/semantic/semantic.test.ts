/**
 * The semantic layer on real arXiv records: vectors learned from them, neighbours found by the
 * inverted lists as by exact comparison, saved and mapped back, live changes, and fusion.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { makePaper } from "../../core/index.js";
import { createSearchEngine } from "../index.js";
import { loadFixturePapers } from "../testing/fixture-papers.js";
import { buildSemanticIndex } from "./build.js";
import { hybrid } from "./fusion.js";
import { hybridSearch } from "./hybrid-search.js";
import { loadSemanticIndex, saveSemanticIndex, saveSemanticIndexInBackground, SEMANTIC_FILE } from "./persist.js";
import { embedText, normalize } from "./model.js";
import { truncatedSvd } from "./svd.js";
import { Analyzer } from "../analyze/analyzer.js";

const root = mkdtempSync(join(tmpdir(), "paperfeed-semantic-"));
after(() => rmSync(root, { recursive: true, force: true }));
const papers = loadFixturePapers();
const built = buildSemanticIndex(() => [papers], { dim: 32, minDocs: 2 });

test("truncated SVD finds the singular values of a known matrix", () => {
  // Rows of a rank-2 matrix: singular values of [[3,0],[0,2]] padded with zero columns.
  const a = { rows: 2, cols: 4, rowStart: Uint32Array.from([0, 1, 2]), col: Uint32Array.from([0, 1]), value: Float32Array.from([3, 2]) };
  const svd = truncatedSvd(a, 2, { oversample: 2 });
  assert.deepEqual([...svd.sigma].map((s) => Number(s.toFixed(6))), [3, 2]);
  assert.ok(Math.abs(Math.abs(svd.right[0]!) - 1) < 1e-6, "first right vector is column 0");
});

test("embedding: the idf · (1 + log tf)-weighted sum of the text's known terms' vectors, the same on every call", async () => {
  const model = (await built).model!;
  const reference = (text: string) => {
    const analyzer = new Analyzer();
    const counts = new Map<number, number>();
    analyzer.analyze(text, (id, _p, _s, _e, joined) => {
      const row = joined ? undefined : model.termIndex.get(analyzer.vocabulary.terms[id]!);
      if (row !== undefined) counts.set(row, (counts.get(row) ?? 0) + 1);
    });
    const v = new Float32Array(model.dim);
    for (const [row, tf] of counts) for (let k = 0; k < model.dim; k++) v[k]! += model.weight[row]! * (1 + Math.log(tf)) * model.vectors[row * model.dim + k]!;
    return counts.size ? normalize(v) : null;
  };
  for (const paper of papers.slice(0, 40)) {
    const text = `${paper.title}\n${paper.abstract} ${paper.title}`;
    const expected = reference(text)!;
    for (let round = 0; round < 2; round++) {
      const got = embedText(model, text)!;
      expected.forEach((x, k) => assert.ok(Math.abs(x - got[k]!) < 1e-5, `${paper.id} dimension ${k}`));
    }
    assert.equal(embedText(model, "zzzz qqqq"), null);
  }
});

test("a paper's own text finds it first; related papers leave it out", async () => {
  const index = await built;
  assert.equal(index.size, papers.length);
  let first = 0;
  for (const paper of papers.slice(0, 50)) if (index.search(`${paper.title}\n${paper.abstract}`, 1)[0]?.id === paper.id) first++;
  assert.ok(first >= 48, `${first} of 50 papers find themselves first`);
  const related = index.related(papers[0]!.id, 10);
  assert.equal(related.length, 10);
  assert.ok(related.every((h) => h.id !== papers[0]!.id));
  assert.ok(related.every((h, i) => i === 0 || related[i - 1]!.score >= h.score));
  assert.deepEqual(Object.keys(related[0]!.parts), ["semantic"]);
  assert.deepEqual(index.search("zzzz qqqq", 5), []);
  assert.deepEqual(index.related("9999.99999", 5), []);
});

test("inverted lists give the exact neighbours' order for most queries and keep live additions", async () => {
  const index = await built;
  const exact = papers.slice(0, 30).map((p) => index.related(p.id, 5).map((h) => h.id));
  index.buildLists({ lists: 8, minPapers: 1 });
  assert.ok(index.tree);
  // Probing every list is exact.
  papers.slice(0, 30).forEach((p, i) => assert.deepEqual(index.related(p.id, 5, { probe: 8 }).map((h) => h.id), exact[i]));
  let overlap = 0;
  papers.slice(0, 30).forEach((p, i) => (overlap += index.related(p.id, 5, { probe: 3 }).filter((h) => exact[i]!.includes(h.id)).length));
  assert.ok(overlap >= 0.7 * 150, `${overlap} of 150 neighbours found probing 3 of 8 lists`);
  const twin = makePaper({ ...papers[5]!, id: "2501.00001" });
  index.addPaper(twin);
  assert.equal(index.related(papers[5]!.id, 1)[0]?.id, twin.id);
  index.remove(twin.id);
  assert.notEqual(index.related(papers[5]!.id, 1)[0]?.id, twin.id);
});

test("saved and mapped back, the index answers the same; a damaged file is named", async () => {
  const index = await built;
  const dir = join(root, "saved");
  mkdirSync(dir);
  saveSemanticIndex(index, dir, 42);
  const loaded = loadSemanticIndex(dir)!;
  assert.equal(loaded.seq, 42);
  assert.equal(loaded.index.size, index.size);
  for (const paper of papers.slice(0, 10)) assert.deepEqual(loaded.index.related(paper.id, 5), index.related(paper.id, 5));
  assert.deepEqual(loaded.index.search("quantum spin chains", 5), index.search("quantum spin chains", 5));
  // Live changes after loading go to the tails and survive another save.
  loaded.index.addPaper(makePaper({ ...papers[7]!, id: "2501.00002" }));
  saveSemanticIndex(loaded.index, dir, 43);
  assert.equal(loadSemanticIndex(dir)!.index.related(papers[7]!.id, 1)[0]?.id, "2501.00002");
  const file = join(dir, SEMANTIC_FILE);
  writeFileSync(file, readFileSync(file).subarray(0, 4000));
  assert.throws(() => loadSemanticIndex(dir), /semantic\.bin: .*(runs past the end|ids for)/);
  writeFileSync(file, "not an index");
  assert.throws(() => loadSemanticIndex(dir), /semantic\.bin: not a semantic index file/);
});

test("saved in the background: the same file as saved at once, holding the index as it was when the save began", async () => {
  const index = await built;
  const dir = join(root, "background");
  mkdirSync(dir);
  saveSemanticIndex(index, dir, 7);
  const atOnce = readFileSync(join(dir, SEMANTIC_FILE));
  const copy = loadSemanticIndex(dir)!.index;
  const saving = saveSemanticIndexInBackground(copy, dir, 7);
  // Changed while the file is written: a paper removed (its flag set in the arrays being
  // written, before an addition grows them), and a new one.
  assert.ok(copy.vectorOf(papers[4]!.id));
  copy.remove(papers[4]!.id);
  copy.addPaper(makePaper({ ...papers[3]!, id: "2501.00003" }));
  await saving;
  assert.ok(readFileSync(join(dir, SEMANTIC_FILE)).equals(atOnce), "byte for byte the file saved at once");
  const loaded = loadSemanticIndex(dir)!.index;
  assert.equal(loaded.vectorOf("2501.00003"), null);
  assert.notEqual(loaded.vectorOf(papers[4]!.id), null);
});

test("fusion: linear by normalized scores, RRF by ranks, recency only breaks ties", () => {
  const lexical = [
    { id: "a", score: 10 },
    { id: "b", score: 9 },
    { id: "c", score: 1 },
  ];
  const semantic = [
    { id: "c", score: 0.9, parts: { semantic: 0.9 } },
    { id: "d", score: 0.8, parts: { semantic: 0.8 } },
  ];
  const linear = hybrid(lexical, semantic, { semanticWeight: 0.5, semanticScoreOf: (id) => ({ a: 0.1, b: 0.3 })[id] ?? 0 });
  assert.deepEqual(linear.map((h) => h.id), ["b", "a", "c", "d"]);
  assert.deepEqual(linear[0]!.parts, { lexical: 9, semantic: 0.3 });
  assert.ok(Math.abs(linear[0]!.score - (0.5 * 0.9 + 0.5 * 0.3)) < 1e-12);
  const rrf = hybrid(lexical, semantic, { method: "rrf" });
  assert.deepEqual(rrf.map((h) => h.id), ["c", "a", "b", "d"]);
  const days: Record<string, number> = { x: 1, y: 2 };
  const tie = hybrid([{ id: "x", score: 1 }, { id: "y", score: 1 }], [], { dayOf: (id) => days[id]! });
  assert.deepEqual(tie.map((h) => h.id), ["y", "x"]);
});

test("hybrid search ranks both layers' papers and honours filters", async () => {
  const index = await built;
  const engine = createSearchEngine();
  for (const paper of papers) engine.add(paper);
  const hits = hybridSearch(engine, index, "quantum entanglement", 10);
  assert.equal(hits.length, 10);
  assert.ok(hits.every((h) => typeof h.parts.semantic === "number"));
  assert.ok(hits.some((h) => h.parts.lexical !== undefined));
  const cs = hybridSearch(engine, index, "quantum entanglement", 10, { filters: { categories: ["math"] } });
  const byId = new Map(papers.map((p) => [p.id, p]));
  assert.ok(cs.every((h) => byId.get(h.id)!.categories.some((c) => c.startsWith("math"))));
});

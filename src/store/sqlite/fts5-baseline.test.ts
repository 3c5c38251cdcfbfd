import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { createFts5Baseline, toFts5Query } from "./fts5-baseline.js";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "paperfeed-fts5-test-"));
after(() => fs.rmSync(root, { recursive: true, force: true }));
const tmp = () => root;

const docs = [
  { docId: "a", title: "Gaussian splatting for sensor simulation", text: "We render scenes in real time." },
  { docId: "b", title: "Safe vision-language models", text: "Gaussian processes model the unsafe weights." },
  { docId: "c", title: "Graph decompositions", text: "Sparsity certifying decompositions of graphs." },
];

test("quotes every token and joins them with OR", () => {
  assert.equal(
    toFts5Query('Vision-Language "models" AND x:y'),
    '"vision" OR "language" OR "models" OR "and" OR "x" OR "y"',
  );
  assert.equal(toFts5Query("  ()*^ - "), null);
  assert.equal(toFts5Query("Schrödinger 2D"), '"schrödinger" OR "2d"');
});

test("ranks a title match above an abstract match (title weighted 2x)", () => {
  const fts = createFts5Baseline({ dir: tmp() });
  try {
    fts.add(docs);
    const hits = fts.search("gaussian", 10);
    assert.deepEqual(
      hits.map((h) => h.docId),
      ["a", "b"],
    );
    assert.ok(hits[0]!.score > hits[1]!.score, "scores are positive-higher-is-better");
  } finally {
    fts.close();
  }
});

test("stems with porter and honours the limit", () => {
  const fts = createFts5Baseline({ dir: tmp(), batchSize: 2 });
  try {
    fts.add(docs);
    assert.equal(fts.size, 3);
    assert.deepEqual(
      fts.search("graph", 10).map((h) => h.docId),
      ["c"],
    );
    assert.equal(fts.search("decompositions gaussian safe", 2).length, 2);
    assert.deepEqual(fts.search("gaussian", 0), []);
  } finally {
    fts.close();
  }
});

test("hostile query strings return results or nothing, never an FTS5 error", () => {
  const fts = createFts5Baseline({ dir: tmp() });
  try {
    fts.add(docs);
    for (const q of [
      '"',
      "NEAR(",
      "a AND OR NOT",
      "title:graph",
      "*",
      "-graph",
      "^x",
      "'; DROP TABLE ids; --",
      "\u0000",
      "",
    ]) {
      assert.ok(Array.isArray(fts.search(q, 10)), q);
    }
    assert.deepEqual(
      fts.search("title:graph", 10).map((h) => h.docId),
      ["c"],
    );
  } finally {
    fts.close();
  }
});

test("close removes the temporary database", () => {
  const fts = createFts5Baseline({ dir: tmp() });
  fts.add(docs);
  fts.optimize();
  assert.ok(fts.fileBytes() > 0);
  const file = fts.path;
  fts.close();
  assert.equal(fs.existsSync(file), false);
  assert.equal(fs.existsSync(path.dirname(file)), false);
});

test("rejects a batch size out of range", () => {
  assert.throws(() => createFts5Baseline({ dir: tmp(), batchSize: 0 }), /batchSize 0/);
});

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { after, test } from "node:test";
import { syntheticArxivId, plainWords } from "./as-paper.js";
import { chooseSplit, readQrels } from "./beir.js";
import { formatEvaluation, runEvaluation } from "./run.js";

const FIXTURE = path.join(import.meta.dirname, "../../../test/fixtures/beir-mini");
const root = fs.mkdtempSync(path.join(os.tmpdir(), "paperfeed-eval-test-"));
after(() => fs.rmSync(root, { recursive: true, force: true }));

/** A copy of the fixture that a test may change. */
function fixtureCopy(name: string): string {
  const dir = path.join(root, name);
  fs.cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

test("evaluates both engines end to end on the SciFact slice", async () => {
  const result = await runEvaluation(FIXTURE, { tmpDir: root });
  assert.equal(result.dataset, "beir-mini");
  assert.equal(result.split, "train");
  assert.equal(result.docs, 50);
  assert.equal(result.queries, 10);
  // FTS5 misses one of the ten relevant documents in its top 100 and ranks two below first place.
  assert.equal(result.fts5.recall100, 0.9);
  assert.equal(result.fts5.mrr10, 0.8);
  // Our engine must find most relevant documents; a broken id mapping would score 0.
  assert.ok(result.ours!.recall100 >= 0.8, `ours recall@100 ${result.ours!.recall100}`);
  assert.ok(result.ours!.ndcg10 > 0.5 && result.ours!.ndcg10 <= 1, `ours nDCG@10 ${result.ours!.ndcg10}`);
  const table = formatEvaluation(result);
  assert.match(table, /^beir-mini \(qrels train\): 50 documents, 10 queries$/m);
  assert.match(table, /^Recall@100\s+\d\.\d{4}\s+0\.9000\s+[+-]\d\.\d{4}$/m);
});

test("reads a gzipped corpus and an explicit split", async () => {
  const dir = fixtureCopy("gz");
  fs.writeFileSync(
    path.join(dir, "corpus.jsonl.gz"),
    zlib.gzipSync(fs.readFileSync(path.join(dir, "corpus.jsonl"))),
  );
  fs.rmSync(path.join(dir, "corpus.jsonl"));
  fs.copyFileSync(path.join(dir, "qrels/train.tsv"), path.join(dir, "qrels/dev.tsv"));
  assert.equal(chooseSplit(dir), "dev", "dev comes before train");
  const result = await runEvaluation(dir, { split: "train", tmpDir: root });
  assert.equal(result.split, "train");
  assert.equal(result.docs, 50);
});

test("qrels: header skipped, grades kept, bad rows named by line", async () => {
  const qrels = await readQrels(FIXTURE, "train");
  assert.equal(qrels.size, 10);
  assert.equal(qrels.get("0")?.get("31715818"), 1);
  const dir = fixtureCopy("bad-qrels");
  fs.appendFileSync(path.join(dir, "qrels/train.tsv"), "16\t123\n");
  await assert.rejects(
    readQrels(dir, "train"),
    /eval: qrels\/train\.tsv line 12: expected query-id, corpus-id and an integer score/,
  );
});

test("missing files and bad JSON are reported with the file and line", async () => {
  assert.throws(() => chooseSplit(FIXTURE, "test"), /no qrels\/test\.tsv/);
  const dir = fixtureCopy("bad-json");
  fs.appendFileSync(path.join(dir, "corpus.jsonl"), "{not json\n");
  await assert.rejects(runEvaluation(dir, { tmpDir: root }), /corpus\.jsonl line 51: invalid JSON/);
  fs.rmSync(path.join(dir, "corpus.jsonl"));
  await assert.rejects(runEvaluation(dir, { tmpDir: root }), /no corpus\.jsonl or corpus\.jsonl\.gz/);
});

test("a document whose id is the query's id is left out of the ranking, as BEIR does", async () => {
  const dir = path.join(root, "self");
  fs.mkdirSync(path.join(dir, "qrels"), { recursive: true });
  const docs = [
    { _id: "q1", title: "Gene expression in yeast", text: "Yeast gene expression." },
    { _id: "d2", title: "Gene regulation", text: "Expression of genes in yeast cells." },
  ];
  fs.writeFileSync(path.join(dir, "corpus.jsonl"), docs.map((d) => JSON.stringify(d)).join("\n"));
  fs.writeFileSync(
    path.join(dir, "queries.jsonl"),
    JSON.stringify({ _id: "q1", text: "gene expression in yeast" }),
  );
  fs.writeFileSync(path.join(dir, "qrels", "test.tsv"), "query-id\tcorpus-id\tscore\nq1\tq1\t1\nq1\td2\t1\n");
  const result = await runEvaluation(dir, { tmpDir: root });
  // q1 itself would rank first; without it only d2 (rank 1) of the two relevant ids is found.
  assert.deepEqual(result.fts5, { ndcg10: 1 / (1 + 1 / Math.log2(3)), recall100: 0.5, mrr10: 1 });
  assert.equal(result.ours!.recall100, 0.5);
});

test("synthetic ids are valid arXiv ids, unique per index; queries lose their operators", () => {
  assert.equal(syntheticArxivId(0), "1501.00001");
  assert.equal(syntheticArxivId(99_998), "1501.99999");
  assert.equal(syntheticArxivId(99_999), "1502.00001");
  assert.equal(syntheticArxivId(12 * 99_999), "1601.00001");
  assert.throws(() => syntheticArxivId(-1), /document index -1/);
  assert.equal(plainWords('+Gene "X-ray" -NOT ti:cancer OR (p53)'), "gene x ray not ti cancer or p53");
});

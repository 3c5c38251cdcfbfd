import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parseArxivId } from "../../core/arxiv-id.js";
import { fixture, tempDir } from "../test-support.js";
import { beirDocToPaper, beirSyntheticId, readBeirCorpus, type BeirDoc } from "./beir.js";
import { pairUp, readSeedPage } from "./seed.js";

test("BEIR corpus: 50 documents with their own ids, title and text", async () => {
  const docs: BeirDoc[] = [];
  for await (const doc of readBeirCorpus(fixture("beir-scifact-corpus-first50.jsonl.gz"))) docs.push(doc);
  assert.equal(docs.length, 50);
  assert.equal(docs[0]!.docId, "4983");
  assert.match(docs[0]!.title, /^Microstructural development of human newborn cerebral white matter/);
  assert.equal(docs.at(-1)!.docId, "293661");
});

test("BEIR synthetic ids are valid, distinct, and never a real archive", () => {
  assert.equal(beirSyntheticId(0), "beir/9101001");
  assert.equal(beirSyntheticId(998), "beir/9101999");
  assert.equal(beirSyntheticId(999), "beir/9102001");
  assert.equal(beirSyntheticId(999 * 12 * 9), "beir/0001001");
  const ids = new Set(Array.from({ length: 30_000 }, (_, i) => beirSyntheticId(i)));
  assert.equal(ids.size, 30_000);
  for (const id of ids) assert.equal(parseArxivId(id)?.id, id);
  assert.throws(() => beirSyntheticId(-1), /ingest: document index -1 is outside/);
  const paper = beirDocToPaper({ docId: "4983", title: "T", text: "Body" }, 7);
  assert.deepEqual(
    [paper.id, paper.title, paper.abstract, paper.categories],
    ["beir/9101008", "T", "Body", ["beir"]],
  );
});

test("a bad BEIR line stops evaluation reading with file and line", async () => {
  const file = join(tempDir(), "corpus.jsonl");
  writeFileSync(file, '{"_id": "1", "title": "a", "text": "b"}\n{"title": "no id"}\n');
  const read = async () => {
    for await (const _doc of readBeirCorpus(file)) void _doc;
  };
  await assert.rejects(read, { message: `ingest: ${file} line 2: no "_id" field` });
});

test("seed page: page chrome skipped, 19 title/abstract pairs with code links", async () => {
  const entries = await readSeedPage(fixture("seed-page-first85lines.txt"));
  assert.equal(entries.length, 19);
  assert.equal(
    entries[0]!.title,
    "TokenFormer: Rethinking Transformer Scaling with Tokenized Model Parameters",
  );
  assert.match(entries[0]!.abstract, /^Transformers have become the predominant architecture/);
  assert.deepEqual(entries[0]!.codeLinks, [
    { kind: "github", url: "https://github.com/Haiyang-W/TokenFormer" },
  ]);
  assert.equal(
    entries.at(-1)!.title,
    "Scaling LLM Test-Time Compute Optimally can be More Effective than Scaling Model Parameters",
  );
  assert.ok(!entries.some((e) => /Subscribe|trending papers/.test(e.title)));
});

test("pairing needs a one-line title before a long paragraph", () => {
  const long = "An abstract. ".repeat(20);
  assert.deepEqual(
    pairUp(["new", "Subscribe", "Mar 11", "A title", long, "Another\nwrapped title", long]).map(
      (e) => e.title,
    ),
    ["A title"],
  );
});

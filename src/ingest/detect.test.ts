import assert from "node:assert/strict";
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { detectFormat } from "./detect.js";
import { formatByName } from "./formats.js";
import { fixture, tempDir } from "./test-support.js";

test("detects every fixture's format from its content", async () => {
  const expected: Record<string, string> = {
    "kaggle-first200.jsonl": "kaggle",
    "abs-records-every10th.jsonl": "abs",
    "listing-first300.jsonl.gz": "listing",
    "oai-titles-first100-last100.jsonl.gz": "oai-titles",
    "beir-scifact-corpus-first50.jsonl.gz": "beir",
    "seed-page-first85lines.txt": "seed",
    "oai-pmh/ListRecordsResponse.xml": "oai-pmh",
    "oai-pmh/ErrorResponseBadVerb.xml": "oai-pmh",
    "oai-pmh/derived-oai_dc-ListRecords-with-deleted.xml": "oai-pmh",
    "atom/legacy-2019-all_science_start0_max10.atom.xml": "atom",
    "atom/id_0000.0000_s0_m100_8b51d9633a68.atom.xml": "atom",
  };
  for (const [name, format] of Object.entries(expected))
    assert.equal(await detectFormat(fixture(name)), format, name);
});

test("the name does not decide: a Kaggle file named .xml is still Kaggle", async () => {
  const file = join(tempDir(), "misnamed.xml");
  copyFileSync(fixture("kaggle-first200.jsonl"), file);
  assert.equal(await detectFormat(file), "kaggle");
});

test("an unknown format names the file and the known formats", async () => {
  const file = join(tempDir(), "notes.csv");
  writeFileSync(file, "id,title\n2401.01234,Something\n");
  await assert.rejects(detectFormat(file), {
    message: `ingest: ${file}: cannot tell the format (starts with "id,title 2401.01234,Something"); known formats: kaggle, abs, listing, oai-titles, oai-pmh, atom, beir, seed (choose one with the format option)`,
  });
  await assert.rejects(
    detectFormat(fixture("oai-pmh/503-retry-after.xml")),
    /cannot tell the format \(starts with "<html><body> <h1>Retry after 10 seconds/,
  );
  await assert.rejects(
    detectFormat(join(tempDir(), "absent.jsonl")),
    /ingest: .*absent\.jsonl: no such file/,
  );
  assert.throws(() => formatByName("csv"), {
    message:
      'ingest: unknown format "csv"; known formats: kaggle, abs, listing, oai-titles, oai-pmh, atom, beir, seed',
  });
});

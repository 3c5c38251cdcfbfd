import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { openStore } from "../store/open.js";
import type { Store } from "../store/types.js";
import { importFiles, type ImportProgress, type ImportSummary } from "./import.js";
import { fixture, tempDir, writeDamagedFiles } from "./test-support.js";

const stores: Store[] = [];
after(async () => {
  for (const store of stores) await store.close();
});

async function freshStore(): Promise<Store> {
  const store = await openStore({ path: join(tempDir(), "paperfeed.db") });
  stores.push(store);
  return store;
}

const counts = (s: ImportSummary) => ({
  read: s.read,
  imported: s.imported,
  updated: s.updated,
  unchanged: s.unchanged,
  deleted: s.deleted,
  skipped: s.skipped,
});

test("imports each fixture with exact counts; a second import changes nothing", async () => {
  const store = await freshStore();
  const files = [
    fixture("kaggle-first200.jsonl"),
    fixture("listing-first300.jsonl.gz"),
    fixture("oai-titles-first100-last100.jsonl.gz"),
    fixture("oai-pmh/arXiv-ListRecords.xml"),
    fixture("atom/legacy-2019-all_science_start0_max10.atom.xml"),
  ];
  const first = await importFiles(store, files);
  assert.deepEqual(counts(first), {
    read: 712,
    imported: 712,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    skipped: 0,
  });
  assert.deepEqual(first.issues, []);
  assert.equal(first.files, 5);
  assert.equal(await store.countPapers(), 712);
  const stored = await store.getPaper("0704.0001");
  assert.equal(stored?.doi, "10.1103/PhysRevD.76.013009");
  assert.deepEqual(
    stored?.versions.map((v) => v.version),
    [1, 2],
  );

  const second = await importFiles(store, files, { batchSize: 7 });
  assert.deepEqual(counts(second), {
    read: 712,
    imported: 0,
    updated: 0,
    unchanged: 712,
    deleted: 0,
    skipped: 0,
  });
  assert.equal(await store.countPapers(), 712);
});

test("OAI-PMH deletions remove stored papers, in file order", async () => {
  const store = await freshStore();
  await importFiles(store, [fixture("kaggle-first200.jsonl")]);
  const summary = await importFiles(store, [fixture("oai-pmh/derived-oai_dc-ListRecords-with-deleted.xml")]);
  // 0704.0001 and 0704.0002 come back as oai_dc (less detail than Kaggle: updated), 0704.0003 goes.
  assert.deepEqual(counts(summary), {
    read: 3,
    imported: 0,
    updated: 2,
    unchanged: 0,
    deleted: 1,
    skipped: 0,
  });
  assert.equal(await store.getPaper("0704.0003"), null);
  assert.equal(await store.countPapers(), 199);
  const again = await importFiles(store, [fixture("oai-pmh/derived-oai_dc-ListRecords-with-deleted.xml")]);
  assert.deepEqual(counts(again), { read: 3, imported: 0, updated: 0, unchanged: 3, deleted: 0, skipped: 0 });
});

test("bad input: each problem is one clear issue, the good records import, the rest of the files too", async () => {
  const store = await freshStore();
  const dir = tempDir();
  const { badLine, cut } = writeDamagedFiles(dir);
  const missing = join(dir, "missing.jsonl");
  const unknown = join(dir, "notes.csv");
  writeFileSync(unknown, "id,title\n");
  const files = [
    badLine,
    cut,
    missing,
    fixture("oai-pmh/derived-ListRecordsResponse-one-broken-record.xml"),
    unknown,
    fixture("atom/id_abc_s0_m100_b79c8dcf6bc3.atom.xml"),
  ];
  const seen: string[] = [];
  const summary = await importFiles(store, files, { onIssue: (issue) => seen.push(issue.reason) });

  const cutRead = summary.read - 201 - 6;
  assert.ok(cutRead > 50 && cutRead < 150, `read ${cutRead} records of the cut file`);
  assert.deepEqual(counts(summary), {
    read: 207 + cutRead,
    imported: 205 + cutRead,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    skipped: 2,
  });
  assert.equal(await store.countPapers(), 205 + cutRead);
  const reasons = summary.issues.map((i) => i.reason);
  assert.deepEqual(reasons, seen);
  assert.equal(summary.issueCount, 6);
  assert.match(reasons[0]!, new RegExp(`^ingest: ${badLine} line 51: invalid JSON`));
  assert.equal(reasons[1], `ingest: ${cut}: compressed data ends early after line ${cutRead}`);
  assert.equal(reasons[2], `ingest: ${missing}: no such file`);
  assert.match(reasons[3]!, /one-broken-record\.xml record 2 \(line 32\): malformed XML/);
  assert.match(reasons[4]!, /notes\.csv: cannot tell the format .*known formats: kaggle, abs, listing/);
  assert.match(reasons[5]!, /arXiv API error: incorrect id format for abc$/);
  assert.deepEqual(summary.issues[2]!.position, { file: missing });
});

test("formats without arXiv ids are counted as skipped with one explanation each", async () => {
  const store = await freshStore();
  const summary = await importFiles(store, [
    fixture("beir-scifact-corpus-first50.jsonl.gz"),
    fixture("seed-page-first85lines.txt"),
  ]);
  assert.deepEqual(counts(summary), {
    read: 69,
    imported: 0,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    skipped: 69,
  });
  assert.match(
    summary.issues[0]!.reason,
    /first50\.jsonl\.gz: 50 records not imported: BEIR documents have no arXiv ids/,
  );
  assert.match(
    summary.issues[1]!.reason,
    /first85lines\.txt: 19 records not imported: seed pages have no arXiv ids/,
  );
  assert.equal(await store.countPapers(), 0);
});

test("a forced format applies to every file; an unknown name fails before reading", async () => {
  const store = await freshStore();
  const summary = await importFiles(store, [fixture("kaggle-first200.jsonl")], { format: "listing" });
  // Kaggle lines read as listings: ids and titles map, abstracts do not (no "summary" field).
  assert.equal(summary.imported, 200);
  assert.equal((await store.getPaper("0704.0001"))?.abstract, "");
  assert.deepEqual(
    summary.issues.map((i) => i.reason),
    [`ingest: ${fixture("kaggle-first200.jsonl")}: read as listing as asked, but it looks like kaggle`],
  );
  await assert.rejects(
    importFiles(store, [fixture("kaggle-first200.jsonl")], { format: "csv" }),
    /ingest: unknown format "csv"; known formats: kaggle/,
  );
});

test("progress reports bytes and records, ending with the whole file", async () => {
  const store = await freshStore();
  const reports: ImportProgress[] = [];
  await importFiles(store, [fixture("listing-first300.jsonl.gz")], { onProgress: (p) => reports.push(p) });
  const last = reports.at(-1)!;
  assert.equal(last.records, 300);
  assert.equal(last.bytesTotal, readFileSync(fixture("listing-first300.jsonl.gz")).length);
  assert.equal(last.bytesRead, last.bytesTotal);
  assert.deepEqual([last.fileIndex, last.fileCount], [0, 1]);
});

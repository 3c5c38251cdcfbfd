import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { gunzipSync, gzipSync } from "node:zlib";
import { drain, fixture, paperById, tempDir } from "../test-support.js";
import { readAbs } from "./abs.js";
import { readKaggle } from "./kaggle.js";
import { readListing } from "./listing.js";
import { readOaiTitles } from "./oai-titles.js";

test("Kaggle snapshot: all 200 records, 0704.0001 mapped field by field", async () => {
  const { papers, errors } = await drain(readKaggle(fixture("kaggle-first200.jsonl")));
  assert.equal(papers.length, 200);
  assert.deepEqual(errors, []);
  const p = paperById(papers, "0704.0001");
  assert.deepEqual(
    p.authors.map((a) => a.name),
    ["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"],
  );
  assert.deepEqual(p.authors[0], { name: "C. Balázs", keyname: "Balázs", forenames: "C." });
  assert.deepEqual(p.versions, [
    { version: 1, date: "2007-04-02T19:18:42Z" },
    { version: 2, date: "2007-07-24T20:10:27Z" },
  ]);
  assert.equal(p.version, 2);
  assert.equal(p.doi, "10.1103/PhysRevD.76.013009");
  assert.equal(p.journalRef, "Phys.Rev.D76:013009,2007");
  assert.equal(p.reportNo, "ANL-HEP-PR-07-12");
  assert.equal(p.submitter, "Pavel Nadolsky");
  assert.equal(p.submitted, "2007-04-02T19:18:42Z");
  assert.equal(p.updated, "2007-07-24T20:10:27Z");
  assert.equal(p.announced, "2007-04-02");
  assert.equal(
    p.title,
    "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies",
  );
  assert.ok(p.abstract.startsWith("A fully differential calculation"));
  assert.equal(p.license, null);
  assert.deepEqual(paperById(papers, "0704.0002").categories, ["math.CO", "cs.CG"]);
  assert.equal(paperById(papers, "0704.0002").license, "http://arxiv.org/licenses/nonexclusive-distrib/1.0/");
});

test(".abs records: 113 records, old-style ids, author strings with affiliations, sized versions", async () => {
  const { papers, errors } = await drain(readAbs(fixture("abs-records-every10th.jsonl")));
  assert.equal(papers.length, 113);
  assert.deepEqual(errors, []);
  const habib = paperById(papers, "acc-phys/9411001");
  assert.deepEqual(habib.authors, [{ name: "Salman Habib" }, { name: "Robert D. Ryne" }]);
  assert.deepEqual(habib.categories, ["acc-phys", "physics.acc-ph"]);
  assert.deepEqual(habib.versions, [{ version: 1, date: "1994-11-01T18:57:48Z", size: "199kb" }]);
  assert.equal(habib.reportNo, "LA-UR-94-3641");
  const shi = paperById(papers, "adap-org/9509003");
  assert.deepEqual(shi.authors, [
    { name: "Yu Shi", affiliations: ["Dept. of Phys., fudan University, China"] },
  ]);
  assert.equal(shi.version, 3);
  assert.equal(shi.updated, "1995-11-20T09:59:40Z");
});

test("daily listings: 300 records, listing_date becomes announced", async () => {
  const { papers, errors } = await drain(readListing(fixture("listing-first300.jsonl.gz")));
  assert.equal(papers.length, 300);
  assert.deepEqual(errors, []);
  const p = paperById(papers, "2503.11742");
  assert.equal(p.announced, "2025-03-18");
  assert.deepEqual(p.categories, ["cs.CV", "cs.AI"]);
  assert.equal(p.primaryCategory, "cs.CV");
  assert.equal(p.authors[0]?.name, "Moreno D'Incà");
  assert.equal(p.authors.length, 6);
  assert.equal(p.comments, "Work in progress");
  assert.equal(p.submitted, null);
});

test("quant-ph OAI titles: 200 records, categories from the id's archive plus quant-ph", async () => {
  const { papers, errors } = await drain(readOaiTitles(fixture("oai-titles-first100-last100.jsonl.gz")));
  assert.equal(papers.length, 200);
  assert.deepEqual(errors, []);
  const old = paperById(papers, "gr-qc/9210004");
  assert.deepEqual(old.categories, ["gr-qc", "quant-ph"]);
  assert.equal(old.submitted, "1992-10-07");
  assert.equal(old.announced, "1992-10-07");
  assert.deepEqual(old.authors, []);
  assert.deepEqual(paperById(papers, "1606.07422").categories, ["quant-ph"]);
});

test("an invalid JSON line in the middle: the good lines still come, the error names file and line", async () => {
  const lines = readFileSync(fixture("kaggle-first200.jsonl"), "utf8").split("\n");
  lines.splice(100, 0, '{"id": "0704.9999", "title": "cut off');
  const file = join(tempDir(), "bad-line.jsonl");
  writeFileSync(file, lines.join("\n"));
  const { papers, errors } = await drain(readKaggle(file));
  assert.equal(papers.length, 200);
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.scope, "record");
  assert.deepEqual(errors[0]!.position, { file, line: 101 });
  assert.match(errors[0]!.reason, new RegExp(`^ingest: .*bad-line\\.jsonl line 101: invalid JSON`));
});

test("records that cannot become papers are errors with their line; the rest import", async () => {
  const file = join(tempDir(), "mixed.jsonl");
  const good = readFileSync(fixture("kaggle-first200.jsonl"), "utf8").split("\n")[0];
  writeFileSync(
    file,
    [good, '{"id": "abc", "title": "x"}', '{"id": "0704.0002"}', "[1,2]", good].join("\r\n"),
  );
  const { papers, errors } = await drain(readKaggle(file));
  assert.equal(papers.length, 2);
  assert.deepEqual(
    errors.map((e) => e.reason.replace(file, "F")),
    [
      'ingest: F line 2: "abc" is not an arXiv id',
      'ingest: F line 3: no "title" field',
      "ingest: F line 4: not a JSON object",
    ],
  );
});

test("a cut-off gzip yields every complete record, then one error naming file and last line", async () => {
  const whole = readFileSync(fixture("listing-first300.jsonl.gz"));
  const file = join(tempDir(), "cut.jsonl.gz");
  writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
  const { papers, errors } = await drain(readListing(file));
  assert.ok(papers.length > 100 && papers.length < 200, `read ${papers.length}`);
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.scope, "file");
  assert.equal(errors[0]!.reason, `ingest: ${file}: compressed data ends early after line ${papers.length}`);
  // Every paper read is a whole, unchanged record of the original file.
  const original = gunzipSync(whole).toString("utf8").split("\n");
  assert.equal(papers.at(-1)!.id, JSON.parse(original[papers.length - 1]!).id);
});

test("corrupt gzip data ends the file with a clear error, not a crash", async () => {
  const bytes = Buffer.from(readFileSync(fixture("listing-first300.jsonl.gz")));
  for (let i = 60_000; i < 60_400; i++) bytes[i] = 0xff - bytes[i]!;
  const file = join(tempDir(), "corrupt.jsonl.gz");
  writeFileSync(file, bytes);
  const { papers, errors } = await drain(readListing(file));
  assert.ok(papers.length > 50 && papers.length < 300, `read ${papers.length}`);
  assert.equal(errors.at(-1)!.scope, "file");
  assert.match(
    errors.at(-1)!.reason,
    /^ingest: .*corrupt\.jsonl\.gz: compressed data is corrupt \(.+\) after line \d+$/,
  );
});

test("gzip is recognised by its magic bytes whatever the name", async () => {
  const file = join(tempDir(), "renamed.jsonl");
  writeFileSync(file, gzipSync(readFileSync(fixture("kaggle-first200.jsonl"))));
  const { papers } = await drain(readKaggle(file));
  assert.equal(papers.length, 200);
});

test("a missing file is one file-level error, not a throw", async () => {
  const { papers, errors } = await drain(readKaggle("no/such/file.jsonl"));
  assert.equal(papers.length, 0);
  assert.deepEqual(
    errors.map((e) => [e.scope, e.reason]),
    [["file", "ingest: no/such/file.jsonl: no such file"]],
  );
});

import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import { drain, fixture, paperById, tempDir } from "../test-support.js";
import { readOaiPmh, readOaiPmhBody } from "./oai-pmh.js";

const oai = (name: string) => fixture(`oai-pmh/${name}`);

test("arXivRaw GetRecord: versions with dates and sizes, author string, licence", async () => {
  const { papers, errors } = await drain(readOaiPmh(oai("GetRecordResponse.xml")));
  assert.deepEqual(errors, []);
  assert.equal(papers.length, 1);
  const p = papers[0]!;
  assert.equal(p.id, "1302.2146");
  assert.equal(p.title, "The Same-Sign Dilepton Signature of RPV/MFV SUSY");
  assert.deepEqual(
    p.authors.map((a) => a.name),
    ["Joshua Berger", "Maxim Perelstein", "Michael Saelim", "Philip Tanedo"],
  );
  assert.deepEqual(p.versions, [
    { version: 1, date: "2013-02-08T21:00:01Z", size: "853kb" },
    { version: 2, date: "2013-04-02T01:50:08Z", size: "849kb" },
  ]);
  assert.equal(p.version, 2);
  assert.deepEqual(p.categories, ["hep-ph", "hep-ex"]);
  assert.equal(p.submitter, "Michael Saelim");
  assert.equal(p.license, "http://arxiv.org/licenses/nonexclusive-distrib/1.0/");
  assert.equal(p.comments, "18 pages, 6 figures; v2: References added");
});

test("arXivRaw ListRecords: all 6 records in order, entities decoded", async () => {
  const { papers, errors } = await drain(readOaiPmh(oai("ListRecordsResponse.xml")));
  assert.deepEqual(errors, []);
  assert.deepEqual(
    papers.map((p) => p.id),
    ["0704.0471", "0704.0716", "0704.0874", "0704.1109", "0704.1114", "0704.1586"],
  );
  const shetty = paperById(papers, "0704.0471");
  assert.deepEqual(
    shetty.authors.map((a) => a.name),
    ["D.V. Shetty", "S.J. Yennello", "G.A. Souliotis"],
  );
  assert.match(shetty.abstract, /extremely " stiff " and " soft "/);
  assert.equal(paperById(papers, "0704.0716").mscClass, "05A15, 05A16");
  assert.equal(paperById(papers, "0704.0716").versions.length, 4);
});

test("arXiv format: structured authors with affiliations, created date, report number", async () => {
  const { papers, errors } = await drain(readOaiPmh(oai("arXiv-ListRecords.xml")));
  assert.deepEqual(errors, []);
  assert.equal(papers.length, 2);
  const p = paperById(papers, "1412.8544");
  assert.deepEqual(p.authors[0], {
    name: "Sander Uijlen",
    keyname: "Uijlen",
    forenames: "Sander",
    affiliations: ["Radboud Universiteit"],
  });
  assert.equal(p.submitted, "2014-12-29");
  assert.equal(p.announced, "2014-12-29");
  assert.equal(p.doi, "10.4204/EPTCS.172.11");
  assert.equal(p.journalRef, "EPTCS 172, 2014, pp. 154-164");
  assert.equal(paperById(papers, "hep-th/9504118").reportNo, "GOET-TP 101/95");
  assert.equal((await drain(readOaiPmh(oai("arXiv-GetRecord.xml")))).papers[0]!.id, "1412.8544");
});

test("oai_dc: creators, comment and DOI from Dublin Core; a deleted header is a delete item", async () => {
  const { papers, deletes, errors } = await drain(
    readOaiPmh(oai("derived-oai_dc-ListRecords-with-deleted.xml")),
  );
  assert.deepEqual(errors, []);
  assert.deepEqual(deletes, ["0704.0003"]);
  assert.equal(papers.length, 2);
  const p = paperById(papers, "0704.0001");
  assert.deepEqual(p.authors[0], { name: "C. Balázs", keyname: "Balázs", forenames: "C." });
  assert.equal(p.authors.length, 4);
  assert.deepEqual(p.categories, ["hep-ph"]);
  assert.deepEqual(p.versions, [
    { version: 1, date: "2007-04-02" },
    { version: 2, date: "2007-07-24" },
  ]);
  assert.equal(p.doi, "10.1103/PhysRevD.76.013009");
  assert.equal(p.journalRef, "Phys.Rev.D76:013009,2007");
  assert.equal(p.comments, "37 pages, 15 figures; published version");
  assert.ok(p.abstract.startsWith("A fully differential calculation"));
  assert.deepEqual(paperById(papers, "0704.0002").categories, ["cs", "math"]);
});

test("OAI error responses are one clear file-level error each", async () => {
  const expected: Record<string, string> = {
    "ErrorResponseBadArgument.xml":
      "OAI-PMH error badArgument: Verb 'ListRecords', illegal argument 'identifier'.",
    "ErrorResponseBadResumptionToken.xml":
      "OAI-PMH error badResumptionToken: The resumptionToken supplied is illegal for this repository",
    "ErrorResponseBadVerb.xml": "OAI-PMH error badVerb: Bad verb. Verb 'wah' not implemented.",
    "ErrorResponseIdDoesNotExist.xml":
      "OAI-PMH error idDoesNotExist: Identifier 'oai:arXiv.org:0813.2274' has correct form but does not correspond to an item in this repository",
    "ErrorResponseNoRecordsMatch.xml":
      "OAI-PMH error noRecordsMatch: Set argument doesn't match any sets. The setSpec was 'moo'",
  };
  for (const [name, message] of Object.entries(expected)) {
    const { items } = await drain(readOaiPmh(oai(name)));
    assert.deepEqual(
      items,
      [
        {
          kind: "error",
          scope: "file",
          position: { file: oai(name) },
          reason: `ingest: ${oai(name)}: ${message}`,
        },
      ],
      name,
    );
  }
});

test("a 503 'Retry after' HTML body is reported with its text", async () => {
  const { papers, errors } = await drain(readOaiPmh(oai("503-retry-after.xml")));
  assert.equal(papers.length, 0);
  assert.deepEqual(
    errors.map((e) => e.reason),
    [
      `ingest: ${oai("503-retry-after.xml")}: not an OAI-PMH response but an HTML page: "Retry after 10 seconds"`,
    ],
  );
});

test("one broken record: the other five import, the error names record and line", async () => {
  const file = oai("derived-ListRecordsResponse-one-broken-record.xml");
  const { papers, errors } = await drain(readOaiPmh(file));
  assert.equal(papers.length, 5);
  assert.ok(!papers.some((p) => p.id === "0704.0716"));
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.scope, "record");
  assert.deepEqual(errors[0]!.position, { file, record: 2, line: 32 });
  assert.match(
    errors[0]!.reason,
    /record 2 \(line 32\): malformed XML \(line 41 column \d+: unexpected close tag\.\)$/,
  );
});

test("a record without a title is skipped with a reason; a document of another kind is refused", async () => {
  const dir = tempDir();
  const noTitle = join(dir, "no-title.xml");
  writeFileSync(
    noTitle,
    readFileSync(oai("GetRecordResponse.xml"), "utf8").replace(/<title>.*?<\/title>/, ""),
  );
  const { papers, errors } = await drain(readOaiPmh(noTitle));
  assert.equal(papers.length, 0);
  assert.deepEqual(
    errors.map((e) => e.reason),
    [`ingest: ${noTitle} record 1 (line 6): paper 1302.2146 has no title`],
  );
  const atom = fixture("atom/id_1707.08567_s0_m100_6a1afebfc6a3.atom.xml");
  assert.deepEqual(
    (await drain(readOaiPmh(atom))).errors.map((e) => e.reason),
    [`ingest: ${atom}: not an OAI-PMH response (document element <feed>)`],
  );
});

test("a cut-off gzipped response keeps the records before the cut", async () => {
  const gz = gzipSync(readFileSync(oai("ListRecordsResponse.xml")));
  const file = join(tempDir(), "list.xml.gz");
  writeFileSync(file, gz.subarray(0, gz.length - 200));
  const { papers, errors } = await drain(readOaiPmh(file));
  assert.ok(papers.length >= 4 && papers.length < 6, `read ${papers.length}`);
  assert.equal(errors.at(-1)!.scope, "file");
  assert.match(errors.at(-1)!.reason, /list\.xml\.gz: compressed data ends early after record \d$/);
});

test("oai-pmh: a response body in memory reads like the same file", async () => {
  const file = fixture("oai-pmh/ListRecordsResponse.xml");
  const fromFile = await drain(readOaiPmh(file));
  const fromBody = await drain(readOaiPmhBody(file, readFileSync(file)));
  assert.deepEqual(fromBody, fromFile);
  assert.ok(fromBody.papers.length > 0);
});

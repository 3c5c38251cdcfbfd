import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { Paper } from "../core/paper.js";
import { drain, fixture } from "../ingest/test-support.js";
import { detectFormat } from "../ingest/detect.js";
import { formatByName } from "../ingest/formats.js";
import { encodePaper, encodePaperBySorting, isCanonical } from "./paper-json.js";

// Plain JSON values whose objects have keys in any order, integer-like keys and undefined fields
// included: the cases where taking an object as it is would differ from sorting it.
const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("0", "1", "10", "9", "id", "version", "__proto__x"));
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.string(),
    fc.constant(undefined),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(key, tie("value"), { maxKeys: 6 }),
  ),
}));

test("the fast path encodes every value exactly as sorting its keys does", () => {
  fc.assert(
    fc.property(fc.dictionary(key, value, { maxKeys: 8 }), (object) => {
      const paper = object as unknown as Paper;
      assert.equal(encodePaper(paper), encodePaperBySorting(paper));
    }),
    { numRuns: 2000 },
  );
});

/** One file of each reader that carries authors' parts, affiliations, versions or code links. */
const FIXTURES = ["kaggle-first200.jsonl", "abs-records-every10th.jsonl", "listing-first300.jsonl.gz", "oai-titles-first100-last100.jsonl.gz", "oai-pmh/arXiv-ListRecords.xml", "atom/id_1605.08386_s0_m100_199195aa31ad.atom.xml"];

test("papers from the readers are canonical as built, so an import encodes them without a copy", async () => {
  for (const name of FIXTURES) {
    const format = formatByName(await detectFormat(fixture(name)));
    if (!format.storable) throw new Error(`${name}: ${format.name} is not storable`);
    const { papers } = await drain(format.read(fixture(name)));
    assert.ok(papers.length > 0, name);
    for (const paper of papers) {
      assert.ok(isCanonical(paper), `paper ${paper.id} is not built in sorted key order`);
      assert.equal(encodePaper(paper), encodePaperBySorting(paper));
    }
  }
});

test("a paper with fields in another order or an undefined field still encodes canonically", () => {
  const paper = { version: 2, id: "2401.00001", title: "T", doi: undefined, authors: [{ name: "A", keyname: "A" }] } as unknown as Paper;
  assert.equal(isCanonical(paper), false);
  assert.equal(encodePaper(paper), '{"authors":[{"keyname":"A","name":"A"}],"id":"2401.00001","title":"T","version":2}');
});

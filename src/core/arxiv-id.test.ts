import assert from "node:assert/strict";
import { test } from "node:test";
import { parseArxivId } from "./arxiv-id.js";

test("parses new-style ids with and without version", () => {
  assert.deepEqual(parseArxivId("2401.01234v3"), { id: "2401.01234", version: 3, yearMonth: "2024-01" });
  assert.deepEqual(parseArxivId("0704.0001"), { id: "0704.0001", version: null, yearMonth: "2007-04" });
});

test("parses old-style ids, dropping the subject class", () => {
  assert.equal(parseArxivId("hep-th/9901001v2")?.id, "hep-th/9901001");
  assert.equal(parseArxivId("math.GT/0309136")?.id, "math/0309136");
  assert.equal(parseArxivId("hep-th/9901001")?.yearMonth, "1999-01");
});

test("accepts URLs and labels people paste", () => {
  assert.equal(parseArxivId("https://arxiv.org/abs/2410.23168v1")?.id, "2410.23168");
  assert.equal(parseArxivId("https://arxiv.org/pdf/2410.23168.pdf")?.id, "2410.23168");
  assert.equal(parseArxivId("arXiv:2410.23168")?.id, "2410.23168");
  assert.equal(parseArxivId("oai:arXiv.org:quant-ph/0201082")?.id, "quant-ph/0201082");
});

test("rejects what is not an id", () => {
  for (const bad of ["abc", "2413.01234", "1401.01234", "2401.0123", "", "cs/99"]) {
    assert.equal(parseArxivId(bad), null, bad);
  }
});

test("accepts every form a member may paste: versions, PDFs, mirrors, DOIs, citations", () => {
  const cases: Array<[string, string, number | null]> = [
    ["2401.01234", "2401.01234", null],
    ["2401.01234v2", "2401.01234", 2],
    ["arxiv:2401.01234", "2401.01234", null],
    ["arXiv: 2401.01234", "2401.01234", null],
    ["arXiv:2401.01234v2 [cs.CL]", "2401.01234", 2],
    ["https://arxiv.org/abs/2401.01234", "2401.01234", null],
    ["http://arxiv.org/abs/2401.01234v2/", "2401.01234", 2],
    ["arxiv.org/abs/2401.01234", "2401.01234", null],
    ["https://arxiv.org/abs/2401.01234?context=cs#S2", "2401.01234", null],
    ["https://arxiv.org/pdf/2401.01234.pdf", "2401.01234", null],
    ["https://arxiv.org/pdf/2401.01234v3", "2401.01234", 3],
    ["https://arxiv.org/pdf/2401.01234v3.pdf", "2401.01234", 3],
    ["https://export.arxiv.org/abs/2401.01234", "2401.01234", null],
    ["https://browse.arxiv.org/html/2401.01234v1", "2401.01234", 1],
    ["https://www.alphaxiv.org/abs/2401.01234", "2401.01234", null],
    ["https://alphaxiv.org/overview/2401.01234v2", "2401.01234", 2],
    ["https://ar5iv.labs.arxiv.org/html/2401.01234", "2401.01234", null],
    ["https://huggingface.co/papers/2401.01234", "2401.01234", null],
    ["https://doi.org/10.48550/arXiv.2401.01234", "2401.01234", null],
    ["10.48550/arXiv.2401.01234", "2401.01234", null],
    ["hep-th/9901001", "hep-th/9901001", null],
    ["math.GT/0309136", "math/0309136", null],
    ["https://arxiv.org/abs/hep-th/9901001v2", "hep-th/9901001", 2],
    ["https://arxiv.org/pdf/math.GT/0309136v1.pdf", "math/0309136", 1],
    ["http://xxx.lanl.gov/abs/hep-th/9901001", "hep-th/9901001", null],
    ["https://arxiv.org/abs/hep-th%2F9901001", "hep-th/9901001", null],
  ];
  for (const [raw, id, version] of cases) {
    const parsed = parseArxivId(raw);
    assert.deepEqual([parsed?.id, parsed?.version], [id, version], raw);
  }
});

test("addresses of other sites, or of arXiv pages that name no paper, are not ids", () => {
  for (const bad of [
    "https://example.org/abs/2401.01234",
    "https://arxiv.org/list/cs.LG/recent",
    "https://arxiv.org/abs/",
    "https://doi.org/10.1000/182",
    "github.com/2401.01234",
  ]) {
    assert.equal(parseArxivId(bad), null, bad);
  }
});

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

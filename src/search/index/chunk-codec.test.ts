import assert from "node:assert/strict";
import { test } from "node:test";
import { loadFixturePapers } from "../testing/fixture-papers.js";
import { decodeChunk, encodeChunk } from "./chunk-codec.js";

test("a chunk decodes to what indexing reads of each paper", () => {
  const papers = loadFixturePapers();
  papers[0] = { ...papers[0]!, authors: [], categories: [], comments: "", title: "Σ-models of 𝔽_p — naïve" };
  papers[1] = { ...papers[1]!, comments: null, codeLinks: [{ kind: "github", url: "https://github.com/a/b" }] };
  const decoded = decodeChunk(encodeChunk(papers));
  assert.equal(decoded.length, papers.length);
  papers.forEach((p, i) => {
    const d = decoded[i]!;
    assert.deepEqual(
      [d.id, d.title, d.abstract, d.authors.map((a) => a.name), d.categories, d.comments, d.announced, d.codeLinks.length > 0],
      [p.id, p.title, p.abstract, p.authors.map((a) => a.name), p.categories, p.comments, p.announced, p.codeLinks.length > 0],
    );
  });
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { plainText, renderTex, splitMath } from "./math.js";

test("finds inline and display math in all four delimiter styles", () => {
  const parts = splitMath("a $x^2$ b $$\\sum_i y_i$$ c \\(\\alpha\\) d \\[\\beta\\] e");
  assert.deepEqual(
    parts.map((p) => (p.kind === "text" ? p.text : `${p.display ? "D" : "I"}:${p.source}`)),
    ["a ", "I:$x^2$", " b ", "D:$$\\sum_i y_i$$", " c ", "I:\\(\\alpha\\)", " d ", "D:\\[\\beta\\]", " e"],
  );
  for (const part of parts) if (part.kind === "math") assert.match(part.html ?? "", /class="katex/);
});

test("prices and escaped dollars are prose, not math", () => {
  assert.deepEqual(splitMath("costs $5 and $10 today"), [{ kind: "text", text: "costs $5 and $10 today" }]);
  assert.deepEqual(splitMath("a \\$5 fee"), [{ kind: "text", text: "a \\$5 fee" }]);
  assert.deepEqual(splitMath("an unclosed $x formula"), [{ kind: "text", text: "an unclosed $x formula" }]);
});

test("a formula KaTeX cannot parse keeps its source and does not throw", () => {
  const [part] = splitMath("$\\frac{1}{$");
  assert.ok(part);
  // "$\frac{1}{$" is one inline span whose TeX is invalid.
  assert.equal(part.kind, "math");
  assert.equal(part.kind === "math" && part.html, null);
  assert.equal(renderTex("\\undefinedcontrolsequence{", false), null);
});

test("KaTeX runs untrusted: \\href and \\htmlClass are refused, so the source shows as text", () => {
  assert.equal(renderTex("\\href{javascript:alert(1)}{x}", false), null);
  assert.equal(renderTex("\\htmlClass{evil}{y}", false), null);
  assert.match(renderTex("\\textcolor{red}{x}", false) ?? "", /class="katex"/);
});

test("plainText turns simple formulas into readable text for titles", () => {
  assert.equal(plainText("Hermite and Laguerre $\\beta$-ensembles"), "Hermite and Laguerre β-ensembles");
  assert.equal(plainText("Fusion of radioactive $^{132}$Sn"), "Fusion of radioactive 132Sn");
  assert.equal(plainText("no math here"), "no math here");
});

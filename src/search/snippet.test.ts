import assert from "node:assert/strict";
import { test } from "node:test";
import { analyze } from "./analyze/analyzer.js";
import { highlight, snippet } from "./snippet.js";

test("highlight marks words by analysed term", () => {
  const segments = highlight("Fewer parameters, same Parameter count.", analyze("parameter"));
  assert.deepEqual(segments, [
    { text: "Fewer ", match: false },
    { text: "parameters", match: true },
    { text: ", same ", match: false },
    { text: "Parameter", match: true },
    { text: " count.", match: false },
  ]);
});

test("snippet picks the window around the matches and marks elisions", () => {
  const filler = "lorem ipsum dolor sit amet ".repeat(20);
  const text = `${filler}the diphoton cross section at the LHC ${filler}`;
  const segments = snippet(text, analyze("diphoton LHC"), 120);
  const joined = segments.map((s) => s.text).join("");
  assert.ok(joined.length <= 122, `${joined.length}`);
  assert.ok(joined.startsWith("…") && joined.endsWith("…"));
  assert.deepEqual(segments.filter((s) => s.match).map((s) => s.text), ["diphoton", "LHC"]);
});

test("a short text is returned whole", () => {
  assert.deepEqual(snippet("No match here.", ["zebra"], 240), [{ text: "No match here.", match: false }]);
});

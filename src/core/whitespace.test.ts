import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { normalizeLine, normalizeText } from "./whitespace.js";

// The rules as a chain of regular expressions: what the one-pass versions must equal.
const textByRegex = (text: string) =>
  text
    .replace(/\r\n?/g, "\n")
    .trim()
    .split(/\n(?=[ \t]{2,}|\n)/)
    .map((para) => para.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
const lineByRegex = (text: string) => text.replace(/\s+/g, " ").trim();

// Text made mostly of whitespace of every kind, so runs, line ends and indentation meet often.
const piece = fc.constantFrom(" ", "  ", "\t", "\n", "\r", "\r\n", "\n  ", "\n\t\t", "\n\n", "\u00a0", "\u2028", "\u3000", "\ufeff", "\v", "a", "bc", "é", "x y", "😀");
const text = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(""));

test("normalizeText equals the regular-expression rules on random text", () => {
  fc.assert(fc.property(text, (t) => assert.equal(normalizeText(t), textByRegex(t))), { numRuns: 20_000 });
});

test("normalizeLine equals the regular-expression rule on random text", () => {
  fc.assert(fc.property(text, (t) => assert.equal(normalizeLine(t), lineByRegex(t))), { numRuns: 20_000 });
});

test("an abstract as arXiv wraps it becomes paragraphs of single-spaced text", () => {
  const wrapped = "  We study the\nthing at  length.\n  A second paragraph\r\nends here.\n\n\nThird.\n";
  assert.equal(normalizeText(wrapped), "We study the thing at length.\n\nA second paragraph ends here.\n\nThird.");
  assert.equal(normalizeLine("  Deep\n  Learning \t"), "Deep Learning");
});

test("text that needs no change is returned as it is", () => {
  const clean = "Already clean text with single spaces.";
  assert.equal(normalizeLine(clean), clean);
  assert.equal(normalizeText(clean), clean);
});

import assert from "node:assert/strict";
import fs from "node:fs";
import zlib from "node:zlib";
import { test } from "node:test";
import fc from "fast-check";
import { markWindows, windowPlan } from "./mark-windows.js";
import { parseQuery } from "./query/parse.js";
import { planQuery } from "./query/plan.js";
import { matchSpansUncached } from "./snippet.js";

const fixture = (name: string) => new URL(`../../test/fixtures/ingest/${name}`, import.meta.url);
const listing = zlib
  .gunzipSync(fs.readFileSync(fixture("listing-first300.jsonl.gz")))
  .toString("utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as { title: string; summary: string });
const kaggle = fs
  .readFileSync(fixture("kaggle-first200.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as { title: string; abstract: string });
const texts = [...listing.flatMap((r) => [r.title, r.summary]), ...kaggle.flatMap((r) => [r.title, r.abstract])];

/** Both ways of marking must find the same spans for the query `q`. */
function assertSameSpans(text: string, q: string): void {
  const plan = planQuery(parseQuery(q));
  const whole = matchSpansUncached(text, plan.highlightTerms, plan.highlightPhrases, false);
  const stretches = matchSpansUncached(text, plan.highlightTerms, plan.highlightPhrases, true);
  assert.deepEqual(stretches, whole, `query ${JSON.stringify(q)} on ${JSON.stringify(text.slice(0, 80))}…`);
}

/** A deterministic pick, so that a failure names the same query on every run. */
const pick = <T>(list: readonly T[], seed: number): T => list[Math.abs(Math.imul(seed, 2654435761)) % list.length]!;

test("analysing only the stretches marks what analysing the whole text marks, on 1,000 real titles and abstracts", () => {
  let queries = 0;
  texts.forEach((text, n) => {
    const words = text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w));
    if (words.length === 0) return;
    const word = (k: number) => words[(Math.abs(Math.imul(n + 1, 40503 + k)) % words.length)]!.replace(/["()]/g, "");
    const at = Math.abs(Math.imul(n + 7, 9973)) % words.length;
    const run = (length: number) => words.slice(at, at + length).join(" ").replace(/["()]/g, "");
    const hyphenated = words.find((w) => /\w-\w/.test(w))?.replace(/["()]/g, "");
    const candidates = [
      word(1),
      `${word(2)} ${word(3)}`,
      `"${run(2)}"`,
      `"${run(3)}"`,
      `"${run(5)}" ${word(4)}`,
      ...(hyphenated ? [hyphenated, `"${hyphenated} ${pick(words, n)}"`] : []),
    ];
    for (const q of candidates) {
      if (q.replace(/"/g, "").trim() === "") continue;
      assertSameSpans(text, q);
      queries++;
    }
  });
  assert.ok(queries > 3_000, `${queries} queries`);
});

test("stretches are a small part of a plain abstract, so the shortcut is taken, for short words too", () => {
  for (const q of ["quantum", "data", "use"]) {
    const plan = windowPlan(planQuery(parseQuery(q)).highlightTerms, []);
    assert.ok(plan, `a plan for ${q}`);
    let analysed = 0;
    let all = 0;
    for (const text of texts) {
      const windows = markWindows(text, plan);
      if (windows === null) continue;
      for (let w = 0; w < windows.length; w += 2) analysed += windows[w + 1]! - windows[w]!;
      all += text.length;
    }
    assert.ok(all > 100_000, `${all} characters of plain text`);
    assert.ok(analysed < all / 4, `${q}: ${analysed} of ${all} characters analysed`);
  }
});

test("a prefix counts only where a word starts, and the words that lose two letters of their term are not missed", () => {
  const use = windowPlan(["use"], [])!;
  assert.deepEqual(use.prefixes, ["us"]);
  assert.deepEqual(markWindows("misuse of a user's data", use), [12, 18], "misuse is a word of its own (misus), not a use");
  assert.deepEqual(markWindows("(used) re-use", use), [0, 13]);
  assert.equal(windowPlan(["die"], []), null, "dying analyses to die: its prefix would be one letter");
  assertSameSpans("Cells dying, lying and tying knots.", "die lie tie");
});

test("texts with LaTeX, braces or non-ASCII letters, and ids with a subject class, are analysed whole", () => {
  const plan = windowPlan(["model"], [])!;
  assert.equal(markWindows("Erd\\H{o}s graphs model", plan), null);
  assert.equal(markWindows("{T}ransformer model", plan), null);
  assert.equal(markWindows("Gödel model", plan), null);
  assert.deepEqual(markWindows("a model here", plan), [2, 7]);
  assert.equal(windowPlan(["hep-th/9901001"], []), null);
  assert.equal(windowPlan(["ai"], []), null, "a two-letter term would match nearly every word");
});

test("property: on generated texts of stopwords, compounds, numbers and punctuation, both ways mark alike", () => {
  const vocabulary = ["model", "models", "modelling", "state", "of", "the", "art", "state-of-the-art", "x-ray", "xray", "GPT-4", "gpt4", "1.4B", "large", "language", "in", "a", "studies", "study", "dying", "parameter-efficient", "Parameter", "efficient", "hep-th/9901001", "2401.01234v2", "re-use", "reuse", "use", "using", "misuse", "tie", "tying", "lie", "lying", "data", "3D", "2D-to-3D", "images", "imaging", "set", "sets"];
  const separators = [" ", "  ", "\n", ", ", ". ", " (", ") ", " - ", "-", "/", "'s ", "\t"];
  const text = fc.array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(...separators)), { minLength: 1, maxLength: 40 }).map((parts) => parts.map(([w, s]) => w + s).join(""));
  const query = fc.array(fc.constantFrom(...vocabulary.filter((w) => !w.includes("/"))), { minLength: 1, maxLength: 4 }).chain((words) =>
    fc.constantFrom(words.join(" "), `"${words.join(" ")}"`, `"${words.slice(0, 2).join(" ")}" ${words.slice(2).join(" ")}`),
  );
  fc.assert(
    fc.property(text, query, (t, q) => {
      if (q.replace(/"/g, "").trim() === "") return;
      assertSameSpans(t, q);
    }),
    { numRuns: 3_000 },
  );
});

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { analyze, analyzeInto } from "./analyze/analyzer.js";
import { parseQuery } from "./query/parse.js";
import { type HighlightPhrase, planQuery } from "./query/plan.js";
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

test("a phrase is marked where its words stand together, not word by word", () => {
  const plan = planQuery(parseQuery('"language models" diffusion'));
  // ("a language for models" would be marked: stopwords take no position, in the index as here.)
  const text = "Large language models: a language design for models, and diffusion language-models.";
  const marked = highlight(text, plan.highlightTerms, plan.highlightPhrases)
    .filter((s) => s.match)
    .map((s) => s.text);
  assert.deepEqual(marked, ["language models", "diffusion", "language-models"]);
  // Stopwords take no position: "state of the art" stands together in "state-of-the-art".
  const art = planQuery(parseQuery('"state of the art"'));
  const spans = highlight("A state-of-the-art model; the art of the state.", art.highlightTerms, art.highlightPhrases);
  assert.deepEqual(spans.filter((s) => s.match).map((s) => s.text), ["state-of-the-art"]);
  // The snippet's window follows the phrase, not its words elsewhere.
  const filler = "lorem ipsum dolor sit amet ".repeat(20);
  const long = `language ${filler} models ${filler} large language models here ${filler}`;
  const excerpt = snippet(long, plan.highlightTerms, 120, plan.highlightPhrases);
  assert.deepEqual(excerpt.filter((s) => s.match).map((s) => s.text), ["language models"]);
});

test("the same text marked for other words or other phrases is marked anew, not as last time", () => {
  const text = "Graph models of language models and graph language.";
  const marks = (terms: string[], phrases = planQuery(parseQuery("x")).highlightPhrases) =>
    highlight(text, terms, phrases)
      .filter((s) => s.match)
      .map((s) => s.text);
  const words = analyze("graph");
  assert.deepEqual(marks(words), ["Graph", "graph"]);
  // A new array with the same words, then other words: each call marks what it was given.
  assert.deepEqual(marks([...words]), ["Graph", "graph"]);
  assert.deepEqual(marks(analyze("language")), ["language", "language"]);
  const phrase = planQuery(parseQuery('"language models"'));
  assert.deepEqual(marks(phrase.highlightTerms, phrase.highlightPhrases), ["language models"]);
  // The same words (none) with another phrase list: nothing is marked now.
  assert.deepEqual(marks(phrase.highlightTerms, []), []);
  // The excerpt and the whole text of one call pair agree on the marks.
  const long = `${"lorem ipsum ".repeat(40)}graph language ${"dolor sit ".repeat(40)}`;
  const terms = analyze("graph language");
  const excerpt = snippet(long, terms, 120).filter((s) => s.match).map((s) => s.text);
  const whole = highlight(long, terms).filter((s) => s.match).map((s) => s.text);
  assert.deepEqual(excerpt, ["graph", "language"]);
  assert.deepEqual(whole, ["graph", "language"]);
});

/**
 * The marking rules spelled out on the whole analysis, word by word: a word is marked when its
 * term is a query term, and a phrase from its first word to its last when each of its terms is
 * at its offset, found anywhere after the one before.
 */
function modelMarks(text: string, terms: readonly string[], phrases: readonly HighlightPhrase[]): string[] {
  const words: Array<{ term: string; position: number; start: number; end: number }> = [];
  analyzeInto(text, (term, position, start, end) => words.push({ term, position, start, end }));
  const spans: Array<{ start: number; end: number }> = [];
  const add = (start: number, end: number) => {
    const last = spans.at(-1);
    if (last && start < last.end) last.end = Math.max(last.end, end);
    else spans.push({ start, end });
  };
  words.forEach((word, i) => {
    if (terms.includes(word.term)) add(word.start, word.end);
    for (const phrase of phrases) {
      if (word.term !== phrase.terms[0]) continue;
      let j = i;
      for (let k = 1; k < phrase.terms.length && j >= 0; k++) {
        const want = word.position - phrase.offsets[0]! + phrase.offsets[k]!;
        j = words.findIndex((w, m) => m > j && w.position === want && w.term === phrase.terms[k]);
      }
      if (j >= 0) add(word.start, words[j]!.end);
    }
  });
  return spans.map((s) => text.slice(s.start, s.end));
}

// Few words, with stopwords, compounds, LaTeX and an arXiv id, so that phrases and joined forms meet often.
const WORDS = ["graph", "graphs", "language", "models", "Model", "of", "the", "state", "art", "state-of-the-art", "language-models", "GPT-4", "neural", "\\alpha", "Schr\\\"odinger", "2401.00001v2", "a", "non-linear", "linear"];
const QUERIES = ["graph", "language models", '"language models"', '"state of the art"', '"graph neural"', "model linear", '"linear models" art', '"nonlinear graph"', '"neural nonlinear"', "gpt4", '"schrodinger language"'];

test("marks made from the query's words alone, from a text seen before and from a kept one equal the rules on the whole analysis", () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }), fc.array(fc.constantFrom(" ", ", ", ". ", "-"), { minLength: 40, maxLength: 40 }), fc.constantFrom(...QUERIES), (words, gaps, query) => {
      const text = words.map((w, i) => w + gaps[i]).join("");
      const plan = planQuery(parseQuery(query));
      const expected = modelMarks(text, plan.highlightTerms, plan.highlightPhrases);
      // First a text new to the process, then seen once (analysed whole and kept), then kept.
      for (let round = 0; round < 3; round++) {
        const marked = highlight(text, [...plan.highlightTerms], plan.highlightPhrases)
          .filter((s) => s.match)
          .map((s) => s.text);
        assert.deepEqual(marked, expected, `round ${round}: ${JSON.stringify(text)} for ${query}`);
      }
    }),
    { numRuns: 2000 },
  );
});

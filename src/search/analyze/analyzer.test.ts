import assert from "node:assert/strict";
import { test } from "node:test";
import { stem } from "porter2";
import fc from "fast-check";
import { analyze, analyzeInto, Vocabulary } from "./analyzer.js";

const terms = (text: string) => analyze(text).join(" ");

test("folds case, accents and compatibility forms (NFKC)", () => {
  assert.equal(terms("Schrödinger SCHRODINGER"), "schroding schroding");
  assert.equal(terms("ﬁnite Ｆｕｌｌ"), "finit full");
  assert.equal(terms("Œuvre Straße"), "oeuvr strass");
});

test("hyphenated words give their parts and the joined form", () => {
  assert.equal(terms("parameter-efficient"), "paramet effici parametereffici");
  assert.equal(terms("GPT-4"), "gpt 4 gpt4");
  assert.equal(terms("state-of-the-art"), "state art stateoftheart");
});

test("the joined form shares the first part's position", () => {
  const seen: string[] = [];
  analyzeInto("fine-tuning works", (term, position, _s, _e, joined) => seen.push(`${term}@${position}${joined ? "*" : ""}`));
  assert.deepEqual(seen, ["fine@0", "tune@1", "finetun@0*", "work@2"]);
});

test("LaTeX: Greek letters and operators become words, markup is dropped, accents join words", () => {
  assert.equal(terms("$J/\\Psi$ production"), "j psi product");
  assert.equal(terms("\\mathcal{O}(n) time"), "o n time");
  assert.equal(terms("$\\alpha_s$ and \\varepsilon, \\log n, \\emph{strong} \\textbf{coupling}"), "alpha s epsilon log n strong coupl");
  assert.equal(terms("C. Bal\\'azs, Erd\\H{o}s, G\\\"{o}del, {\\O}rsted"), "c balaz erdo godel orst");
});

test("numbers and model sizes stay whole tokens", () => {
  assert.equal(terms("1.4B parameters, 3D scenes, 124M tokens, 0.5 eV"), "1.4b paramet 3d scene 124m token 0.5 ev");
});

test("arXiv ids are single canonical tokens, with or without version", () => {
  assert.equal(terms("arXiv:2401.01234v2"), "arxiv 2401.01234");
  assert.equal(terms("see hep-th/9901001v3 and math.GT/0309136"), "see hep-th/9901001 math/0309136");
});

test("stopwords take no position; possessives are dropped", () => {
  const seen: string[] = [];
  analyzeInto("the state of the art in Hawking's work", (term, position) => seen.push(`${term}@${position}`));
  assert.deepEqual(seen, ["state@0", "art@1", "hawk@2", "work@3"]);
});

test("token spans point into the original text", () => {
  const text = "Erd\\H{o}s wrote";
  const spans: string[] = [];
  analyzeInto(text, (_t, _p, start, end) => spans.push(text.slice(start, end)));
  assert.deepEqual(spans, ["Erd\\H{o}s", "wrote"]);
});

test("porter2 stems the Snowball English reference words as the reference does", () => {
  // From the Snowball English sample vocabulary and its expected output.
  const pairs: Array<[string, string]> = [
    ["consign", "consign"], ["consigned", "consign"], ["consigning", "consign"], ["consignment", "consign"],
    ["consist", "consist"], ["consisted", "consist"], ["consistency", "consist"], ["consistent", "consist"],
    ["knack", "knack"], ["knackeries", "knackeri"], ["knaves", "knave"], ["generously", "generous"],
    ["skies", "sky"], ["dying", "die"], ["news", "news"], ["proceed", "proceed"], ["exceeding", "exceed"],
  ];
  for (const [word, expected] of pairs) assert.equal(stem(word), expected, word);
});

test("hostile input never throws", () => {
  for (const text of ["\\", "\\\\\\", "{{{", "}}}", "$$$", "\u0000\u0001", "🙂🙂", "-".repeat(1000), "a-".repeat(500), "\\c", "\\v{", "x".repeat(10000)]) {
    assert.doesNotThrow(() => analyze(text), text.slice(0, 20));
  }
  assert.deepEqual(analyze("x".repeat(100)), [], "over-long tokens are not indexed");
});

test("the vocabulary keeps each term's UTF-8 and sorts terms in byte order, astral characters too", () => {
  const utf8 = new TextEncoder();
  fc.assert(
    fc.property(fc.uniqueArray(fc.string({ unit: fc.constantFrom("a", "b", "é", "ω", "\uffe0", "😀", "𝔞") }), { maxLength: 40 }), (words) => {
      const vocabulary = new Vocabulary();
      const ids = words.map((w) => vocabulary.id(w));
      ids.forEach((id, i) => assert.deepEqual(vocabulary.bytes(id), utf8.encode(words[i]!)));
      const expected = [...words].sort((x, y) => Buffer.compare(utf8.encode(x), utf8.encode(y)));
      assert.deepEqual(vocabulary.inByteOrder([...ids]).map((id) => vocabulary.terms[id]), expected);
      const narrow = ids.filter((id) => !/[\ud800-\uffff]/.test(vocabulary.terms[id]!));
      assert.deepEqual(vocabulary.inByteOrder(narrow).map((id) => vocabulary.terms[id]), expected.filter((w) => !/[\ud800-\uffff]/.test(w)));
    }),
  );
});

test("the vocabulary's UTF-8 outgrows its first buffers without losing a term", () => {
  const vocabulary = new Vocabulary();
  const words = Array.from({ length: 10_000 }, (_, i) => `término-${i}-${"ω".repeat(i % 7)}`);
  for (const w of words) vocabulary.id(w);
  const decoder = new TextDecoder();
  for (const i of [0, 4095, 4096, 9999]) assert.equal(decoder.decode(vocabulary.bytes(i)), words[i]);
});

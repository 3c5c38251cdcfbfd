import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { escaped } from "./web/components/html-string.js";
import { decodeRefs, isLatin1 } from "./testing/fixture-app.js";
import { jsonLatin1, latin1Html, latin1Json } from "./latin1.js";

test("latin1Html writes every character above U+00FF as a reference, and an HTML parser reads back the same text", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary" }), (text) => {
      const html = escaped(text);
      const out = latin1Html(html);
      assert.ok(isLatin1(out), JSON.stringify(out));
      assert.equal(decodeRefs(out), decodeRefs(html));
      assert.equal(latin1Html(out), out, "applied twice, nothing changes");
    }),
    { numRuns: 2_000 },
  );
});

test("latin1Html leaves Latin-1 alone and writes an astral character as one reference", () => {
  assert.equal(latin1Html("Schrödinger &amp; Café à 5 µm"), "Schrödinger &amp; Café à 5 µm");
  assert.equal(latin1Html("α-decay “quoted” 🚀 Łukasz"), "&#945;-decay &#8220;quoted&#8221; &#128640; &#321;ukasz");
});

test("JSON answers are written in Latin-1, wider characters as \\u escapes, and parse to the same value", () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 3 }), fc.array(fc.string({ unit: "binary" }), { maxLength: 5 }), (value, texts) => {
      for (const v of [value, texts, { texts }]) {
        const out = jsonLatin1(v);
        assert.ok(isLatin1(out), out);
        assert.deepEqual(JSON.parse(out), JSON.parse(JSON.stringify(v)));
      }
    }),
    { numRuns: 1_000 },
  );
  assert.equal(latin1Json('{"t":"α é 🚀"}'), '{"t":"\\u03b1 é \\ud83d\\ude80"}');
  assert.equal(jsonLatin1([1, undefined, "Łódź"]), '[1,null,"\\u0141ód\\u017a"]');
});

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { latin1Html } from "../../latin1.js";
import { escaped, latin1Text } from "./html-string.js";

/** Numeric references back to their characters, as an HTML parser reads them. */
const decodeNumeric = (html: string) => html.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));

const latin1Only = (s: string) => /^[\x00-\xff]*$/.test(s);

test("latin1Html writes every character above U+00FF as a reference, and an HTML parser reads back the same text", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary" }), (text) => {
      const html = escaped(text);
      const out = latin1Html(html);
      assert.ok(latin1Only(out), JSON.stringify(out));
      assert.equal(decodeNumeric(out), decodeNumeric(html));
      assert.equal(latin1Html(out), out, "applied twice, nothing changes");
    }),
    { numRuns: 2_000 },
  );
});

test("latin1Html leaves Latin-1 alone and writes an astral character as one reference", () => {
  assert.equal(latin1Html("Schrödinger &amp; Café à 5 µm"), "Schrödinger &amp; Café à 5 µm");
  assert.equal(latin1Html("α-decay “quoted” 🚀 Łukasz"), "&#945;-decay &#8220;quoted&#8221; &#128640; &#321;ukasz");
  assert.equal(String(latin1Text('<b> & "Łódź"')), "&lt;b&gt; &amp; &quot;&#321;ód&#378;&quot;");
});

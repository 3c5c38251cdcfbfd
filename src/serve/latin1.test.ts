import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { jsonLatin1, latin1Json } from "./latin1.js";

const latin1Only = (s: string) => /^[\x00-\xff]*$/.test(s);

test("JSON answers are written in Latin-1, wider characters as \\u escapes, and parse to the same value", () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 3 }), fc.array(fc.string({ unit: "binary" }), { maxLength: 5 }), (value, texts) => {
      for (const v of [value, texts, { texts }]) {
        const out = jsonLatin1(v);
        assert.ok(latin1Only(out), out);
        assert.deepEqual(JSON.parse(out), JSON.parse(JSON.stringify(v)));
      }
    }),
    { numRuns: 1_000 },
  );
  assert.equal(latin1Json('{"t":"α é 🚀"}'), '{"t":"\\u03b1 é \\ud83d\\ude80"}');
  assert.equal(jsonLatin1([1, undefined, "Łódź"]), '[1,null,"\\u0141ód\\u017a"]');
});

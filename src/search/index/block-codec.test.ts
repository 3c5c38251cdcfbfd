import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { readBlock, writeBlock } from "./block-codec.js";
import { ByteWriter } from "./bytes.js";

test("blocks round-trip docs and combo codes at every bit width", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: -1, max: 1000 }),
      fc.array(fc.tuple(fc.integer({ min: 1, max: (1 << 23) - 1 }), fc.integer({ min: 0, max: 70000 })), { minLength: 1, maxLength: 128 }),
      (previous, postings) => {
        const out = new ByteWriter(4);
        out.vbyte(5); // blocks start anywhere in the stream
        const gaps = Int32Array.from(postings, ([g]) => g);
        const combos = Int32Array.from(postings, ([, c]) => c);
        writeBlock(out, gaps, combos, postings.length);
        const docs = new Int32Array(128);
        const read = new Int32Array(128);
        const end = readBlock(out.bytes, 1, postings.length, previous, docs, read);
        assert.equal(end, out.length);
        let doc = previous;
        postings.forEach(([gap, combo], i) => {
          doc += gap;
          assert.equal(docs[i], doc);
          assert.equal(read[i], combo);
        });
      },
    ),
  );
});

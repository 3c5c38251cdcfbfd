import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { readBlock, readPositionValues, writeBlock, writePositionBlock } from "./block-codec.js";
import { BlockProbe } from "./block-probe.js";
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
        // A copy that ends where the block does: its last values are read without bytes after them.
        const end = readBlock(out.bytes.slice(0, out.length), 1, postings.length, previous, docs, read);
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

// Mostly small values with a few large ones: the case the patched runs are for.
const skewed = (max: number) => fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 7 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max }) });

test("skewed blocks round-trip through their exceptions", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(skewed((1 << 24) - 2), skewed(70000)), { minLength: 1, maxLength: 128 }), (postings) => {
      const out = new ByteWriter(4);
      const gaps = Int32Array.from(postings, ([g]) => g + 1);
      const combos = Int32Array.from(postings, ([, c]) => c);
      writeBlock(out, gaps, combos, postings.length);
      const docs = new Int32Array(128);
      const read = new Int32Array(128);
      assert.equal(readBlock(out.bytes.slice(0, out.length), 0, postings.length, -1, docs, read), out.length);
      let doc = -1;
      postings.forEach(([gap, combo], i) => {
        doc += gap + 1;
        assert.equal(docs[i], doc);
        assert.equal(read[i], combo);
      });
    }),
  );
});

test("any range of a position block reads back", () => {
  fc.assert(
    fc.property(fc.array(skewed(0xffff), { minLength: 1, maxLength: 600 }), fc.nat(), fc.nat(), (values, a, b) => {
      const out = new ByteWriter(4);
      out.vbyte(300);
      writePositionBlock(out, Int32Array.from(values), values.length);
      out.ensure(2);
      const from = a % values.length;
      const count = b % (values.length - from + 1);
      const read = new Int32Array(count);
      readPositionValues(out.bytes, 2, from, count, read);
      assert.deepEqual(Array.from(read), values.slice(from, from + count));
      // Where the array ends with the block (the last values have no bytes after them), and as a
      // view into a larger buffer at an odd offset, as a mapped index file's arrays are.
      const exact = new Int32Array(count);
      readPositionValues(out.bytes.slice(0, out.length), 2, from, count, exact);
      assert.deepEqual(Array.from(exact), values.slice(from, from + count));
      const wider = new Uint8Array(out.length + 8);
      wider.set(out.bytes.subarray(0, out.length), 3);
      const offset = new Int32Array(count);
      readPositionValues(wider.subarray(3, 3 + out.length), 2, from, count, offset);
      assert.deepEqual(Array.from(offset), values.slice(from, from + count));
    }),
  );
});

test("a block read from a view at an odd offset into a larger buffer reads the same", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(skewed((1 << 24) - 2), skewed(70000)), { minLength: 1, maxLength: 128 }), fc.integer({ min: 1, max: 7 }), (postings, shift) => {
      const out = new ByteWriter(4);
      writeBlock(out, Int32Array.from(postings, ([g]) => g + 1), Int32Array.from(postings, ([, c]) => c), postings.length);
      const wider = new Uint8Array(out.length + 16).fill(0xff);
      wider.set(out.bytes.subarray(0, out.length), shift);
      const docs = new Int32Array(128);
      const read = new Int32Array(128);
      assert.equal(readBlock(wider.subarray(shift, shift + out.length), 0, postings.length, -1, docs, read), out.length);
      let doc = -1;
      postings.forEach(([gap, combo], i) => {
        doc += gap + 1;
        assert.equal(docs[i], doc);
        assert.equal(read[i], combo);
      });
    }),
  );
});

test("a probe finds exactly the block's docs, with their combos, decoding only as far as asked", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(skewed((1 << 23) - 2), skewed(70000)), { minLength: 1, maxLength: 128 }),
      fc.array(fc.nat(1 << 24), { maxLength: 40 }),
      fc.integer({ min: -1, max: 1000 }),
      (postings, extra, previous) => {
        const out = new ByteWriter(4);
        out.vbyte(7);
        const gaps = Int32Array.from(postings, ([g]) => g + 1);
        const combos = Int32Array.from(postings, ([, c]) => c);
        writeBlock(out, gaps, combos, postings.length);
        const docs = new Int32Array(128);
        const read = new Int32Array(128);
        readBlock(out.bytes, 1, postings.length, previous, docs, read);
        const at = new Map<number, number>();
        for (let i = 0; i < postings.length; i++) at.set(docs[i]!, i);
        // Docs asked in increasing order: some of the block's, others between and beyond them.
        const asked = [...new Set([...docs.subarray(0, postings.length).filter((_, i) => i % 3 !== 1), ...extra.map((x) => x + previous)])].sort((a, b) => a - b);
        const probe = new BlockProbe();
        probe.open(out.bytes, 1, postings.length, previous);
        for (const doc of asked) {
          const i = probe.find(doc);
          assert.equal(i, at.get(doc) ?? -1, `doc ${doc}`);
          if (i >= 0) assert.equal(probe.combo(i), read[i]);
        }
      },
    ),
  );
});

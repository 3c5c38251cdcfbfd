/**
 * Postings blocks, bit-packed: a block of up to 128 postings stores one byte with the bit width
 * of its doc gaps and one with the width of its combo codes, then the gaps (minus one), then the
 * codes, each packed at that width. Dense lists of common terms cost a few bits a posting instead
 * of a byte or two. The block's positions are packed the same way in the positions stream: one
 * width byte, then every position value of every posting in the block.
 */
import type { ByteWriter } from "./bytes.js";

/** Docs per segment are below 2^24, so gaps fit 24 bits and packing stays in 31-bit integers. */
export const MAX_SEGMENT_DOCS = 1 << 24;

export const bitsFor = (max: number) => (max === 0 ? 0 : 32 - Math.clz32(max));

/** Packs values[0, n) − minus at `width` bits each, whole bytes at the end. */
export function pack(out: ByteWriter, values: Int32Array, n: number, width: number, minus: number) {
  if (width === 0) return;
  out.ensure(Math.ceil((n * width) / 8) + 4);
  const bytes = out.bytes;
  let p = out.length;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < n; i++) {
    acc |= (values[i]! - minus) << bits;
    bits += width;
    while (bits >= 8) {
      bytes[p++] = acc & 255;
      acc >>>= 8;
      bits -= 8;
    }
  }
  if (bits > 0) bytes[p++] = acc & 255;
  out.length = p;
}

/** Writes `n` postings given as gaps (≥ 1) and combo codes. */
export function writeBlock(out: ByteWriter, gaps: Int32Array, combos: Int32Array, n: number) {
  let maxGap = 0;
  let maxCombo = 0;
  for (let i = 0; i < n; i++) {
    if (gaps[i]! - 1 > maxGap) maxGap = gaps[i]! - 1;
    if (combos[i]! > maxCombo) maxCombo = combos[i]!;
  }
  const gapBits = bitsFor(maxGap);
  const comboBits = bitsFor(maxCombo);
  out.ensure(2);
  out.bytes[out.length++] = gapBits;
  out.bytes[out.length++] = comboBits;
  pack(out, gaps, n, gapBits, 1);
  pack(out, combos, n, comboBits, 0);
}

/**
 * Decodes the block at `at` into docs (from the doc before the block, `previous`) and combos;
 * returns the offset after the block.
 */
export function readBlock(bytes: Uint8Array, at: number, n: number, previous: number, docs: Int32Array, combos: Int32Array): number {
  const gapBits = bytes[at]!;
  const comboBits = bytes[at + 1]!;
  let p = at + 2;
  let acc = 0;
  let bits = 0;
  let doc = previous;
  const gapMask = (1 << gapBits) - 1;
  for (let i = 0; i < n; i++) {
    while (bits < gapBits) {
      acc |= bytes[p++]! << bits;
      bits += 8;
    }
    doc += (acc & gapMask) + 1;
    docs[i] = doc;
    acc >>>= gapBits;
    bits -= gapBits;
  }
  acc = 0;
  bits = 0;
  const comboMask = (1 << comboBits) - 1;
  for (let i = 0; i < n; i++) {
    while (bits < comboBits) {
      acc |= bytes[p++]! << bits;
      bits += 8;
    }
    combos[i] = acc & comboMask;
    acc >>>= comboBits;
    bits -= comboBits;
  }
  return p;
}

/** Writes a block's position values: a width byte, then the values packed. */
export function writePositionBlock(out: ByteWriter, values: Int32Array, n: number) {
  let max = 0;
  for (let i = 0; i < n; i++) if (values[i]! > max) max = values[i]!;
  const width = bitsFor(max);
  out.ensure(1);
  out.bytes[out.length++] = width;
  pack(out, values, n, width, 0);
}

/** Reads `count` position values starting with value number `from` of the block at `at`. */
export function readPositionValues(bytes: Uint8Array, at: number, from: number, count: number, out: Int32Array): void {
  const width = bytes[at]!;
  if (width === 0) {
    out.fill(0, 0, count);
    return;
  }
  const mask = (1 << width) - 1;
  let bit = from * width;
  for (let i = 0; i < count; i++, bit += width) {
    const p = at + 1 + (bit >>> 3);
    // A value of at most 16 bits spans at most 3 bytes.
    const word = bytes[p]! | (bytes[p + 1]! << 8) | (bytes[p + 2]! << 16);
    out[i] = (word >>> (bit & 7)) & mask;
  }
}

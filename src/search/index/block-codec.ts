/**
 * Postings blocks: a block of up to 128 postings stores its doc gaps (minus one), then its combo
 * codes, each as a patched run (patched.ts): packed at a width most values fit, the few larger
 * ones as exceptions. Dense lists of common terms cost a few bits a posting instead of a byte or
 * two, and one long gap or rare combo no longer widens the whole block. The block's positions
 * follow it as one patched run: every position value of every posting in order.
 */
import type { ByteWriter } from "./bytes.js";
import { newRun, openRun, packPatched, patch } from "./patched.js";

export { bitsFor, pack } from "./patched.js";

/** Docs per segment are below 2^24, so gaps fit 24 bits and packing stays in 31-bit integers. */
export const MAX_SEGMENT_DOCS = 1 << 24;

/** Writes `n` postings given as gaps (≥ 1) and combo codes. */
export function writeBlock(out: ByteWriter, gaps: Int32Array, combos: Int32Array, n: number) {
  packPatched(out, gaps, n, 1);
  packPatched(out, combos, n, 0);
}

const run = newRun();

/**
 * The value under `mask` at bit `bit` of the bits packed from `p`: a value of at most 24 bits at a
 * bit offset below 8 spans at most 4 bytes; bytes past the array read as 0.
 */
function packedAt(bytes: Uint8Array, p: number, bit: number, mask: number): number {
  const q = p + (bit >>> 3);
  const word = (bytes[q] ?? 0) | ((bytes[q + 1] ?? 0) << 8) | ((bytes[q + 2] ?? 0) << 16) | ((bytes[q + 3] ?? 0) << 24);
  return (word >>> (bit & 7)) & mask;
}

/**
 * A DataView of each postings array read: one unaligned little-endian 32-bit load a value instead
 * of four byte loads. The search bench's 2,000 queries at 1M papers took 10–13% less time in one
 * process alternating the two (14 rounds). The last view is kept at hand, as a query reads one
 * segment's postings for long stretches (so a dropped segment's postings outlive it until another
 * array is read).
 */
const views = new WeakMap<Uint8Array, DataView>();
let lastBytes: Uint8Array | null = null;
let lastView: DataView | null = null;

function viewOf(bytes: Uint8Array): DataView {
  if (bytes === lastBytes) return lastView!;
  let view = views.get(bytes);
  if (view === undefined) views.set(bytes, (view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
  lastBytes = bytes;
  lastView = view;
  return view;
}

/** Unpacks the run at `at` (n values) into out; returns the offset after it. */
function readRun(bytes: Uint8Array, at: number, n: number, out: Int32Array): number {
  const p = openRun(bytes, at, run);
  const width = run.width;
  if (width === 0) out.fill(0, 0, n);
  else {
    const mask = (1 << width) - 1;
    // Each value from the 4 bytes holding it (a width ≤ 24 shifted by ≤ 7 bits fits in 31), with
    // no branch per value; the last values, whose 4 bytes would run past the array, by packedAt.
    const fast = Math.min(n, Math.floor(((bytes.length - 3 - p) * 8) / width));
    const view = viewOf(bytes);
    let bit = 0;
    let i = 0;
    for (; i < fast; i++, bit += width) out[i] = (view.getUint32(p + (bit >>> 3), true) >>> (bit & 7)) & mask;
    for (; i < n; i++, bit += width) out[i] = packedAt(bytes, p, bit, mask);
  }
  if (run.exceptions > 0) patch(bytes, run, 0, n, out);
  return p + Math.ceil((n * width) / 8);
}

/**
 * Decodes the block at `at` into docs (from the doc before the block, `previous`) and combos;
 * returns the offset after the block.
 */
export function readBlock(bytes: Uint8Array, at: number, n: number, previous: number, docs: Int32Array, combos: Int32Array): number {
  return readRun(bytes, readBlockDocs(bytes, at, n, previous, docs), n, combos);
}

/** The docs half of `readBlock`; returns where the block's combos start (for `readBlockCombos`). */
export function readBlockDocs(bytes: Uint8Array, at: number, n: number, previous: number, docs: Int32Array): number {
  const p = readRun(bytes, at, n, docs);
  let doc = previous;
  for (let i = 0; i < n; i++) docs[i] = doc += docs[i]! + 1;
  return p;
}

/** The combos half of `readBlock`, from the offset `readBlockDocs` returned. */
export function readBlockCombos(bytes: Uint8Array, at: number, n: number, combos: Int32Array): number {
  return readRun(bytes, at, n, combos);
}

/**
 * The combo of posting `index` alone, from the offset `readBlockDocs` returned: a probe that found
 * its doc (filter-driven scoring of a few listed docs) need not decode the block's other combos.
 */
export function readBlockCombo(bytes: Uint8Array, at: number, index: number): number {
  const low = openRun(bytes, at, run);
  const width = run.width;
  let value = 0;
  if (width > 0) value = packedAt(bytes, low, index * width, (1 << width) - 1);
  if (run.exceptions > 0) {
    one[0] = value;
    patch(bytes, run, index, 1, one);
    value = one[0]!;
  }
  return value;
}
const one = new Int32Array(1);

/** Writes a block's position values (each below 2^16) as one patched run. */
export function writePositionBlock(out: ByteWriter, values: Int32Array, n: number) {
  packPatched(out, values, n, 0);
}

/** Reads `count` position values starting with value number `from` of the block at `at`. */
export function readPositionValues(bytes: Uint8Array, at: number, from: number, count: number, out: Int32Array): void {
  const low = openRun(bytes, at, run);
  const width = run.width;
  if (width === 0) out.fill(0, 0, count);
  else {
    const mask = (1 << width) - 1;
    let bit = from * width;
    // As in readRun: a 4-byte load a value up to the array's last 4 bytes, the rest by packedAt.
    const fast = Math.min(count, Math.max(0, Math.floor(((bytes.length - 3 - low) * 8 - bit) / width)));
    const view = viewOf(bytes);
    let i = 0;
    for (; i < fast; i++, bit += width) out[i] = (view.getUint32(low + (bit >>> 3), true) >>> (bit & 7)) & mask;
    for (; i < count; i++, bit += width) out[i] = packedAt(bytes, low, bit, mask);
  }
  if (run.exceptions > 0) patch(bytes, run, from, count, out);
}

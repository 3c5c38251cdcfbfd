/**
 * Patched frame of reference: a run of small non-negative integers packed at one low width,
 * with the few values that need more bits stored as exceptions (their index and high bits).
 * Packing everything at the widest value's width wastes bits on every value when one outlier
 * (a long doc gap, a rare tf combination, a late position) sets the width for the block.
 *
 * Layout: a header byte (low width, 0x80 when there are exceptions); with exceptions a byte with
 * the high width, the exception count and each index's distance from the previous one as
 * variable-byte integers, then the high parts packed; then the low parts packed. Exceptions come
 * first so a reader can find the low parts without knowing how many values the run holds.
 */
import type { ByteWriter } from "./bytes.js";

export const bitsFor = (max: number) => (max === 0 ? 0 : 32 - Math.clz32(max));

const PATCHED = 0x80;
const widthCounts = new Int32Array(33);
let highs = new Int32Array(256);

/** Packs values[0, n) − minus at `width` bits each (width ≤ 24), whole bytes at the end. */
export function pack(out: ByteWriter, values: Int32Array, n: number, width: number, minus: number) {
  if (width === 0) return;
  out.ensure(Math.ceil((n * width) / 8) + 4);
  const bytes = out.bytes;
  let p = out.length;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < n; i++) {
    acc |= ((values[i]! - minus) & ((1 << width) - 1)) << bits;
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

const vbyteLength = (v: number) => (v < 128 ? 1 : v < 16384 ? 2 : 3);

/** Exceptions and the widest value's width at the width `chooseWidth` last chose. */
let chosenExceptions = 0;
let chosenTop = 0;

/** The low width with the fewest bits in all (exception indexes counted at about a byte each). */
function chooseWidth(values: Int32Array, n: number, minus: number): number {
  widthCounts.fill(0);
  let max = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]! - minus;
    widthCounts[32 - Math.clz32(v)]!++;
    if (v > max) max = v;
  }
  const top = 32 - Math.clz32(max);
  let best = top;
  let bestCost = n * top;
  let bestExceptions = 0;
  let exceptions = 0;
  for (let w = top - 1; w >= 0; w--) {
    exceptions += widthCounts[w + 1]!;
    const cost = n * w + 8 * (1 + vbyteLength(exceptions)) + exceptions * (8 + top - w);
    if (cost < bestCost) {
      best = w;
      bestCost = cost;
      bestExceptions = exceptions;
    }
  }
  chosenExceptions = bestExceptions;
  chosenTop = top;
  return best;
}

/** Writes values[0, n) − minus (all ≥ 0, below 2^24) patched; see the file comment. */
export function packPatched(out: ByteWriter, values: Int32Array, n: number, minus: number) {
  const width = chooseWidth(values, n, minus);
  const exceptions = chosenExceptions;
  const top = chosenTop;
  out.ensure(2);
  if (exceptions === 0) {
    out.bytes[out.length++] = width;
  } else {
    out.bytes[out.length++] = width | PATCHED;
    out.bytes[out.length++] = top - width;
    out.vbyte(exceptions);
    if (highs.length < exceptions) highs = new Int32Array(2 * exceptions);
    let previous = 0;
    let k = 0;
    for (let i = 0; i < n; i++) {
      const high = (values[i]! - minus) >>> width;
      if (high === 0) continue;
      out.vbyte(i - previous);
      previous = i;
      highs[k++] = high;
    }
    pack(out, highs, exceptions, top - width, 0);
  }
  pack(out, values, n, width, minus);
}

/** Offset of the low parts of the run at `at`; sets `run.width` and, when patched, the exceptions. */
export function openRun(bytes: Uint8Array, at: number, run: Run): number {
  const header = bytes[at]!;
  run.width = header & 0x7f;
  run.exceptions = 0;
  if ((header & PATCHED) === 0) return at + 1;
  run.highWidth = bytes[at + 1]!;
  let p = at + 2;
  let e = 0;
  // Every loop here stops at the end of the bytes: damaged bytes (a run read past its end) must
  // give wrong values at worst, never a loop that spins on reads beyond the array.
  const end = bytes.length;
  for (let shift = 0; p < end; shift += 7) {
    const b = bytes[p++]!;
    if (b >= 128) {
      e += (b & 127) * 2 ** shift;
      break;
    }
    e += b * 2 ** shift;
  }
  // Each exception takes at least one index byte: a larger count is damage.
  e = Math.min(e, end - p);
  run.exceptions = e;
  run.indexAt = p;
  // Skip the index distances, then the packed high parts.
  for (let left = e; left > 0 && p < end; p++) if (bytes[p]! >= 128) left--;
  run.highAt = p;
  return p + Math.ceil((e * run.highWidth) / 8);
}

/** Where a run's exceptions are, filled by `openRun`. */
export interface Run {
  width: number;
  highWidth: number;
  exceptions: number;
  indexAt: number;
  highAt: number;
}

/** Where the variable-byte integer `readDistance` read last ends. */
export const distanceEnd = { at: 0 };

/**
 * An exception's index distance: a variable-byte integer at `p` (its last byte marked by the high
 * bit), read no further than the bytes go; sets `distanceEnd.at` past it.
 */
export function readDistance(bytes: Uint8Array, p: number): number {
  let distance = 0;
  for (let shift = 0; p < bytes.length; shift += 7) {
    const b = bytes[p++]!;
    if (b >= 128) {
      distance += (b & 127) << shift;
      break;
    }
    distance += b << shift;
  }
  distanceEnd.at = p;
  return distance;
}

export const newRun = (): Run => ({ width: 0, highWidth: 0, exceptions: 0, indexAt: 0, highAt: 0 });

/**
 * Adds the high parts of exceptions with index in [from, from + count) to out[index − from]
 * (which holds the low parts).
 */
export function patch(bytes: Uint8Array, run: Run, from: number, count: number, out: Int32Array) {
  const { width, highWidth } = run;
  const mask = (1 << highWidth) - 1;
  let p = run.indexAt;
  let index = 0;
  for (let k = 0; k < run.exceptions; k++) {
    if (p >= bytes.length) return; // damaged: see openRun
    index += readDistance(bytes, p);
    p = distanceEnd.at;
    if (index < from) continue;
    if (index >= from + count) return;
    const bit = k * highWidth;
    const q = run.highAt + (bit >>> 3);
    const word = bytes[q]! | (bytes[q + 1]! << 8) | (bytes[q + 2]! << 16) | (bytes[q + 3]! << 24);
    out[index - from]! |= ((word >>> (bit & 7)) & mask) << width;
  }
}

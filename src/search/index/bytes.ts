/**
 * Growable byte and integer buffers and variable-byte integers (7 bits per byte, high bit set
 * on the last byte), the building blocks of postings and positions.
 */

export class ByteWriter {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity = 1024) {
    this.bytes = new Uint8Array(capacity);
  }

  /** Makes room for `extra` more bytes. */
  ensure(extra: number) {
    if (this.length + extra > this.bytes.length) this.grow(this.length + extra);
  }

  private grow(need: number) {
    let size = this.bytes.length * 2;
    while (size < need) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  /** Writes a non-negative integer below 2^32. */
  vbyte(value: number) {
    if (this.length + 5 > this.bytes.length) this.grow(this.length + 5);
    const b = this.bytes;
    let v = value >>> 0;
    while (v >= 128) {
      b[this.length++] = v & 127;
      v >>>= 7;
    }
    b[this.length++] = v | 128;
  }

  append(source: Uint8Array, from: number, to: number) {
    const n = to - from;
    if (this.length + n > this.bytes.length) this.grow(this.length + n);
    this.bytes.set(source.subarray(from, to), this.length);
    this.length += n;
  }

  /** The written bytes, trimmed to a buffer of their own. */
  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** A growable Int32Array. */
export class IntList {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(value: number) {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = value;
  }

  /** Makes room for `extra` more values. */
  reserve(extra: number) {
    if (this.length + extra <= this.data.length) return;
    let size = this.data.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Int32Array(size);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  finish(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Skips `count` variable-byte integers starting at `at`; returns the offset after them. */
export function skipVbytes(bytes: Uint8Array, at: number, count: number): number {
  let p = at;
  for (let left = count; left > 0; p++) if (bytes[p]! >= 128) left--;
  return p;
}

/** Byte order comparison of a[aFrom, aTo) with b[bFrom, bTo) (UTF-8 byte order = code point order). */
export function compareBytes(a: Uint8Array, aFrom: number, aTo: number, b: Uint8Array, bFrom: number, bTo: number): number {
  const n = Math.min(aTo - aFrom, bTo - bFrom);
  for (let i = 0; i < n; i++) {
    const d = a[aFrom + i]! - b[bFrom + i]!;
    if (d !== 0) return d;
  }
  return aTo - aFrom - (bTo - bFrom);
}

/** How many bytes of a 0/1 map are 1. */
export function countMarked(map: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < map.length; i++) n += map[i]!;
  return n;
}

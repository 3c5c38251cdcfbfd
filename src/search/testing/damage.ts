/**
 * Damage as disks and careless operators do it, for tests: random bytes written over a stretch
 * of a file, or a megabyte zeroed. Seeded, so a damage that once exposed a fault stays in the
 * tests as it was.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Manifest } from "../persist/format.js";

/** A small linear congruential generator: the same bytes for a seed on every machine. */
function generator(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff);
}

/** Writes `length` random bytes at a seeded place in `file` (the whole file when shorter). */
export function writeRandomBytes(file: string, seed: number, length = 65_536): void {
  const bytes = readFileSync(file);
  const next = generator(seed);
  const span = Math.min(length, bytes.length);
  const at = next() % (bytes.length - span + 1);
  for (let i = 0; i < span; i++) bytes[at + i] = next() & 255;
  writeFileSync(file, bytes);
}

/** Zeroes `length` bytes at a seeded place in `file` (the whole file when shorter). */
export function zeroBytes(file: string, seed: number, length = 1 << 20): void {
  const bytes = readFileSync(file);
  const span = Math.min(length, bytes.length);
  const at = generator(seed)() % (bytes.length - span + 1);
  bytes.fill(0, at, at + span);
  writeFileSync(file, bytes);
}

/** The largest segment file of the index saved in `dir`. */
export function largestSegmentFile(dir: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
  const largest = manifest.segments.reduce((a, b) => (b.data.bytes > a.data.bytes ? b : a));
  return join(dir, largest.data.file);
}

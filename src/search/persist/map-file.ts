/**
 * Segment files are mapped into memory (native/mmap.c, built at `npm install`) rather than read:
 * a restart then copies nothing, and pages come from the page cache as queries touch them. On
 * machines where fresh memory is slow to fault in, reading 1 GB took about 5 s and mapping it
 * a few ms (bench/RESULTS.md). Without the compiled addon, files are read as before.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

interface Addon {
  mapFile(path: string): ArrayBuffer;
  /** Missing from an addon built before it existed. */
  populateMaps?(path: string): Promise<number>;
}

const require = createRequire(import.meta.url);
// From src/search/persist/ (tsx) or dist/src/search/persist/ (compiled) to the package root.
const CANDIDATES = ["../../../build/Release/paperfeed_mmap.node", "../../../../build/Release/paperfeed_mmap.node"];

let mapper: Addon | null | undefined;

function loadMapper(): Addon | null {
  for (const candidate of CANDIDATES) {
    try {
      return require(candidate) as Addon;
    } catch {
      // not built there
    }
  }
  return null;
}

/** The file mapping addon is built and loads. */
export function canMapFiles(): boolean {
  return (mapper ??= loadMapper()) !== null;
}

/**
 * The bytes of `path`, mapped copy-on-write when the addon is there (a write never reaches the
 * file), else read. Mapped files must not be truncated while in use: segment files never are.
 */
export function mapOrRead(path: string, map = true): Uint8Array {
  const addon = map ? (mapper ??= loadMapper()) : null;
  return addon ? new Uint8Array(addon.mapFile(path)) : readFileSync(path);
}

/**
 * Fills in, on a thread of libuv's pool, the page tables of every map this process has of `path`
 * (SQLite's map of its database): bytes populated, or null without the addon. Rejects when the
 * kernel cannot (before Linux 5.14) or the file is gone.
 *
 * Why: on the virtual machines measured, a process's first touch of a page of a mapped file that
 * is in the OS cache cost 57 µs (2.4 µs the second time), so a fresh web process paid for most
 * papers it read in its first minutes as if from disk; populating a 2 GiB map took 0.1 s
 * (bench/RESULTS.md, 1M papers).
 */
export function populateFileMaps(path: string): Promise<number | null> {
  const addon = (mapper ??= loadMapper());
  // An addon built before populateMaps existed (a checkout updated without `npm install`) has none.
  return typeof addon?.populateMaps === "function" ? addon.populateMaps(path) : Promise.resolve(null);
}

/**
 * Segment files are mapped into memory (native/mmap.c, built at `npm install`) rather than read:
 * a restart then copies nothing, and pages come from the page cache as queries touch them. On
 * machines where fresh memory is slow to fault in, reading 1 GB took about 5 s and mapping it
 * a few ms (bench/RESULTS.md). Without the compiled addon, files are read as before.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

type MapFile = (path: string) => ArrayBuffer;

const require = createRequire(import.meta.url);
// From src/search/persist/ (tsx) or dist/src/search/persist/ (compiled) to the package root.
const CANDIDATES = ["../../../build/Release/paperfeed_mmap.node", "../../../../build/Release/paperfeed_mmap.node"];

let mapper: MapFile | null | undefined;

function loadMapper(): MapFile | null {
  for (const candidate of CANDIDATES) {
    try {
      return (require(candidate) as { mapFile: MapFile }).mapFile;
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
  const mapFile = map ? (mapper ??= loadMapper()) : null;
  return mapFile ? new Uint8Array(mapFile(path)) : readFileSync(path);
}

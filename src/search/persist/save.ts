/**
 * Saves an engine's segments to a directory. Segment files are immutable, so one already on disk
 * is not written again; deletion maps and the manifest are. The manifest is renamed into place
 * last; files no longer named by it are removed afterwards.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import type { Engine } from "../engine.js";
import { SEGMENT_ARRAYS, type Segment } from "../index/segment.js";
import type { SegmentEntry } from "../segments.js";
import { ANALYZER_VERSION, FORMAT_VERSION, MANIFEST, type ArrayEntry, type ArrayType, type FileRef, type Manifest, type SegmentEntryManifest } from "./format.js";

const ALIGN = 8;

function writeChecked(dir: string, file: string, parts: Uint8Array[]): FileRef {
  let bytes = 0;
  let crc = 0;
  for (const part of parts) {
    bytes += part.byteLength;
    // zlib's crc32 over an empty buffer with no memory behind it restarts at 0: skip empties.
    if (part.byteLength > 0) crc = crc32(part, crc);
  }
  const path = join(dir, file);
  const fd = openSync(`${path}.tmp`, "w");
  try {
    for (const part of parts) writeSync(fd, part);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(`${path}.tmp`, path);
  return { file, bytes, crc32: crc };
}

function syncDirectory(dir: string) {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function segmentParts(seg: Segment): { parts: Uint8Array[]; arrays: ArrayEntry[] } {
  const parts: Uint8Array[] = [];
  const arrays: ArrayEntry[] = [];
  let offset = 0;
  for (const name of SEGMENT_ARRAYS) {
    const array = seg.a[name];
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    arrays.push({ name, type: array.constructor.name as ArrayType, offset, length: array.length });
    parts.push(bytes);
    offset += bytes.byteLength;
    const pad = (ALIGN - (offset % ALIGN)) % ALIGN;
    if (pad > 0) {
      parts.push(new Uint8Array(pad));
      offset += pad;
    }
  }
  return { parts, arrays };
}

/** What was last saved for a segment, so an unchanged segment is not rewritten. */
const saved = new WeakMap<Segment, { dir: string; data: FileRef; arrays: ArrayEntry[]; deleted?: FileRef; deletedCount?: number }>();
let generation = 0;

function saveSegment(dir: string, entry: SegmentEntry): SegmentEntryManifest {
  const { seg } = entry;
  let record = saved.get(seg);
  if (!record || record.dir !== dir) {
    const { parts, arrays } = segmentParts(seg);
    record = { dir, data: writeChecked(dir, `seg-${seg.name}.bin`, parts), arrays };
    saved.set(seg, record);
  }
  if (!record.deleted || record.deletedCount !== entry.deletedCount) {
    record.deleted = writeChecked(dir, `del-${seg.name}-${Date.now().toString(36)}${(generation++).toString(36)}.bin`, [entry.deleted]);
    record.deletedCount = entry.deletedCount;
  }
  return { name: seg.name, docCount: seg.docCount, data: record.data, arrays: record.arrays, deleted: record.deleted };
}

/** Writes the engine's state (pending papers first become a segment) as reflecting store change `seq`. */
export function saveEngine(engine: Engine, dir: string, seq: number): Manifest {
  mkdirSync(dir, { recursive: true });
  engine.segments.flush();
  const manifest: Manifest = {
    format: FORMAT_VERSION,
    analyzer: ANALYZER_VERSION,
    bm25f: engine.params,
    seq,
    docCount: engine.size,
    savedAt: new Date().toISOString(),
    segments: engine.segments.entries.map((entry) => saveSegment(dir, entry)),
  };
  // The manifest is what readers trust: flushed before it replaces the old one, and the rename
  // itself flushed, so after a crash the directory names either the old set of files or the new.
  writeChecked(dir, MANIFEST, [Buffer.from(JSON.stringify(manifest, null, 1))]);
  syncDirectory(dir);
  const keep = new Set([MANIFEST, ...manifest.segments.flatMap((s) => [s.data.file, s.deleted.file])]);
  for (const file of readdirSync(dir)) {
    if (!keep.has(file) && /^(seg-|del-|manifest\.json\.tmp)/.test(file)) rmSync(join(dir, file), { force: true });
  }
  return manifest;
}

/**
 * Saves an engine's segments to a directory. Segment files are immutable, so one already on disk
 * is not written again; deletion maps and the manifest are. The manifest is renamed into place
 * last; files no longer named by it are removed afterwards. `saveEngine` does it all at once;
 * `saveEngineInBackground` writes, syncs and removes on libuv's thread pool, so the request thread
 * only takes a snapshot and checksums the new files a few MB at a time (a save during an import
 * wrote tens of MB and fsynced them on the request thread: 90-130 ms at once).
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, rmSync } from "node:fs";
import { open, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { setImmediate as yieldToRequests } from "node:timers/promises";
import { crc32 } from "node:zlib";
import type { Engine } from "../engine.js";
import { SEGMENT_ARRAYS, type Segment } from "../index/segment.js";
import { writeFileDurably, writeFileDurablyInBackground } from "./durable-write.js";
import { ANALYZER_VERSION, FORMAT_VERSION, MANIFEST, type ArrayEntry, type ArrayType, type FileRef, type Manifest, type SegmentEntryManifest } from "./format.js";

const ALIGN = 8;
/** Bytes checksummed between two yields to requests when saving in the background. */
const CRC_SLICE = 4 << 20;

/** One step of a save: write a file (checksummed), make the directory's renames durable, remove the files of earlier saves. */
type SaveOp = { write: string; parts: Uint8Array[] } | { syncDirectory: true } | { removeAllBut: string[] };

function writeChecked(dir: string, file: string, parts: Uint8Array[]): FileRef {
  let bytes = 0;
  let crc = 0;
  for (const part of parts) {
    bytes += part.byteLength;
    // zlib's crc32 over an empty buffer with no memory behind it restarts at 0: skip empties.
    if (part.byteLength > 0) crc = crc32(part, crc);
  }
  writeFileDurably(join(dir, file), parts);
  return { file, bytes, crc32: crc };
}

async function writeCheckedInBackground(dir: string, file: string, parts: Uint8Array[]): Promise<FileRef> {
  let bytes = 0;
  let crc = 0;
  let sinceYield = 0;
  for (const part of parts) {
    bytes += part.byteLength;
    for (let at = 0; at < part.byteLength; at += CRC_SLICE) {
      const slice = part.subarray(at, at + CRC_SLICE);
      crc = crc32(slice, crc);
      sinceYield += slice.byteLength;
      if (sinceYield >= CRC_SLICE) {
        sinceYield = 0;
        await yieldToRequests();
      }
    }
  }
  await writeFileDurablyInBackground(join(dir, file), parts);
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

async function syncDirectoryInBackground(dir: string) {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
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

/**
 * Records a segment loaded from `dir` as saved there, its files as the manifest names them, so
 * the first save after a restart writes only what changed since (before, it wrote every loaded
 * segment again: the whole index, 938 MiB at 2.6M papers).
 */
export function rememberLoaded(seg: Segment, dir: string, entry: SegmentEntryManifest, deletedCount: number): void {
  saved.set(seg, { dir, data: entry.data, arrays: entry.arrays, deleted: entry.deleted, deletedCount });
}

/** A segment as it is when the save starts: its deletion map copied, since deletions go on meanwhile. */
interface SegmentSnapshot {
  seg: Segment;
  deleted: Uint8Array;
  deletedCount: number;
}

function* saveSegment(dir: string, { seg, deleted, deletedCount }: SegmentSnapshot): Generator<SaveOp, SegmentEntryManifest, FileRef> {
  let record = saved.get(seg);
  if (!record || record.dir !== dir) {
    const { parts, arrays } = segmentParts(seg);
    record = { dir, data: yield { write: `seg-${seg.name}.bin`, parts }, arrays };
    saved.set(seg, record);
  }
  if (!record.deleted || record.deletedCount !== deletedCount) {
    record.deleted = yield { write: `del-${seg.name}-${Date.now().toString(36)}${(generation++).toString(36)}.bin`, parts: [deleted] };
    record.deletedCount = deletedCount;
  }
  return { name: seg.name, docCount: seg.docCount, data: record.data, arrays: record.arrays, deleted: record.deleted };
}

/**
 * The steps of saving the engine's state as it is now (pending papers first become a segment),
 * as reflecting store change `seq`. Everything the files hold is taken before the first step.
 */
function* saveSteps(engine: Engine, dir: string, seq: number): Generator<SaveOp, Manifest, FileRef> {
  mkdirSync(dir, { recursive: true });
  engine.segments.flush();
  const docCount = engine.size;
  const snapshot = engine.segments.entries.map(({ seg, deleted, deletedCount }) => ({ seg, deleted: deleted.slice(), deletedCount }));
  const segments: SegmentEntryManifest[] = [];
  for (const entry of snapshot) segments.push(yield* saveSegment(dir, entry));
  const manifest: Manifest = {
    format: FORMAT_VERSION,
    analyzer: ANALYZER_VERSION,
    bm25f: engine.params,
    seq,
    docCount,
    savedAt: new Date().toISOString(),
    segments,
  };
  // The manifest is what readers trust: flushed before it replaces the old one, and the rename
  // itself flushed, so after a crash the directory names either the old set of files or the new.
  yield { write: MANIFEST, parts: [Buffer.from(JSON.stringify(manifest, null, 1))] };
  yield { syncDirectory: true };
  const keep = new Set([MANIFEST, ...manifest.segments.flatMap((s) => [s.data.file, s.deleted.file])]);
  yield { removeAllBut: [...keep] };
  return manifest;
}

/** Files of earlier saves: those in `dir` that `keep` does not name. */
const stale = (files: string[], keep: string[]) => files.filter((file) => !keep.includes(file) && /^(seg-|del-|manifest\.json\.tmp)/.test(file));

/** Writes the engine's state (pending papers first become a segment) as reflecting store change `seq`. */
export function saveEngine(engine: Engine, dir: string, seq: number): Manifest {
  const steps = saveSteps(engine, dir, seq);
  for (let step = steps.next(); ; ) {
    if (step.done) return step.value;
    const op = step.value;
    if ("write" in op) step = steps.next(writeChecked(dir, op.write, op.parts));
    else {
      if ("syncDirectory" in op) syncDirectory(dir);
      else for (const file of stale(readdirSync(dir), op.removeAllBut)) rmSync(join(dir, file), { force: true });
      step = steps.next();
    }
  }
}

/**
 * As `saveEngine`, with the files written, synced and removed on the thread pool. The snapshot
 * is taken at once, so changes made while it writes belong to the next save.
 */
export async function saveEngineInBackground(engine: Engine, dir: string, seq: number): Promise<Manifest> {
  const steps = saveSteps(engine, dir, seq);
  for (let step = steps.next(); ; ) {
    if (step.done) return step.value;
    const op = step.value;
    if ("write" in op) step = steps.next(await writeCheckedInBackground(dir, op.write, op.parts));
    else {
      if ("syncDirectory" in op) await syncDirectoryInBackground(dir);
      else for (const file of stale(await readdir(dir), op.removeAllBut)) await rm(join(dir, file), { force: true });
      step = steps.next();
    }
  }
}

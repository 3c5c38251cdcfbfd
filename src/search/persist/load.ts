/**
 * Loads a saved index. Every check that fails returns a reason instead of a result, so the live
 * index can log it and rebuild: missing or unreadable manifest, other format, analyzer or BM25F
 * parameters, a file of the wrong size or checksum.
 *
 * Checksums cost a pass over every byte (about a second per GB here, more than reading from the
 * page cache), so the live index loads with `checksums: false` and runs `verifyChecksums`, in
 * small steps that let requests through, before any loaded segment answers a query.
 */
import { existsSync, readFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { setImmediate as yieldToQueries } from "node:timers/promises";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { messageOf } from "../../core/errors.js";
import { mapOrRead } from "./map-file.js";
import { rememberLoaded } from "./save.js";
import type { Bm25fParams } from "../fields.js";
import { countMarked } from "../index/bytes.js";
import { Segment, type SegmentArrays } from "../index/segment.js";
import { ANALYZER_VERSION, ARRAY_CONSTRUCTORS, FORMAT_VERSION, MANIFEST, type FileRef, type Manifest } from "./format.js";

export interface LoadedSegment {
  seg: Segment;
  deleted: Uint8Array;
  /** Docs marked in `deleted`. */
  deletedCount: number;
}

export type LoadResult =
  | {
      ok: true;
      manifest: Manifest;
      segments: LoadedSegment[];
      /** Each segment file's bytes (mapped or read) by file name, which `verifyChecksums` can check in place. */
      files: Map<string, Uint8Array>;
    }
  | {
      ok: false;
      reason: string;
      /** The index is there, for this version, but a file is missing, cut short or fails its checksum. */
      damaged?: boolean;
      /** The index is there, sound or not, but saved by another version (format, analyzer) or with other BM25F parameters. */
      outdated?: boolean;
    };

export interface LoadOptions {
  /** Check every file's CRC-32 before returning; default true (false: see verifyChecksums). */
  checksums?: boolean;
  /** Map segment files instead of reading them when the addon is built (map-file.ts); default true. */
  map?: boolean;
}

function readChecked(dir: string, ref: FileRef, checksums: boolean, map: boolean): Uint8Array {
  const data = mapOrRead(join(dir, ref.file), map);
  if (data.byteLength !== ref.bytes) throw new Error(`${ref.file} has ${data.byteLength} bytes, the manifest says ${ref.bytes}`);
  if (checksums && crc32(data) !== ref.crc32) throw new Error(`${ref.file} fails its checksum`);
  // Typed-array views need aligned offsets; a pooled small Buffer may not be.
  return data.byteOffset % 8 === 0 ? data : new Uint8Array(data);
}

/** Bytes checksummed between two yields to the event loop (a few ms of work). */
const VERIFY_CHUNK = 4 << 20;

/**
 * Checks the CRC-32 of the segment files a loaded manifest names, yielding between chunks so
 * queries keep being answered; resolves with the first problem found, or null. Files whose loaded
 * bytes are given in `loaded` (by file name) are checked in place: for a mapped file that also
 * brings every page into memory, so queries after this pass never wait on a page fault. Others
 * are re-read; one gone meanwhile was merged away by a later save (segment files are never
 * rewritten): skipped.
 */
export async function verifyChecksums(dir: string, manifest: Manifest, loaded: ReadonlyMap<string, Uint8Array> = new Map()): Promise<string | null> {
  for (const entry of manifest.segments) {
    const ref = entry.data;
    const bytes = loaded.get(ref.file);
    const problem = bytes ? await checkInPlace(bytes, ref.crc32) : await checkFile(dir, ref);
    if (problem !== null) return `saved index in ${dir} is damaged: ${problem === "checksum" ? `${ref.file} fails its checksum` : problem}`;
  }
  return null;
}

/** Checks loaded bytes against their CRC-32 a chunk at a time; null when sound, else "checksum". */
async function checkInPlace(bytes: Uint8Array, expected: number): Promise<string | null> {
  let crc = 0;
  for (let at = 0; at < bytes.byteLength; at += VERIFY_CHUNK) {
    crc = crc32(bytes.subarray(at, at + VERIFY_CHUNK), crc);
    await yieldToQueries();
  }
  return crc === expected ? null : "checksum";
}

/** Re-reads one segment file and checks its CRC-32; null when sound, "checksum" or the error. */
async function checkFile(dir: string, ref: FileRef): Promise<string | null> {
  const buffer = Buffer.allocUnsafe(VERIFY_CHUNK);
  let file;
  try {
    file = await open(join(dir, ref.file), "r");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    return messageOf(e);
  }
  try {
    let crc = 0;
    let at = 0;
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, VERIFY_CHUNK, at);
      if (bytesRead === 0) break;
      crc = crc32(buffer.subarray(0, bytesRead), crc);
      at += bytesRead;
      await yieldToQueries();
    }
    return at === ref.bytes && crc === ref.crc32 ? null : "checksum";
  } finally {
    await file.close();
  }
}

/** The manifest of the index saved in `dir`, or why there is none. */
export function readManifest(dir: string): { ok: true; manifest: Manifest } | { ok: false; reason: string } {
  const manifestPath = join(dir, MANIFEST);
  if (!existsSync(manifestPath)) return { ok: false, reason: `no saved index in ${dir}` };
  try {
    return { ok: true, manifest: JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest };
  } catch (e) {
    return { ok: false, reason: `${manifestPath} is unreadable: ${messageOf(e)}` };
  }
}

export function loadIndex(dir: string, params: Bm25fParams, options: LoadOptions = {}): LoadResult {
  const checksums = options.checksums ?? true;
  const read = readManifest(dir);
  if (!read.ok) return read;
  const manifest = read.manifest;
  if (manifest.format !== FORMAT_VERSION || manifest.analyzer !== ANALYZER_VERSION) {
    return { ok: false, reason: `saved index has format ${manifest.format}/${manifest.analyzer}, this version uses ${FORMAT_VERSION}/${ANALYZER_VERSION}`, outdated: true };
  }
  if (JSON.stringify(manifest.bm25f) !== JSON.stringify(params)) return { ok: false, reason: "saved index was built with other BM25F parameters", outdated: true };
  try {
    const files = new Map<string, Uint8Array>();
    const segments = manifest.segments.map((entry) => {
      const data = readChecked(dir, entry.data, checksums, options.map ?? true);
      files.set(entry.data.file, data);
      const arrays = {} as Record<string, unknown>;
      for (const a of entry.arrays) {
        const Type = ARRAY_CONSTRUCTORS[a.type];
        if (!Type || a.offset + a.length * Type.BYTES_PER_ELEMENT > data.byteLength) throw new Error(`${entry.data.file}: array ${a.name} lies outside the file`);
        arrays[a.name] = new Type(data.buffer as ArrayBuffer, data.byteOffset + a.offset, a.length);
      }
      // Deletion maps are small (a byte a paper) and rewritten by every save: always checked here.
      const deleted = new Uint8Array(readChecked(dir, entry.deleted, true, false));
      const seg = new Segment(arrays as unknown as SegmentArrays, entry.name);
      if (seg.docCount !== entry.docCount || deleted.length !== seg.docCount) throw new Error(`${entry.data.file}: doc count does not match the manifest`);
      const deletedCount = countMarked(deleted);
      rememberLoaded(seg, dir, entry, deletedCount);
      return { seg, deleted, deletedCount };
    });
    const live = segments.reduce((n, s) => n + s.seg.docCount - s.deletedCount, 0);
    if (live !== manifest.docCount) return { ok: false, reason: `saved index holds ${live} papers, its manifest says ${manifest.docCount}` };
    return { ok: true, manifest, segments, files };
  } catch (e) {
    return { ok: false, reason: `saved index in ${dir} is damaged: ${messageOf(e)}`, damaged: true };
  }
}

/**
 * Loads a saved index. Every check that fails returns a reason instead of a result, so the live
 * index can log it and rebuild: missing or unreadable manifest, other format, analyzer or BM25F
 * parameters, a file of the wrong size or checksum.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { messageOf } from "../../core/errors.js";
import type { Bm25fParams } from "../fields.js";
import { Segment, type SegmentArrays } from "../index/segment.js";
import { ANALYZER_VERSION, ARRAY_CONSTRUCTORS, FORMAT_VERSION, MANIFEST, type FileRef, type Manifest } from "./format.js";

export interface LoadedSegment {
  seg: Segment;
  deleted: Uint8Array;
}

export type LoadResult = { ok: true; manifest: Manifest; segments: LoadedSegment[] } | { ok: false; reason: string };

function readChecked(dir: string, ref: FileRef): Buffer {
  const data = readFileSync(join(dir, ref.file));
  if (data.byteLength !== ref.bytes) throw new Error(`${ref.file} has ${data.byteLength} bytes, the manifest says ${ref.bytes}`);
  if (crc32(data) !== ref.crc32) throw new Error(`${ref.file} fails its checksum`);
  // Typed-array views need aligned offsets; a pooled small Buffer may not be.
  return data.byteOffset % 8 === 0 ? data : Buffer.from(data);
}

export function loadIndex(dir: string, params: Bm25fParams): LoadResult {
  const manifestPath = join(dir, MANIFEST);
  if (!existsSync(manifestPath)) return { ok: false, reason: `no saved index in ${dir}` };
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  } catch (e) {
    return { ok: false, reason: `${manifestPath} is unreadable: ${messageOf(e)}` };
  }
  if (manifest.format !== FORMAT_VERSION || manifest.analyzer !== ANALYZER_VERSION) {
    return { ok: false, reason: `saved index has format ${manifest.format}/${manifest.analyzer}, this version uses ${FORMAT_VERSION}/${ANALYZER_VERSION}` };
  }
  if (JSON.stringify(manifest.bm25f) !== JSON.stringify(params)) return { ok: false, reason: "saved index was built with other BM25F parameters" };
  try {
    const segments = manifest.segments.map((entry) => {
      const data = readChecked(dir, entry.data);
      const arrays = {} as Record<string, unknown>;
      for (const a of entry.arrays) {
        const Type = ARRAY_CONSTRUCTORS[a.type];
        if (!Type || a.offset + a.length * Type.BYTES_PER_ELEMENT > data.byteLength) throw new Error(`${entry.data.file}: array ${a.name} lies outside the file`);
        arrays[a.name] = new Type(data.buffer as ArrayBuffer, data.byteOffset + a.offset, a.length);
      }
      const deleted = new Uint8Array(readChecked(dir, entry.deleted));
      const seg = new Segment(arrays as unknown as SegmentArrays, entry.name);
      if (seg.docCount !== entry.docCount || deleted.length !== seg.docCount) throw new Error(`${entry.data.file}: doc count does not match the manifest`);
      return { seg, deleted };
    });
    const live = segments.reduce((n, s) => n + s.seg.docCount - s.deleted.reduce((a, b) => a + b, 0), 0);
    if (live !== manifest.docCount) return { ok: false, reason: `saved index holds ${live} papers, its manifest says ${manifest.docCount}` };
    return { ok: true, manifest, segments };
  } catch (e) {
    return { ok: false, reason: `saved index in ${dir} is damaged: ${messageOf(e)}` };
  }
}

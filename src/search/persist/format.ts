/**
 * On-disk layout of a saved index (one directory, beside the database):
 *
 *   manifest.json        what the directory holds; written last, by rename, so it is atomic
 *   seg-<name>.bin       one immutable segment: its typed arrays back to back, 8-byte aligned
 *   del-<name>-<n>.bin   that segment's deletion map (one byte per doc), rewritten as it grows
 *
 * Loading maps each file (or reads it in one call) and makes typed-array views on it: no parsing.
 * The manifest names the format and analyzer versions, the BM25F parameters the block bounds
 * were computed with, the store's change sequence number the index reflects, the live doc count,
 * and a CRC-32 and size per file, so a stale, foreign or damaged index is detected.
 */
import type { Bm25fParams } from "../fields.js";
import type { SegmentArrays } from "../index/segment.js";

/** Bump when the file layout changes. */
export const FORMAT_VERSION = 9;
/** Bump when analysis changes (tokens, stopwords, stemming): old indexes must be rebuilt. */
export const ANALYZER_VERSION = 1;
export const MANIFEST = "manifest.json";

export type ArrayType = "Uint8Array" | "Uint16Array" | "Uint32Array" | "Int32Array" | "Float32Array" | "Float64Array";

export interface ArrayEntry {
  name: keyof SegmentArrays;
  type: ArrayType;
  /** Byte offset in the segment file. */
  offset: number;
  /** Elements. */
  length: number;
}

export interface FileRef {
  file: string;
  bytes: number;
  crc32: number;
}

export interface SegmentEntryManifest {
  name: string;
  docCount: number;
  data: FileRef;
  arrays: ArrayEntry[];
  deleted: FileRef;
}

export interface Manifest {
  format: number;
  analyzer: number;
  bm25f: Bm25fParams;
  /** The store's last change sequence number reflected in the index. */
  seq: number;
  /** Live (not deleted) papers. */
  docCount: number;
  savedAt: string;
  segments: SegmentEntryManifest[];
}

export const ARRAY_CONSTRUCTORS = {
  Uint8Array,
  Uint16Array,
  Uint32Array,
  Int32Array,
  Float32Array,
  Float64Array,
} as const;

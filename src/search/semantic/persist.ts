/**
 * The semantic index on disk: one file, `semantic.bin`, beside the lexical segments. An 8-byte
 * magic, a JSON header (format, store seq, sizes, section offsets), then 8-byte-aligned sections
 * viewed in place after mapping (persist/map-file.ts): term vectors, term weights, centroids (and
 * the lists' center when there is one; files without it still load), inverted lists (tails folded
 * in), vectors, scales, deletion flags, terms and paper ids (UTF-8, one per line). Written to a
 * temporary name and renamed, so a crash leaves the old file whole.
 */
import fs from "node:fs";
import path from "node:path";
import { PaperfeedError } from "../../core/errors.js";
import { writeFileDurably, writeFileDurablyInBackground } from "../persist/durable-write.js";
import { mapOrRead } from "../persist/map-file.js";
import type { TextModel } from "./model.js";
import { SemanticIndex } from "./semantic-index.js";

export const SEMANTIC_FILE = "semantic.bin";
const MAGIC = "PFSEM\u0001\r\n";
const FORMAT = 1;

interface Header {
  format: number;
  seq: number;
  dim: number;
  rows: number;
  /** Where vectors came from: "corpus" (our model) or an outside model's name. */
  source: string;
  sections: Record<string, [offset: number, length: number]>;
}

type Section = Uint8Array | Int8Array | Float32Array | Uint32Array;

const bytesOf = (a: Section) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const align8 = (n: number) => (n + 7) & ~7;

/**
 * The bytes of `semantic.bin` for the index as it is now, in order (header, then each section at
 * its 8-byte-aligned offset, padding between). What can change later is copied (deletion flags,
 * ids, the folded lists); vectors and scales of the rows held are never rewritten in place (a
 * replaced paper gets a new row; growth moves them to new arrays), so they are written from
 * where they are.
 */
function semanticFileParts(index: SemanticIndex, seq: number, source: string): Uint8Array[] {
  const rows = index.ids.length;
  const { listStart, listRows } = foldTails(index);
  const sections: Record<string, Section> = {
    vectors: index.vectors.subarray(0, rows * index.dim),
    scales: index.scales.subarray(0, rows),
    deleted: index.deleted.slice(0, rows),
    ids: Buffer.from(index.ids.join("\n")),
    listStart,
    listRows,
  };
  if (index.tree) {
    sections.leaves = index.tree.leaves;
    sections.coarse = index.tree.coarse;
    sections.leafStart = index.tree.leafStart;
    if (index.tree.center) sections.center = index.tree.center;
  }
  if (index.model) {
    sections.termVectors = index.model.vectors;
    sections.termWeights = index.model.weight;
    sections.terms = Buffer.from(index.model.terms.join("\n"));
  }
  const header: Header = { format: FORMAT, seq, dim: index.dim, rows, source, sections: {} };
  // Offsets depend on the header's length, which depends on the offsets: reserve room generously.
  const layout = () => {
    const headerBytes = Buffer.byteLength(JSON.stringify(header));
    let offset = align8(MAGIC.length + 4 + headerBytes + 64);
    for (const [name, data] of Object.entries(sections)) {
      header.sections[name] = [offset, data.byteLength];
      offset = align8(offset + data.byteLength);
    }
  };
  layout();
  layout();
  const head = Buffer.alloc(header.sections[Object.keys(sections)[0]!]![0]);
  head.write(MAGIC, 0, "latin1");
  const json = JSON.stringify(header);
  head.writeUInt32LE(Buffer.byteLength(json), MAGIC.length);
  head.write(json, MAGIC.length + 4);
  const parts: Uint8Array[] = [head];
  let at = head.length;
  for (const [name, data] of Object.entries(sections)) {
    const offset = header.sections[name]![0];
    if (offset > at) parts.push(new Uint8Array(offset - at));
    parts.push(bytesOf(data));
    at = offset + data.byteLength;
  }
  return parts;
}

/** Writes `semantic.bin` in `dir` for the index as it is, as reflecting store change `seq`. */
export function saveSemanticIndex(index: SemanticIndex, dir: string, seq: number, source = "corpus"): void {
  writeFileDurably(path.join(dir, SEMANTIC_FILE), semanticFileParts(index, seq, source));
}

/**
 * As `saveSemanticIndex`, written and flushed on the thread pool: at 2.6M papers the file is
 * 388 MiB, which held the request thread for seconds at every save of a live index. The index is
 * taken as it is when this is called; changes made meanwhile belong to the next save.
 */
export function saveSemanticIndexInBackground(index: SemanticIndex, dir: string, seq: number, source = "corpus"): Promise<void> {
  return writeFileDurablyInBackground(path.join(dir, SEMANTIC_FILE), semanticFileParts(index, seq, source));
}

/** Inverted lists with every later row in its list, deleted rows left out. */
function foldTails(index: SemanticIndex): { listStart: Uint32Array; listRows: Uint32Array } {
  if (!index.tree) return { listStart: new Uint32Array(1), listRows: new Uint32Array(0) };
  const count = index.tails.length;
  const listStart = new Uint32Array(count + 1);
  const rows: number[] = [];
  for (let leaf = 0; leaf < count; leaf++) {
    for (let i = index.listStart[leaf]!; i < index.listStart[leaf + 1]!; i++) if (!index.deleted[index.listRows[i]!]) rows.push(index.listRows[i]!);
    for (const row of index.tails[leaf]!) if (!index.deleted[row]) rows.push(row);
    listStart[leaf + 1] = rows.length;
  }
  return { listStart, listRows: Uint32Array.from(rows) };
}

export interface LoadedSemanticIndex {
  index: SemanticIndex;
  /** The store change the saved index reflects. */
  seq: number;
  source: string;
}

const bad = (file: string, why: string) => new PaperfeedError("search", "semantic_unreadable", `${file}: ${why}`);

/** Loads `dir/semantic.bin` by mapping it; null when there is none; throws (naming the file) when it is damaged. */
export function loadSemanticIndex(dir: string): LoadedSemanticIndex | null {
  const file = path.join(dir, SEMANTIC_FILE);
  if (!fs.existsSync(file)) return null;
  const bytes = mapOrRead(file);
  if (Buffer.from(bytes.buffer, bytes.byteOffset, MAGIC.length).toString("latin1") !== MAGIC) throw bad(file, "not a semantic index file");
  const headerLength = Buffer.from(bytes.buffer, bytes.byteOffset).readUInt32LE(MAGIC.length);
  let header: Header;
  try {
    header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + MAGIC.length + 4, headerLength).toString()) as Header;
  } catch {
    throw bad(file, "header is not JSON");
  }
  if (header.format !== FORMAT) throw bad(file, `format ${header.format}, expected ${FORMAT}`);
  const section = (name: string): Uint8Array | null => {
    const at = header.sections[name];
    if (!at) return null;
    if (at[0] + at[1] > bytes.byteLength) throw bad(file, `section ${name} runs past the end (file truncated?)`);
    return new Uint8Array(bytes.buffer, bytes.byteOffset + at[0], at[1]);
  };
  const f32 = (s: Uint8Array) => new Float32Array(s.buffer, s.byteOffset, s.byteLength / 4);
  const u32 = (s: Uint8Array) => new Uint32Array(s.buffer, s.byteOffset, s.byteLength / 4);
  const lines = (s: Uint8Array | null) => (s && s.byteLength > 0 ? Buffer.from(s.buffer, s.byteOffset, s.byteLength).toString().split("\n") : []);
  const dim = header.dim;
  let model: TextModel | null = null;
  const termVectors = section("termVectors");
  if (termVectors) {
    const terms = lines(section("terms"));
    model = { dim, terms, termIndex: new Map(terms.map((t, i) => [t, i])), weight: f32(section("termWeights")!), vectors: f32(termVectors) };
  }
  const index = new SemanticIndex(model, dim, 0);
  index.vectors = new Int8Array(section("vectors")!.buffer, section("vectors")!.byteOffset, header.rows * dim);
  index.scales = f32(section("scales")!);
  index.deleted = section("deleted")!;
  index.ids = lines(section("ids"));
  if (index.ids.length !== header.rows) throw bad(file, `${index.ids.length} ids for ${header.rows} rows`);
  index.ids.forEach((id, row) => {
    if (!index.deleted[row]) index.rowOf.set(id, row);
  });
  const leaves = section("leaves");
  if (leaves) {
    const center = section("center");
    index.tree = { dim, leaves: f32(leaves), coarse: f32(section("coarse")!), leafStart: u32(section("leafStart")!), center: center && f32(center) };
    index.listStart = u32(section("listStart")!);
    index.listRows = u32(section("listRows")!);
    index.tails = Array.from({ length: index.listStart.length - 1 }, () => []);
  }
  return { index, seq: header.seq, source: header.source };
}

/**
 * Opens an input file as a stream of byte chunks with constant memory. Gzip is detected by its
 * magic bytes (1f 8b), not by the name, because downloads are often renamed or served compressed.
 * Bytes read are counted on the file side, so progress and ETA follow the compressed size.
 */
import { createReadStream, promises as fsp, type ReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { messageOf, PaperfeedError } from "../core/errors.js";
import { fileError, type IngestItem } from "./items.js";

export interface Source {
  /** The path as the caller gave it; used in every message. */
  file: string;
  gzip: boolean;
  /** File size in bytes (compressed size for gzip). */
  bytesTotal: number;
  /** Bytes of the file consumed so far. */
  bytesRead(): number;
  /** Decompressed chunks. Ends with a SourceError when the data is cut off or corrupt. */
  chunks: AsyncIterable<Buffer>;
}

/** Why a source stopped early: the message is completed by the reader, which knows the position. */
export class SourceError extends Error {
  constructor(
    readonly file: string,
    readonly reason: "truncated" | "corrupt" | "io",
    detail: string,
  ) {
    super(detail);
    this.name = "SourceError";
  }

  /** "ingest: x.jsonl.gz: compressed data ends early after line 1234". */
  describe(after: string): string {
    const what =
      this.reason === "truncated"
        ? "compressed data ends early"
        : this.reason === "corrupt"
          ? `compressed data is corrupt (${this.message})`
          : `read failed (${this.message})`;
    return `ingest: ${this.file}: ${what} ${after}`;
  }
}

const GZIP_MAGIC = [0x1f, 0x8b];

/** True when the file starts with the gzip magic bytes. */
export async function isGzipFile(file: string): Promise<boolean> {
  const head = await readHead(file, 2);
  return head.length === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/** The first `bytes` bytes of a file (fewer when it is shorter). */
export async function readHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await openOrExplain(file);
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function openOrExplain(file: string) {
  try {
    return await fsp.open(file, "r");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new PaperfeedError("ingest", "file_not_found", `${file}: no such file`, 404);
    if (code === "EISDIR")
      throw new PaperfeedError("ingest", "not_a_file", `${file}: is a directory, not a file`);
    throw new PaperfeedError("ingest", "file_unreadable", `${file}: cannot open (${code ?? String(e)})`);
  }
}

/** Progress counters a caller can watch while a reader runs; `openSource` keeps them current. */
export interface ByteMeter {
  bytesRead: number;
  bytesTotal: number;
}

export async function openSource(file: string, meter?: ByteMeter): Promise<Source> {
  const stat = await fsp.stat(file).catch(() => null);
  if (!stat) await openOrExplain(file); // throws the explained error
  if (stat && !stat.isFile())
    throw new PaperfeedError("ingest", "not_a_file", `${file}: is not a regular file`);
  const gzip = await isGzipFile(file);
  const raw = createReadStream(file, { highWaterMark: 256 * 1024 });
  let consumed = 0;
  if (meter) meter.bytesTotal = stat?.size ?? 0;
  raw.on("data", (chunk) => {
    consumed += chunk.length;
    if (meter) meter.bytesRead = consumed;
  });
  return {
    file,
    gzip,
    bytesTotal: stat?.size ?? 0,
    bytesRead: () => consumed,
    chunks: gzip ? gunzipped(file, raw) : plain(file, raw),
  };
}

async function* plain(file: string, raw: ReadStream): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of raw) yield chunk as Buffer;
  } catch (e) {
    throw new SourceError(file, "io", (e as Error).message);
  }
}

async function* gunzipped(file: string, raw: ReadStream): AsyncGenerator<Buffer> {
  const gunzip = createGunzip();
  raw.on("error", (e) => gunzip.destroy(e));
  raw.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === "Z_BUF_ERROR" || /unexpected end of file/i.test(err.message)) {
      throw new SourceError(file, "truncated", err.message);
    }
    if (err.code?.startsWith("Z_")) throw new SourceError(file, "corrupt", err.message);
    throw new SourceError(file, "io", err.message);
  } finally {
    raw.destroy();
    gunzip.destroy();
  }
}

/** Opens a file for reading, or returns the error item explaining why it cannot be. */
export async function openOrError(file: string, meter?: ByteMeter): Promise<Source | IngestItem> {
  try {
    return await openSource(file, meter);
  } catch (e) {
    return fileError({ file }, messageOf(e));
  }
}

/**
 * A body already in memory (an HTTP response) as a Source, so the same readers parse a harvested
 * page or an API answer as they parse a file; `name` (usually the URL) stands in every message.
 */
export function memorySource(name: string, body: Buffer): Source {
  const gzip = body[0] === GZIP_MAGIC[0] && body[1] === GZIP_MAGIC[1];
  async function* chunks(): AsyncGenerator<Buffer> {
    if (!gzip) {
      yield body;
      return;
    }
    const { gunzipSync } = await import("node:zlib");
    try {
      yield gunzipSync(body);
    } catch (e) {
      throw new SourceError(name, "corrupt", (e as Error).message);
    }
  }
  return { file: name, gzip, bytesTotal: body.length, bytesRead: () => body.length, chunks: chunks() };
}

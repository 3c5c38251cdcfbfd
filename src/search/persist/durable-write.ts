/**
 * A file written whole or not at all: to `<path>.tmp`, flushed to disk, then renamed over
 * `path`, so a crash leaves either the old file or the new one. Shared by the segment files, the
 * manifest and `semantic.bin`; the background form writes and flushes on libuv's thread pool, so
 * the request thread is free while hundreds of MB go to disk.
 */
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from "node:fs";
import { open, rename } from "node:fs/promises";

export function writeFileDurably(path: string, parts: readonly Uint8Array[]): void {
  const fd = openSync(`${path}.tmp`, "w");
  try {
    for (const part of parts) writeSync(fd, part);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(`${path}.tmp`, path);
}

export async function writeFileDurablyInBackground(path: string, parts: readonly Uint8Array[]): Promise<void> {
  const handle = await open(`${path}.tmp`, "w");
  try {
    // writeFile writes all of a part (write() may write less), each after the one before.
    for (const part of parts) if (part.byteLength > 0) await handle.writeFile(part);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(`${path}.tmp`, path);
}

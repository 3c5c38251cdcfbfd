/**
 * Generating 2.6M papers takes minutes, and each engine is measured in its own process; so each
 * corpus is generated once into bench/out/corpus/ as JSON lines (one Paper a line) and every
 * process streams it back in batches. The file is written under a temporary name and renamed
 * when complete, so an interrupted run never leaves a short corpus behind.
 */
import fs from "node:fs";
import path from "node:path";
import type { Paper } from "../src/core/paper.js";
import { readLines } from "../src/ingest/lines.js";
import { openSource } from "../src/ingest/source.js";
import type { CorpusGenerator } from "./corpus.js";
import { OUT_DIR } from "./paths.js";

/** "100k" → 100000, "2.6M" → 2600000, "5000" → 5000. */
export function parseSize(label: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(label.trim());
  if (!m) throw new Error(`bench: size "${label}" is not a number like 5000, 100k or 2.6M`);
  const size = Math.round(Number(m[1]) * (m[2] ? (m[2].toLowerCase() === "k" ? 1e3 : 1e6) : 1));
  if (size < 1) throw new Error(`bench: size "${label}" is less than one paper`);
  return size;
}

/** 100000 → "100k", 2600000 → "2.6M". */
export function sizeLabel(size: number): string {
  if (size >= 1e6 && size % 1e5 === 0) return `${size / 1e6}M`;
  if (size >= 1e3 && size % 1e3 === 0) return `${size / 1e3}k`;
  return String(size);
}

export const corpusFile = (size: number, seed: number) =>
  path.join(OUT_DIR, "corpus", `papers-${sizeLabel(size)}-seed${seed}.jsonl`);

/** The corpus file for (size, seed), generated first when missing. Returns its path. */
export async function ensureCorpusFile(
  generator: CorpusGenerator,
  size: number,
  seed: number,
  onProgress: (written: number) => void = () => {},
): Promise<string> {
  const file = corpusFile(size, seed);
  if (!fs.existsSync(file)) {
    const lines = (function* () {
      for (const paper of generator.papers({ size, seed })) yield JSON.stringify(paper);
    })();
    await writeLinesOnce(file, lines, onProgress);
  }
  return file;
}

/**
 * Writes lines to `file` under a temporary name and renames it when complete, so an interrupted
 * run never leaves a short file behind; `onProgress` hears every 10,000 lines and at the end.
 */
export async function writeLinesOnce(
  file: string,
  lines: Iterable<string>,
  onProgress: (written: number) => void,
): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const out = fs.createWriteStream(partial);
  let written = 0;
  let chunk = "";
  for (const line of lines) {
    chunk += line + "\n";
    if (++written % 10_000 === 0) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      chunk = "";
      onProgress(written);
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  fs.renameSync(partial, file);
  onProgress(written);
}

/** The papers of a corpus file, `batchSize` at a time. */
export async function* readCorpusFile(file: string, batchSize = 1_000): AsyncGenerator<Paper[]> {
  let batch: Paper[] = [];
  for await (const { text } of readLines(await openSource(file))) {
    batch.push(JSON.parse(text) as Paper);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

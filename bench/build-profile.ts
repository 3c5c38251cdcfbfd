/**
 * Where a bulk index build spends its time, phase by phase, on the first N papers of a corpus
 * file (read into memory first, untimed): chunks inverted on workers, the final merge, and the
 * bytes per paper of each segment array. Wall and CPU time per phase (CPU includes workers).
 * MERGE_HERE=1 merges on the main thread in one pass instead of on the workers by term range.
 *
 *   node --import tsx bench/build-profile.ts <corpus.jsonl> [papers] [chunkDocs]
 */
import type { Paper } from "../src/core/paper.js";
import { DEFAULT_BM25F } from "../src/search/fields.js";
import { encodeChunk } from "../src/search/index/chunk-codec.js";
import { ChunkPool } from "../src/search/index/parallel.js";
import { mergeInParallel } from "../src/search/index/parallel-merge.js";
import { mergeSegments } from "../src/search/index/segment-merge.js";
import { SEGMENT_ARRAYS, type Segment } from "../src/search/index/segment.js";
import { readCorpusFile } from "./corpus-file.js";
import { cpuMsSince, msSince } from "./stats.js";

const [file, papersArg = "300000", chunkArg = "50000"] = process.argv.slice(2);
if (!file) throw new Error("usage: build-profile.ts <corpus.jsonl> [papers] [chunkDocs]");
const limit = Number(papersArg);
const chunkDocs = Number(chunkArg);

const papers: Paper[] = [];
for await (const batch of readCorpusFile(file)) {
  papers.push(...batch.slice(0, limit - papers.length));
  if (papers.length >= limit) break;
}

async function phase<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  const t = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = await run();
  console.log(`${name.padEnd(10)} wall ${(msSince(t) / 1000).toFixed(1)} s  cpu ${(cpuMsSince(cpu) / 1000).toFixed(1)} s`);
  return result;
}

const pool = new ChunkPool();
const segments = await phase("invert", async () => {
  const jobs: Array<Promise<Segment>> = [];
  for (let i = 0; i * chunkDocs < papers.length; i++) jobs.push(pool.build(encodeChunk(papers.slice(i * chunkDocs, (i + 1) * chunkDocs)), DEFAULT_BM25F));
  return Promise.all(jobs);
});
const merged = await phase("merge", () =>
  process.env.MERGE_HERE ? mergeSegments(segments.map((seg) => ({ seg, deleted: null })), DEFAULT_BM25F) : mergeInParallel(pool, segments, DEFAULT_BM25F),
);
await pool.close();

const total = merged.byteSize();
console.log(`${merged.docCount} papers, ${merged.termCount} terms, ${(total / merged.docCount).toFixed(1)} bytes/paper`);
for (const name of SEGMENT_ARRAYS) {
  const bytes = merged.a[name].byteLength;
  if (bytes / total > 0.005) console.log(`  ${name.padEnd(16)} ${(bytes / merged.docCount).toFixed(1)} B/paper`);
}

/**
 * Builds one segment from many papers (a full rebuild): inverts chunks of papers into segments,
 * then merges them in one pass, so memory for postings in flat lists stays bounded by a chunk.
 * A single chunk is inverted here; when there are more, worker threads invert them in parallel
 * and merge them in parallel, each a range of terms (falling back to this thread if workers
 * cannot start or fail).
 * Paper ids must be unique, as `Store.scanPapers` gives them.
 */
import type { Paper } from "../../core/paper.js";
import { Analyzer, BUILD_CACHE_ENTRIES } from "../analyze/analyzer.js";
import type { Bm25fParams } from "../fields.js";
import { ChunkEncoder, decodeChunk, type EncodedChunk } from "./chunk-codec.js";
import { ChunkPool } from "./parallel.js";
import { mergeInParallel } from "./parallel-merge.js";
import { SegmentBuilder } from "./segment-builder.js";
import { mergeSegments } from "./segment-merge.js";
import type { Segment } from "./segment.js";

/** Papers inverted per chunk before merging; 50k ≈ 300 MB of temporary lists. */
const CHUNK_DOCS = 50_000;

export interface BuildOptions {
  /** Worker threads; default min(4, cores); 0 builds on this thread. */
  workers?: number;
  /** Papers per chunk; default 50,000, at least 1 (small only in tests). */
  chunkDocs?: number;
  onProgress?: (papers: number) => void;
  /** Told once when the worker threads fail and the build goes on in this thread; default stderr. */
  onFallback?: (reason: string) => void;
}

const sayOnStderr = (reason: string) =>
  process.stderr.write(`paperfeed: index build: worker threads failed (${reason}); building on one thread, slower\n`);

export async function buildSegment(
  batches: AsyncIterable<readonly Paper[]> | Iterable<readonly Paper[]>,
  params: Bm25fParams,
  options: BuildOptions = {},
): Promise<Segment | null> {
  const chunkDocs = Math.max(1, options.chunkDocs ?? CHUNK_DOCS);
  const chunks: Array<Promise<Segment>> = [];
  let analyzer: Analyzer | null = null;
  let pool: ChunkPool | null = null;
  let poolFailed = options.workers === 0;
  let fallbackTold = false;
  const fellBack = (e: unknown) => {
    if (fallbackTold) return;
    fallbackTold = true;
    (options.onFallback ?? sayOnStderr)(e instanceof Error ? e.message : String(e));
  };
  const buffer = new ChunkEncoder();
  let papers = 0;

  const buildHere = (chunk: EncodedChunk) => {
    analyzer ??= new Analyzer(BUILD_CACHE_ENTRIES);
    const builder = new SegmentBuilder(analyzer);
    for (const paper of decodeChunk(chunk)) builder.add(paper);
    return builder.finish(params);
  };
  const send = async (chunk: EncodedChunk) => {
    if (!poolFailed) {
      try {
        pool ??= new ChunkPool(options.workers);
        // Keep at most two chunks per worker in flight, so papers do not pile up in memory.
        if (chunks.length >= 2 * pool.size) await chunks[chunks.length - 2 * pool.size];
        // A worker that fails leaves its chunk to this thread.
        chunks.push(
          pool.build(chunk, params).catch((e: unknown) => {
            fellBack(e);
            return buildHere(chunk);
          }),
        );
        return;
      } catch (e) {
        fellBack(e);
        poolFailed = true;
      }
    }
    chunks.push(Promise.resolve(buildHere(chunk)));
  };
  // The first chunk waits for a second one: only then are workers worth starting.
  let first: EncodedChunk | null = null;
  const dispatch = async (chunk: EncodedChunk) => {
    if (chunks.length === 0) {
      if (first === null) {
        first = chunk;
        return;
      }
      const held: EncodedChunk = first;
      first = null;
      await send(held);
    }
    await send(chunk);
  };

  try {
    for await (const batch of batches) {
      for (let from = 0; from < batch.length; ) {
        const to = Math.min(batch.length, from + chunkDocs - buffer.count);
        buffer.add(batch.slice(from, to));
        from = to;
        if (buffer.count >= chunkDocs) await dispatch(buffer.take());
      }
      papers += batch.length;
      options.onProgress?.(papers);
    }
    if (buffer.count > 0) await dispatch(buffer.take());
    if (first !== null) chunks.push(Promise.resolve(buildHere(first)));
    const segments = await Promise.all(chunks);
    chunks.length = 0; // the merge frees each chunk as it goes (see mergeInParallel)
    if (segments.length <= 1) return segments[0] ?? null;
    if (pool !== null) {
      try {
        // The inverting workers keep their vocabulary and token memo (hundreds of MB each at
        // millions of papers), which merging does not use: fresh workers merge, so the build's
        // peak memory, during the merge, does not include them.
        await (pool as ChunkPool).close();
        pool = new ChunkPool(options.workers);
        return await mergeInParallel(pool, segments, params);
      } catch (e) {
        fellBack(e); // merged here instead
      }
    }
    return mergeSegments(segments.map((seg) => ({ seg, deleted: null })), params);
  } finally {
    await (pool as ChunkPool | null)?.close();
  }
}

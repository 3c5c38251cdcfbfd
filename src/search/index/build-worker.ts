/**
 * Worker thread side of a parallel index build: receives chunks of papers (chunk-codec.ts),
 * inverts each into a segment and sends its typed arrays back (transferred, not copied). One
 * Analyzer per worker, so the vocabulary and token memo stay warm across its chunks.
 */
import { parentPort } from "node:worker_threads";
import { Analyzer, BUILD_CACHE_ENTRIES } from "../analyze/analyzer.js";
import type { Bm25fParams } from "../fields.js";
import { decodeChunk, type EncodedChunk } from "./chunk-codec.js";
import { SegmentBuilder } from "./segment-builder.js";
import { SEGMENT_ARRAYS } from "./segment.js";

export interface ChunkRequest {
  chunk: number;
  papers: EncodedChunk;
  params: Bm25fParams;
}

const analyzer = new Analyzer(BUILD_CACHE_ENTRIES);

parentPort?.on("message", ({ chunk, papers, params }: ChunkRequest) => {
  try {
    const builder = new SegmentBuilder(analyzer);
    for (const paper of decodeChunk(papers)) builder.add(paper);
    const seg = builder.finish(params);
    const buffers = SEGMENT_ARRAYS.map((name) => seg.a[name].buffer as ArrayBuffer);
    parentPort!.postMessage({ chunk, arrays: seg.a }, [...new Set(buffers)]);
  } catch (e) {
    parentPort!.postMessage({ chunk, error: e instanceof Error ? e.message : String(e) });
  }
});

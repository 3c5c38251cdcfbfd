/**
 * Builds one segment from many papers (a full rebuild): inverts chunks of papers into segments,
 * then merges them in one pass, so memory for postings in flat lists stays bounded by a chunk.
 * Paper ids must be unique, as `Store.scanPapers` gives them.
 */
import type { Paper } from "../../core/paper.js";
import { Analyzer, BUILD_CACHE_ENTRIES } from "../analyze/analyzer.js";
import type { Bm25fParams } from "../fields.js";
import { SegmentBuilder } from "./segment-builder.js";
import { mergeSegments } from "./segment-merge.js";
import type { Segment } from "./segment.js";

/** Papers inverted per chunk before merging; 50k ≈ 300 MB of temporary lists. */
const CHUNK_DOCS = 50_000;

export async function buildSegment(
  batches: AsyncIterable<readonly Paper[]> | Iterable<readonly Paper[]>,
  params: Bm25fParams,
  onProgress?: (papers: number) => void,
): Promise<Segment | null> {
  const chunks: Segment[] = [];
  const analyzer = new Analyzer(BUILD_CACHE_ENTRIES);
  let builder = new SegmentBuilder(analyzer);
  let papers = 0;
  for await (const batch of batches) {
    for (const paper of batch) {
      builder.add(paper);
      if (builder.count >= CHUNK_DOCS) {
        chunks.push(builder.finish(params));
        builder = new SegmentBuilder(analyzer);
      }
    }
    papers += batch.length;
    onProgress?.(papers);
  }
  if (builder.count > 0) chunks.push(builder.finish(params));
  if (chunks.length <= 1) return chunks[0] ?? null;
  return mergeSegments(chunks.map((seg) => ({ seg, deleted: null })), params);
}

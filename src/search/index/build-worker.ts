/**
 * Worker thread side of a parallel index build: inverts chunks of papers (chunk-codec.ts) into
 * segments, and merges term ranges of the chunk segments (parallel-merge.ts), sending typed
 * arrays back (transferred, not copied). One Analyzer per worker, so the vocabulary and token
 * memo stay warm across its chunks.
 */
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { Analyzer, BUILD_CACHE_ENTRIES } from "../analyze/analyzer.js";
import type { Bm25fParams } from "../fields.js";
import { makeContext } from "../score/bm25f.js";
import { CHAMPIONS } from "./champions.js";
import { HIGH_LISTS } from "./high-lists.js";
import { decodeChunk, type EncodedChunk } from "./chunk-codec.js";
import { PostingsWriter } from "./postings-writer.js";
import { SegmentBuilder } from "./segment-builder.js";
import { mergeTerms } from "./segment-merge.js";
import { Segment, type SegmentArrays } from "./segment.js";

export interface ChunkRequest {
  kind: "chunk";
  job: number;
  papers: EncodedChunk;
  params: Bm25fParams;
  /**
   * A segment that will be searched as it is (the live index's): with its high lists, picked
   * with the asking thread's settings, and without signatures, which the asking thread picks with
   * the whole collection's idf (SegmentSet.flushAside). Absent: a chunk that will be merged (the
   * merge picks them).
   */
  searchable?: { champions: typeof CHAMPIONS; high: typeof HIGH_LISTS };
}

export interface MergeRequest {
  kind: "merge";
  job: number;
  /** The chunk segments' arrays (on shared memory: every merge worker reads them all). */
  inputs: SegmentArrays[];
  remap: Int32Array[];
  codeMaps: Int32Array[];
  comboTf: Uint8Array;
  comboCount: Uint32Array;
  lengthCodes: Uint8Array;
  avg: Float64Array;
  params: Bm25fParams;
  /** Terms in [from, to), UTF-8; null: unbounded. */
  from: Uint8Array | null;
  to: Uint8Array | null;
  /** The champion and high-list settings of the thread that asks (tests change them). */
  champions: typeof CHAMPIONS;
  high: typeof HIGH_LISTS;
}

export type WorkerRequest = ChunkRequest | MergeRequest;

const options = ((workerData as { data?: unknown } | null)?.data ?? {}) as { cacheEntries?: number; nice?: number };
/** Made for the first chunk: a worker that only merges never allocates the token memo. */
let analyzer: Analyzer | null = null;
if (options.nice) lowerThreadPriority(options.nice);

/**
 * Gives this thread (not the process) a lower scheduling priority, so that on a busy machine the
 * threads that answer requests, and the import that feeds this one, run first. Linux only (a
 * thread's id is a pid there); elsewhere, or when not permitted, the thread keeps its priority.
 */
function lowerThreadPriority(nice: number) {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").at(-1));
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, nice);
  } catch {
    // Not Linux, or not allowed: inverting at normal priority is only less polite.
  }
}

function invert({ papers, params, searchable }: ChunkRequest): SegmentArrays {
  if (searchable) {
    Object.assign(CHAMPIONS, searchable.champions);
    Object.assign(HIGH_LISTS, searchable.high);
  }
  analyzer ??= new Analyzer(options.cacheEntries ?? BUILD_CACHE_ENTRIES);
  const builder = new SegmentBuilder(analyzer);
  for (const paper of decodeChunk(papers)) builder.add(paper);
  return builder.finish(params, searchable !== undefined, false).a;
}

function merge(m: MergeRequest) {
  Object.assign(CHAMPIONS, m.champions);
  Object.assign(HIGH_LISTS, m.high);
  const writer = new PostingsWriter(m.comboTf, m.comboCount, m.lengthCodes, makeContext(m.params, m.avg));
  const steps = mergeTerms(m.inputs.map((a) => new Segment(a)), m, writer, m.from, m.to);
  while (!steps.next().done);
  return writer.finish();
}

parentPort?.on("message", (request: WorkerRequest) => {
  try {
    const arrays = request.kind === "chunk" ? invert(request) : merge(request);
    // Shared inputs stay where they are; fresh arrays move to the asking thread.
    const buffers = Object.values(arrays).map((a: ArrayBufferView) => a.buffer).filter((b) => b instanceof ArrayBuffer);
    parentPort!.postMessage({ job: request.job, arrays }, [...new Set(buffers)]);
  } catch (e) {
    parentPort!.postMessage({ job: request.job, error: e instanceof Error ? e.message : String(e) });
  }
});

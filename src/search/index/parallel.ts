/**
 * Inverts chunks of papers on worker threads (core/module-worker.ts: the TypeScript sources
 * through tsx, or the compiled JavaScript, whichever this file is).
 */
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { siblingModule, startModuleWorker } from "../../core/module-worker.js";
import { BUILD_CACHE_ENTRIES, STREAM_CACHE_ENTRIES } from "../analyze/analyzer.js";
import type { Bm25fParams } from "../fields.js";
import type { ChunkRequest, MergeRequest, WorkerRequest } from "./build-worker.js";
import { CHAMPIONS } from "./champions.js";
import type { EncodedChunk } from "./chunk-codec.js";
import { HIGH_LISTS } from "./high-lists.js";
import type { PostingArrays } from "./postings-writer.js";
import { Segment, type SegmentArrays } from "./segment.js";

const WORKER = siblingModule(import.meta.url, "build-worker");

/**
 * A build worker's young generation, in MB: inverting allocates short-lived strings and arrays
 * per token, and with V8's default (16 MB semi-spaces) scavenges took about 7% of a worker's
 * profile; 96 (32 MB semi-spaces) scavenges less often, for 64 MB more per worker.
 */
const YOUNG_GENERATION_MB = 96;

/** The nice value of a stream pool's workers (0 is normal, 19 the lowest priority). */
const STREAM_NICE = 10;

interface Pending {
  resolve: (arrays: unknown) => void;
  reject: (e: Error) => void;
}

/** A pool of build workers: `build` inverts a chunk into a segment, `merge` merges a term range. */
export class ChunkPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private jobs = 0;
  /** Set when a worker died: its jobs would never be answered. */
  private failed: Error | null = null;
  /** Jobs in flight per worker: only a worker with one keeps the process alive (a pool may idle). */
  private readonly busy: number[];

  /**
   * @param size workers; default the machine's parallelism, at most 4
   * @param stream for a stream of small batches beside other work (a live catch-up): a small
   *   token memo and V8's default young generation rather than a bulk build's 60 + 64 MB, and
   *   a lower scheduling priority (nice 10), so that the request thread and an import running
   *   beside it come first on a busy machine
   */
  constructor(size = Math.min(4, availableParallelism()), { stream = false } = {}) {
    this.busy = Array.from({ length: Math.max(1, size) }, () => 0);
    this.workers = this.busy.map((_, slot) => {
      const worker = startModuleWorker(WORKER, {
        data: { cacheEntries: stream ? STREAM_CACHE_ENTRIES : BUILD_CACHE_ENTRIES, nice: stream ? STREAM_NICE : 0 },
        ...(stream ? {} : { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }),
      });
      worker.unref();
      worker.on("message", (m: { job: number; arrays?: unknown; error?: string }) => {
        if (--this.busy[slot]! === 0) worker.unref();
        const p = this.pending.get(m.job);
        this.pending.delete(m.job);
        if (m.arrays) p?.resolve(m.arrays);
        else p?.reject(new Error(m.error));
      });
      worker.on("error", (e) => this.failAll(e));
      return worker;
    });
  }

  get size() {
    return this.workers.length;
  }

  private failAll(e: Error) {
    this.failed = e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  /** Runs a job on the next worker; resolves with the arrays it answers. */
  private run<T>(request: WorkerRequest, transfer: ArrayBuffer[], worker = this.next++): Promise<T> {
    return new Promise((resolve, reject) => {
      if (this.failed) return reject(this.failed);
      this.pending.set(request.job, { resolve: resolve as (arrays: unknown) => void, reject });
      const slot = worker % this.workers.length;
      if (this.busy[slot]!++ === 0) this.workers[slot]!.ref();
      this.workers[slot]!.postMessage(request, transfer);
    });
  }

  /**
   * Inverts `papers` (chunk-codec.ts) into a segment; `searchable`: one that is searched as it is
   * (with high lists), not a chunk to be merged.
   */
  async build(papers: EncodedChunk, params: Bm25fParams, searchable = false): Promise<Segment> {
    const request: ChunkRequest = {
      kind: "chunk",
      job: this.jobs++,
      papers,
      params,
      ...(searchable ? { searchable: { champions: { ...CHAMPIONS }, high: { ...HIGH_LISTS } } } : {}),
    };
    return new Segment(await this.run<SegmentArrays>(request, [request.papers.ints.buffer as ArrayBuffer]));
  }

  /** Merges the postings of one term range on worker `worker` (see parallel-merge.ts). */
  merge(request: Omit<MergeRequest, "kind" | "job">, worker: number): Promise<PostingArrays> {
    return this.run({ ...request, kind: "merge", job: this.jobs++ }, [], worker);
  }

  async close() {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

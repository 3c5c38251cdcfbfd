/**
 * Inverts chunks of papers on worker threads. Workers run this package's TypeScript directly
 * (registering tsx, as the main process does) or the compiled JavaScript, whichever this file is.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Bm25fParams } from "../fields.js";
import type { ChunkRequest, MergeRequest, WorkerRequest } from "./build-worker.js";
import type { EncodedChunk } from "./chunk-codec.js";
import type { PostingArrays } from "./postings-writer.js";
import { Segment, type SegmentArrays } from "./segment.js";

const workerUrl = new URL(import.meta.url.endsWith(".ts") ? "./build-worker.ts" : "./build-worker.js", import.meta.url).href;

/**
 * tsx's API, resolved here: an eval'd worker resolves bare names from the process's working
 * directory, so a build started outside the checkout would not find tsx, and every chunk would
 * fall back to one thread without a word.
 */
const tsxApiUrl = workerUrl.endsWith(".ts") ? import.meta.resolve("tsx/esm/api") : null;

// An eval'd CommonJS bootstrap: registers tsx when the worker module is TypeScript.
const BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
(async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
  await import(workerData.url);
})();
`;

/**
 * A build worker's young generation, in MB: inverting allocates short-lived strings and arrays
 * per token, and with V8's default (16 MB semi-spaces) scavenges took about 7% of a worker's
 * profile; 96 (32 MB semi-spaces) scavenges less often, for 64 MB more per worker.
 */
const YOUNG_GENERATION_MB = 96;

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

  /** @param size workers; default the machine's parallelism, at most 4 */
  constructor(size = Math.min(4, availableParallelism())) {
    this.workers = Array.from({ length: Math.max(1, size) }, () => {
      const worker = new Worker(BOOTSTRAP, {
        eval: true,
        workerData: { url: workerUrl, tsx: tsxApiUrl },
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      });
      worker.on("message", (m: { job: number; arrays?: unknown; error?: string }) => {
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
      this.workers[worker % this.workers.length]!.postMessage(request, transfer);
    });
  }

  async build(papers: EncodedChunk, params: Bm25fParams): Promise<Segment> {
    const request: ChunkRequest = { kind: "chunk", job: this.jobs++, papers, params };
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

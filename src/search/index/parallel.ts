/**
 * Inverts chunks of papers on worker threads. Workers run this package's TypeScript directly
 * (registering tsx, as the main process does) or the compiled JavaScript, whichever this file is.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Paper } from "../../core/paper.js";
import type { Bm25fParams } from "../fields.js";
import type { ChunkRequest } from "./build-worker.js";
import { encodeChunk } from "./chunk-codec.js";
import { Segment, type SegmentArrays } from "./segment.js";

const workerUrl = new URL(import.meta.url.endsWith(".ts") ? "./build-worker.ts" : "./build-worker.js", import.meta.url).href;

// An eval'd CommonJS bootstrap: registers tsx when the worker module is TypeScript.
const BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
(async () => {
  if (workerData.url.endsWith(".ts")) (await import("tsx/esm/api")).register();
  await import(workerData.url);
})();
`;

interface Pending {
  resolve: (seg: Segment) => void;
  reject: (e: Error) => void;
}

/** A pool of build workers; `build` resolves with the chunk's segment. */
export class ChunkPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  private next = 0;

  /** @param size workers; default the machine's parallelism, at most 4 */
  constructor(size = Math.min(4, availableParallelism())) {
    this.workers = Array.from({ length: Math.max(1, size) }, () => {
      const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { url: workerUrl } });
      worker.on("message", (m: { chunk: number; arrays?: SegmentArrays; error?: string }) => {
        const p = this.pending.get(m.chunk);
        this.pending.delete(m.chunk);
        if (m.arrays) p?.resolve(new Segment(m.arrays));
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
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  build(chunk: number, papers: Paper[], params: Bm25fParams): Promise<Segment> {
    return new Promise((resolve, reject) => {
      this.pending.set(chunk, { resolve, reject });
      const request: ChunkRequest = { chunk, papers: encodeChunk(papers), params };
      this.workers[this.next++ % this.workers.length]!.postMessage(request, [request.papers.ints.buffer as ArrayBuffer]);
    });
  }

  async close() {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

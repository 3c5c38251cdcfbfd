/**
 * Reads a file on a worker thread: the same reader, the same items in the same order, but the
 * parsing (JSON or XML, field rules, `makePaper`) runs beside the store's writes instead of
 * before them. An import of all of arXiv spent two fifths of its main thread reading, and that
 * thread, writing SQLite, was what the rest of the import waited for. Items cross as structured
 * clones (about 8 µs a paper to receive, against about 38 µs to read one).
 */
import { PaperfeedError, type Component } from "../core/errors.js";
import { siblingModule, startModuleWorker } from "../core/module-worker.js";
import type { IngestItem } from "./items.js";
import type { ReadJob, ReadMessage } from "./read-worker.js";
import type { ByteMeter } from "./source.js";

const WORKER = siblingModule(import.meta.url, "read-worker");

/** Items per message: large enough that messaging costs little, small enough to arrive steadily. */
const BATCH = 500;
/** Batches on their way at once: the reader stays this far ahead of the store, at most. */
const CREDIT = 4;

export interface ReadInWorkerOptions {
  /** Items per message; default 500, at least 1. */
  batch?: number;
  /** Messages on their way at once; default 4, at least 1. */
  credit?: number;
  /** The worker module; tests point it at one that cannot start. Default read-worker. */
  workerUrl?: string;
}

/**
 * The items of `format`'s reader over `file`, read on a worker thread. When the worker cannot
 * start (or dies before its first message) the file is read here with `read` instead, and
 * `onFallback` hears why.
 */
export async function* readInWorker(
  read: (file: string, meter: ByteMeter) => AsyncGenerator<IngestItem>,
  format: string,
  file: string,
  meter: ByteMeter,
  onFallback: (reason: string) => void,
  options: ReadInWorkerOptions = {},
): AsyncGenerator<IngestItem> {
  const job: ReadJob = { format, file, batch: Math.max(1, options.batch ?? BATCH), credit: Math.max(1, options.credit ?? CREDIT) };
  const worker = startModuleWorker(options.workerUrl ?? WORKER, { data: job });
  const arrived: ReadMessage[] = [];
  let heard = false;
  let died: Error | null = null;
  let wake: (() => void) | null = null;
  const wakeUp = () => {
    wake?.();
    wake = null;
  };
  worker.on("message", (m: ReadMessage) => {
    heard = true;
    arrived.push(m);
    wakeUp();
  });
  worker.on("error", (e: Error) => {
    died = e;
    wakeUp();
  });
  try {
    for (;;) {
      const m = arrived.shift();
      if (m === undefined) {
        if (died !== null) {
          if (heard) throw died;
          onFallback((died as Error).message);
          yield* read(file, meter);
          return;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (m.kind === "failed") {
        const p = m.paperfeed;
        if (!p) throw new Error(m.message);
        // The constructor puts the component before the message again.
        const text = m.message.startsWith(`${p.component}: `) ? m.message.slice(p.component.length + 2) : m.message;
        throw new PaperfeedError(p.component as Component, p.id, text, p.status, { visible: p.visible });
      }
      meter.bytesRead = m.bytesRead;
      meter.bytesTotal = m.bytesTotal;
      if (m.kind === "done") return;
      worker.postMessage("more");
      yield* m.items;
    }
  } finally {
    await worker.terminate();
  }
}

/**
 * Worker side of `readInWorker`: runs one format's reader over one file and posts its items in
 * batches, with the byte meter, keeping at most `credit` batches unacknowledged so a fast reader
 * never runs far ahead of the store.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PaperfeedError, messageOf } from "../core/errors.js";
import { formatByName } from "./formats.js";
import type { IngestItem } from "./items.js";
import type { ByteMeter } from "./source.js";

export interface ReadJob {
  format: string;
  file: string;
  /** Items per message. */
  batch: number;
  /** Batches posted but not yet acknowledged, at most. */
  credit: number;
}

export type ReadMessage =
  | { kind: "items"; items: IngestItem[]; bytesRead: number; bytesTotal: number }
  | { kind: "done"; bytesRead: number; bytesTotal: number }
  /** The reader threw (not bad data, which is an item): its error, rebuilt on the other side. */
  | { kind: "failed"; message: string; paperfeed: { component: string; id: string; status: number; visible: boolean } | null };

const job = (workerData as { data: ReadJob }).data;
const port = parentPort!;
let unacknowledged = 0;
let wake: (() => void) | null = null;
port.on("message", () => {
  unacknowledged--;
  wake?.();
  wake = null;
});

async function run() {
  const format = formatByName(job.format);
  if (!format.storable) throw new Error(`${job.format} is not a format papers are imported from`);
  const meter: ByteMeter = { bytesRead: 0, bytesTotal: 0 };
  let items: IngestItem[] = [];
  const post = async () => {
    while (unacknowledged >= job.credit) await new Promise<void>((resolve) => (wake = resolve));
    unacknowledged++;
    port.postMessage({ kind: "items", items, bytesRead: meter.bytesRead, bytesTotal: meter.bytesTotal } satisfies ReadMessage);
    items = [];
  };
  for await (const item of format.read(job.file, meter)) {
    items.push(item);
    if (items.length >= job.batch) await post();
  }
  if (items.length > 0) await post();
  port.postMessage({ kind: "done", bytesRead: meter.bytesRead, bytesTotal: meter.bytesTotal } satisfies ReadMessage);
}

run().catch((e: unknown) => {
  const paperfeed = e instanceof PaperfeedError ? { component: e.component, id: e.id, status: e.status, visible: e.visible } : null;
  port.postMessage({ kind: "failed", message: messageOf(e), paperfeed } satisfies ReadMessage);
});

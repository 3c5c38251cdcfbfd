/**
 * Builds the search index while an import writes papers into an empty store, so a new instance
 * over all of arXiv never reads its papers back: each batch the store commits goes on to the
 * build's worker threads, whose inversion runs beside the SQLite writes.
 *
 * The index is saved only when it matches the store exactly. It holds every paper the import
 * inserted, as committed; ids the import touched otherwise (updated, deleted, inserted again
 * after a deletion) are read back from the store at the end. It is saved as reflecting the
 * import's last change only when every change logged since the start was the import's own
 * (no other writer took a sequence number meanwhile); otherwise nothing is saved and the next
 * open rebuilds it from the store, as before. Changes after that seq are replayed by the live
 * index (live.ts) like any others.
 */
import { messageOf } from "../core/errors.js";
import type { Paper } from "../core/paper.js";
import type { PaperSink } from "../ingest/sink.js";
import type { Store } from "../store/types.js";
import { Engine, type SearchEngineOptions } from "./engine.js";
import { buildSegment, type BuildOptions } from "./index/bulk-build.js";
import { saveEngine } from "./persist/save.js";

export interface ImportIndexOptions {
  /** Index directory (config `indexDir`); created when missing. */
  dir: string;
  engine?: SearchEngineOptions;
  /** Worker threads and chunk size of the build (see BuildOptions); defaults as there. */
  build?: Omit<BuildOptions, "onProgress">;
}

export type ImportIndexResult =
  | { saved: true; papers: number; seq: number }
  | { saved: false; reason: string };

export interface ImportIndexing {
  /** Give this to `importFiles` instead of the store: it writes through to the store. */
  readonly sink: PaperSink;
  /** After the import: completes the build and saves the index when it matches the store. */
  finish(): Promise<ImportIndexResult>;
  /** After a failed import: stops the build (worker threads included); saves nothing. */
  abort(): Promise<void>;
}

/** Batches handed to the build but not yet taken by it, before the import waits. */
const QUEUED_BATCHES = 8;

/**
 * Starts building beside an import into `store`; null when the store already holds papers
 * (then its saved index follows the change log, as for any other write).
 */
export async function startImportIndex(store: Store, options: ImportIndexOptions): Promise<ImportIndexing | null> {
  const { papers, lastSeq: startSeq } = await store.stats();
  if (papers > 0) return null;

  const engine = new Engine(options.engine);
  const queue = new BatchQueue(QUEUED_BATCHES);
  const built = buildSegment(queue, engine.params, options.build ?? {});
  // A failed build must not fail the import: it ends the queue, and finish() says why.
  let buildError: string | null = null;
  built.catch((e: unknown) => {
    buildError = messageOf(e);
    queue.abandon();
  });
  /** Changes this import logged: one per paper inserted or updated, one per deletion. */
  let ownChanges = 0;
  /** Ids whose stored paper may differ from what the build holds: read back at the end. */
  const touched = new Set<string>();

  const sink: PaperSink = {
    async upsertPapers(batch) {
      const outcomes = await store.upsertPapers(batch);
      const fresh: Paper[] = [];
      for (let i = 0; i < outcomes.length; i++) {
        if (outcomes[i] === "unchanged") continue;
        ownChanges++;
        const paper = batch[i]!;
        // An insert stores the paper as given; anything else may store something else.
        if (outcomes[i] === "inserted" && !touched.has(paper.id)) fresh.push(paper);
        else touched.add(paper.id);
      }
      if (fresh.length > 0) await queue.push(fresh);
      return outcomes;
    },
    async deletePaper(id) {
      const deleted = await store.deletePaper(id);
      if (deleted) {
        ownChanges++;
        touched.add(id);
      }
      return deleted;
    },
  };

  async function finish(): Promise<ImportIndexResult> {
    queue.end();
    let seg;
    try {
      seg = await built;
    } catch {
      return { saved: false, reason: `building the index failed (${buildError})` };
    }
    engine.segments.reset(seg ? [{ seg }] : []);
    if (touched.size > 0) {
      const stored = await store.getPapers([...touched]);
      const found = new Set(stored.map((p) => p.id));
      for (const paper of stored) engine.add(paper);
      for (const id of touched) if (!found.has(id)) engine.remove(id);
      // Replaced docs stay in the collection statistics until merged away: merge now, so the
      // saved index scores exactly as a rebuild would (an import of unique ids skips this).
      engine.segments.optimize();
    }
    const seq = startSeq + ownChanges;
    // The store's changes after startSeq must be exactly the import's: its last one has seq
    // `seq` (AUTOINCREMENT: every change takes the next number) and nothing follows it.
    const after = await store.changesSince(Math.max(0, seq - 1), 2);
    const expected = ownChanges === 0 ? after.length === 0 : after.length === 1 && after[0]!.seq === seq;
    if (!expected) return { saved: false, reason: "another process wrote to the store during the import" };
    saveEngine(engine, options.dir, seq);
    return { saved: true, papers: engine.size, seq };
  }

  async function abort() {
    queue.abandon();
    await built.catch(() => {});
  }

  return { sink, finish, abort };
}

/**
 * Hands batches from the import to the build (one thread: the import awaits `push`, the build
 * iterates). `push` returns at once while fewer than `limit` batches wait, so the import goes on
 * while the build sends chunks to its workers; beyond that it waits for the build to catch up.
 */
class BatchQueue implements AsyncIterable<readonly Paper[]> {
  private readonly batches: Array<readonly Paper[]> = [];
  private done = false;
  private abandoned = false;
  private wakeBuild: (() => void) | null = null;
  private wakeImport: (() => void) | null = null;

  constructor(private readonly limit: number) {}

  async push(batch: readonly Paper[]): Promise<void> {
    if (this.done) return;
    this.batches.push(batch);
    this.wake();
    while (this.batches.length >= this.limit && !this.done) {
      await new Promise<void>((resolve) => (this.wakeImport = resolve));
    }
  }

  /** No more batches: the build finishes with what it has. */
  end() {
    this.done = true;
    this.wake();
  }

  /** The build is not wanted (or failed): drop what waits; the build stops with an error. */
  abandon() {
    this.abandoned = true;
    this.batches.length = 0;
    this.end();
  }

  private wake() {
    const build = this.wakeBuild;
    this.wakeBuild = null;
    build?.();
    if (this.batches.length < this.limit || this.done) {
      const waiting = this.wakeImport;
      this.wakeImport = null;
      waiting?.();
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<readonly Paper[]> {
    for (;;) {
      if (this.abandoned) throw new Error("the import stopped");
      const batch = this.batches.shift();
      if (batch) {
        this.wake();
        yield batch;
      } else if (this.done) return;
      else await new Promise<void>((resolve) => (this.wakeBuild = resolve));
    }
  }
}

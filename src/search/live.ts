/**
 * Keeps a search engine in step with the store, across processes and restarts:
 * - at open, loads the saved index from `dir` when it is sound and matches the store, else
 *   rebuilds it from `store.scanPapers()`;
 * - replays `store.changesSince(seq)` now and every `pollMs`, so a paper imported, updated or
 *   deleted by any process is found (or gone) within a poll, without a rebuild;
 * - saves every `saveEveryMs` when something changed, and on close.
 * An index that disagrees with the store (saved after the store's last change, or holding a
 * different number of papers once caught up) is rebuilt. Segment checksums are verified before a
 * loaded segment answers anything (about half a second for all of arXiv): a damaged segment
 * file would otherwise give wrong counts, or, read past its end, keep a core busy. A damaged
 * index is rebuilt, in the background with `rebuildInBackground` (searches answer 503 meanwhile).
 * Only the process holding the directory's writer lock saves (persist/lock.ts); others read.
 */
import { mkdirSync } from "node:fs";
import { setImmediate as yieldToRequests } from "node:timers/promises";
import { PaperfeedError, messageOf } from "../core/errors.js";
import type { Store } from "../store/types.js";
import { Engine, type SearchEngineOptions } from "./engine.js";
import { buildSegment } from "./index/bulk-build.js";
import { encodeChunk } from "./index/chunk-codec.js";
import { ChunkPool } from "./index/parallel.js";
import { loadIndex, verifyChecksums } from "./persist/load.js";
import { lockHolder, takeWriterLock, type WriterLock } from "./persist/lock.js";
import { saveEngineInBackground } from "./persist/save.js";
import type { SearchEngine, SearchRequest } from "./types.js";
import { buildSemanticIndex } from "./semantic/build.js";
import { loadSemanticIndex, saveSemanticIndexInBackground } from "./semantic/persist.js";
import type { SemanticIndex } from "./semantic/semantic-index.js";

export interface LiveIndexOptions {
  store: Store;
  /** Index directory (config `indexDir`); created when missing. */
  dir: string;
  /** Store polling interval in ms; default 250, 10–60,000. */
  pollMs?: number;
  /** Save at most this often (ms) while changes arrive; default 30,000, at least 1,000. */
  saveEveryMs?: number;
  engine?: SearchEngineOptions;
  /**
   * Hears a rebuild's progress: papers read into the build so far, of `total` stored (the
   * final merge of the build's chunks comes after the last call).
   */
  onRebuildProgress?: (papers: number, total: number) => void;
  /**
   * Keep a semantic index too (semantic/: corpus-learned vectors), saved as `semantic.bin` beside
   * the segments, built after the lexical index when missing and updated from the same changes.
   * Default false.
   */
  semantic?: boolean;
  /** Receives one line per notable event (load, rebuild and why, save failures). */
  log?: (message: string) => void;
  /**
   * When the saved index fails its checksums or was saved by another version, return at once
   * and rebuild in the background, searches failing with a 503 (`index_rebuilding`) until it is
   * done; default false: rebuild before returning. The server sets it, so neither a damaged index
   * nor an upgrade that changes the format keeps it from answering.
   */
  rebuildInBackground?: boolean;
  /**
   * Never write `dir`: one of several processes sharing an index folder (`serve --workers`),
   * where another process saves. A rebuild still happens, in memory. Default false.
   */
  readOnly?: boolean;
}

export interface LiveIndex {
  readonly engine: SearchEngine;
  /** The semantic index, once loaded or built (null while building, or when not asked for). */
  readonly semantic: SemanticIndex | null;
  /** The store change sequence number the engine reflects. */
  readonly seq: number;
  /** Papers caught up but not yet in a segment: the next search flushes them first. */
  readonly pending: number;
  /** How the index was opened. */
  readonly openedFrom: "disk" | "rebuild";
  /** This process holds the directory's writer lock and saves; false: it only reads the directory. */
  readonly writer: boolean;
  /** Applies the store's pending changes now. */
  sync(): Promise<void>;
  /** Writes the index to disk now. */
  save(): Promise<void>;
  /** Rebuilds from the store and saves; refused (409) when another process writes the directory. */
  rebuild(): Promise<void>;
  /**
   * Settles when searches are answered: at once, unless a damaged index is being rebuilt in the
   * background (`rebuildInBackground`).
   */
  readonly verified: Promise<void>;
  /** Stops polling, catches up, saves. The store stays open. */
  close(): Promise<void>;
}

/**
 * Changes read per round trip while catching up: as many as one flush takes (FLUSH_EVERY), since
 * reading and decoding 1,000 papers at once was itself a stall of tens of ms.
 */
const CHANGE_BATCH = 250;

/**
 * Papers made searchable at a time while catching up, as one segment built on a worker thread
 * (inverting takes roughly 0.15 ms a paper, which on the request thread stalled it for tens of
 * ms at a time). Left to pile up, 50,000 pending papers were flushed in one go (seconds without
 * an answer).
 */
const FLUSH_EVERY = 250;

/**
 * Merges of more docs than this run in the background, in 5 ms turns (SegmentSet): the small
 * segments a catch-up flushes merge often, and a merge takes roughly 0.05 ms a doc, so only
 * merges of a few hundred docs run at once. A build or a load is one segment and never merges.
 */
const LIVE_BACKGROUND_MERGE_DOCS = 1000;

/** The worker thread that builds a catch-up's segments stops after this long without work. */
const BUILDER_IDLE_MS = 30_000;

export async function openLiveIndex(options: LiveIndexOptions): Promise<LiveIndex> {
  const { store, dir } = options;
  const pollMs = Math.min(60_000, Math.max(10, options.pollMs ?? 250));
  const saveEveryMs = Math.max(1000, options.saveEveryMs ?? 30_000);
  const log = options.log ?? (() => {});
  const engine = new Engine({ backgroundMergeDocs: LIVE_BACKGROUND_MERGE_DOCS, ...options.engine });
  const lock = takeLock(dir, log);
  let seq = 0;
  // The engine state last saved (SegmentSet.version), and the seq it reflected.
  let savedVersion = -1;
  let savedSeq = -1;
  const dirty = () => engine.segments.version !== savedVersion || seq !== savedSeq;
  let lastSave = Date.now();
  let closed = false;
  let semantic: SemanticIndex | null = null;
  let semanticSaved = { version: -1, seq: -1 };
  let timer: NodeJS.Timeout | null = null;
  // The worker thread that inverts caught-up papers: started when a catch-up needs it.
  let builder: ChunkPool | null = null;
  let builderFailed = false;
  let builderIdle: NodeJS.Timeout | null = null;
  // Sync, save, rebuild and close run one at a time, in call order.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => {});
    return next;
  };

  /** The changes after `after`, the last of each paper's, with the papers upserted; null: none. */
  async function readChanges(after: number) {
    const changes = await store.changesSince(after, CHANGE_BATCH);
    if (changes.length === 0) return null;
    const last = new Map<string, "upsert" | "delete">();
    for (const c of changes) last.set(c.id, c.kind);
    const upserted = [...last].filter(([, kind]) => kind === "upsert").map(([id]) => id);
    const papers = upserted.length > 0 ? await store.getPapers(upserted) : [];
    return { last, papers, seq: changes.at(-1)!.seq };
  }

  async function catchUp() {
    let flushing: Promise<void> | undefined;
    let next = readChanges(seq);
    try {
      for (;;) {
        const batch = await next;
        if (batch === null) return;
        // The next changes are read while the previous ones are built into a segment (one at a
        // time, so that a search never has more than a slice of pending papers to flush itself).
        next = readChanges(batch.seq);
        next.catch(() => {});
        await flushing;
        const found = new Set(batch.papers.map((p) => p.id));
        for (const paper of batch.papers) {
          engine.add(paper);
          semantic?.addPaper(paper);
        }
        for (const [id, kind] of batch.last) {
          if (kind === "delete" || !found.has(id)) {
            engine.remove(id);
            semantic?.remove(id);
          }
        }
        seq = batch.seq;
        if (engine.segments.pending.size >= FLUSH_EVERY) flushing = flushPending();
        // A long catch-up (an import of thousands of papers) must not starve the server's requests.
        await yieldToRequests();
      }
    } finally {
      await flushing;
    }
  }

  /**
   * Makes the pending papers searchable: built into a segment on a worker thread, so that an
   * import by another process costs this thread only reading the changes (inverting 250 papers
   * here held it for 25–40 ms at a time); built here, in one go, once the worker has failed.
   */
  async function flushPending() {
    if (!builderFailed) {
      try {
        if (builderIdle) clearTimeout(builderIdle);
        const pool = (builder ??= new ChunkPool(1, { stream: true }));
        await engine.segments.flushAside((papers) => pool.build(encodeChunk(papers), engine.params, true));
        // Its vocabulary grows with every paper it inverts: a worker idle for a while goes.
        builderIdle = setTimeout(() => void closeBuilder(), BUILDER_IDLE_MS);
        builderIdle.unref();
        return;
      } catch (e) {
        log(`search: building segments on a worker thread failed (${messageOf(e)}); building them on the request thread`);
        builderFailed = true;
        await closeBuilder();
      }
    }
    engine.segments.flush(true);
  }

  async function closeBuilder() {
    const pool = builder;
    if (builderIdle) clearTimeout(builderIdle);
    if (pool === null) return;
    builder = null;
    await pool.close();
  }

  async function saveNow() {
    if (lock === null || options.readOnly) return;
    // While a catch-up's worker runs, it makes the last pending papers a segment, not this thread.
    if (builder !== null && engine.segments.pending.size > 0) await flushPending();
    // The snapshot is taken before saving returns its promise: what it holds is this version at this seq.
    const saving = saveEngineInBackground(engine, dir, seq);
    const saved = { version: engine.segments.version, seq };
    let savingSemantic: Promise<void> | null = null;
    if (semantic && (semantic.version !== semanticSaved.version || seq !== semanticSaved.seq)) {
      const state = { version: semantic.version, seq };
      savingSemantic = saveSemanticIndexInBackground(semantic, dir, seq).then(() => void (semanticSaved = state));
    }
    // Both awaited together, so that a failure of either is reported, never left unhandled.
    await Promise.all([saving, savingSemantic]);
    savedVersion = saved.version;
    savedSeq = saved.seq;
    lastSave = Date.now();
  }

  async function rebuild() {
    const started = performance.now();
    const { lastSeq, papers: total } = await store.stats();
    const onProgress = options.onRebuildProgress;
    const seg = await buildSegment(store.scanPapers(), engine.params, {
      onProgress: onProgress && ((papers) => onProgress(papers, total)),
    });
    engine.segments.reset(seg ? [{ seg }] : []);
    seq = lastSeq;
    if (options.semantic) semantic = await buildSemantic(total);
    await catchUp();
    await saveNow();
    log(`search: indexed ${engine.size} papers in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }

  /** A semantic index from every stored paper (replaying changes made meanwhile is harmless: adds replace). */
  async function buildSemantic(total: number): Promise<SemanticIndex> {
    const started = performance.now();
    const built = await buildSemanticIndex(() => store.scanPapers(), { total, onProgress: log });
    log(`search: semantic index of ${built.size} papers built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return built;
  }

  /** The saved semantic index when it reflects store change `at`; null (and why, logged) otherwise. */
  function loadSemantic(at: number): SemanticIndex | null {
    try {
      const loaded = loadSemanticIndex(dir);
      if (loaded && loaded.seq === at) return loaded.index;
      if (loaded) log(`search: the semantic index reflects change ${loaded.seq}, the segments ${at}; building it again`);
    } catch (e) {
      log(`search: ${messageOf(e)}; building the semantic index again`);
    }
    return null;
  }

  /**
   * Loads the saved index when it is sound and matches the store; returns why not otherwise
   * (`damaged` when a segment fails its checksum). Mapped without checksums, then checked in
   * place, which also pages the files in, before any segment is used.
   */
  async function tryLoad(): Promise<{ reason: string; damaged: boolean } | null> {
    const loaded = loadIndex(dir, engine.params, { checksums: false });
    // An index saved by an earlier version is rebuilt as a damaged one is: after an upgrade that
    // changes the format, a large instance answers (searches with 503s) while it rebuilds.
    if (!loaded.ok) return { reason: loaded.reason, damaged: loaded.damaged === true || loaded.outdated === true };
    const problem = await verifyChecksums(dir, loaded.manifest, loaded.files);
    if (problem !== null) return { reason: problem, damaged: true };
    const saved = loaded.manifest.seq;
    if (saved > 0) {
      const [change] = await store.changesSince(saved - 1, 1);
      if (change?.seq !== saved) return { reason: `saved index reflects change ${saved}, which the store does not have`, damaged: false };
    }
    engine.segments.reset(loaded.segments);
    seq = savedSeq = saved;
    savedVersion = engine.segments.version;
    if (options.semantic) semantic = loadSemantic(saved);
    if (semantic) semanticSaved = { version: semantic.version, seq: saved };
    await catchUp();
    const stored = await store.countPapers();
    if (engine.size !== stored) return { reason: `saved index holds ${engine.size} papers after catching up, the store ${stored}`, damaged: false };
    return null;
  }

  /** Null while a damaged index is rebuilt in the background: searches are refused meanwhile. */
  let ready: Promise<void> | null = Promise.resolve();
  const why = await tryLoad();
  const openedFrom = why === null ? "disk" : "rebuild";
  if (why === null) log(`search: loaded ${engine.size} papers from ${dir}`);
  else if (why.damaged && options.rebuildInBackground) {
    log(`search: rebuilding the index in the background; searches answer 503 until it is done (${why.reason})`);
    engine.segments.reset([]);
    seq = 0;
    ready = null;
  } else {
    log(`search: rebuilding the index (${why.reason})`);
    await rebuild();
  }
  const verified: Promise<void> =
    ready ??
    serially(rebuild).then(
      () => {
        ready = Promise.resolve();
      },
      (e) => log(`search: rebuilding the damaged index failed: ${messageOf(e)}`),
    );
  // Segments loaded but no usable semantic index: build it while the lexical index serves (a
  // rebuild, in the background or not, builds it itself).
  if (options.semantic && !semantic && ready !== null) {
    void serially(async () => {
      if (closed) return;
      semantic = await buildSemantic(await store.countPapers());
      await catchUp();
      await saveNow();
    }).catch((e) => log(`search: building the semantic index failed: ${messageOf(e)}`));
  }

  const poll = () => {
    timer = setTimeout(() => {
      void serially(async () => {
        if (closed) return;
        await catchUp();
        if (dirty() && Date.now() - lastSave >= saveEveryMs) await saveNow();
      })
        .catch((e) => log(`search: keeping the index up to date failed: ${messageOf(e)}`))
        .finally(() => {
          if (!closed) poll();
        });
    }, pollMs);
    timer.unref();
  };
  poll();

  const whileRebuilding = () => {
    if (ready === null) throw new PaperfeedError("search", "index_rebuilding", "the search index is being rebuilt; try again in a few minutes", 503, { visible: true });
  };
  const served: SearchEngine = {
    add: (paper) => engine.add(paper),
    remove: (id) => engine.remove(id),
    search(request: SearchRequest) {
      whileRebuilding();
      return engine.search(request);
    },
    similar(request) {
      whileRebuilding();
      return engine.similar(request);
    },
    // A suggestion from a half-built vocabulary is only less helpful, never wrong: no refusal.
    suggest: (q) => engine.suggest(q),
    // Counts from a half-built index would mislead for as long as they are kept: none until ready.
    categoryCounts: (limit) => (ready === null ? null : engine.categoryCounts(limit)),
    get size() {
      return engine.size;
    },
  };

  return {
    engine: served,
    get semantic() {
      return semantic;
    },
    get pending() {
      return engine.segments.pending.size;
    },
    get seq() {
      return seq;
    },
    openedFrom,
    writer: lock !== null,
    verified,
    sync: () => serially(catchUp),
    save: () => serially(saveNow),
    rebuild: () => {
      if (lock === null) return Promise.reject(lockedError(dir));
      return serially(rebuild);
    },
    close: () =>
      serially(async () => {
        if (closed) return;
        closed = true;
        if (timer) clearTimeout(timer);
        try {
          await catchUp();
          if (dirty()) await saveNow();
        } finally {
          lock?.release();
          await closeBuilder();
        }
      }),
  };
}

/** The directory's writer lock, or null (reading only) when another process holds it or it cannot be taken. */
function takeLock(dir: string, log: (message: string) => void): WriterLock | null {
  try {
    mkdirSync(dir, { recursive: true });
    const lock = takeWriterLock(dir);
    if (lock === null) log(`search: ${dir} is written by ${lockHolder(dir) ?? "another process"}; this process reads it and keeps its changes in memory`);
    return lock;
  } catch (e) {
    log(`search: cannot lock ${dir} (${messageOf(e)}); the index will not be saved`);
    return null;
  }
}

const lockedError = (dir: string) =>
  new PaperfeedError("search", "index_locked", `${dir} is written by ${lockHolder(dir) ?? "another process"}; stop it first`, 409);

/**
 * Keeps a search engine in step with the store, across processes and restarts:
 * - at open, loads the saved index from `dir` when it is sound and matches the store, else
 *   rebuilds it from `store.scanPapers()`;
 * - replays `store.changesSince(seq)` now and every `pollMs`, so a paper imported, updated or
 *   deleted by any process is found (or gone) within a poll, without a rebuild;
 * - saves every `saveEveryMs` when something changed, and on close.
 * An index that disagrees with the store (saved after the store's last change, or holding a
 * different number of papers once caught up) is rebuilt. Segment checksums are verified in the
 * background once the index serves (a damaged file is rebuilt then), so a restart is quick.
 */
import { messageOf } from "../core/errors.js";
import type { Store } from "../store/types.js";
import { Engine, type SearchEngineOptions } from "./engine.js";
import { buildSegment } from "./index/bulk-build.js";
import { loadIndex, verifyChecksums } from "./persist/load.js";
import type { Manifest } from "./persist/format.js";
import { saveEngine } from "./persist/save.js";
import type { SearchEngine } from "./types.js";

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
  /** Receives one line per notable event (load, rebuild and why, save failures). */
  log?: (message: string) => void;
  /**
   * Never write `dir`: one of several processes sharing an index folder (`serve --workers`),
   * where another process saves. A rebuild still happens, in memory. Default false.
   */
  readOnly?: boolean;
}

export interface LiveIndex {
  readonly engine: SearchEngine;
  /** The store change sequence number the engine reflects. */
  readonly seq: number;
  /** How the index was opened. */
  readonly openedFrom: "disk" | "rebuild";
  /** Applies the store's pending changes now. */
  sync(): Promise<void>;
  /** Writes the index to disk now. */
  save(): Promise<void>;
  /** Rebuilds from the store and saves. */
  rebuild(): Promise<void>;
  /**
   * Settles when the checksums of an index opened from disk are verified (and, when one failed,
   * the index is rebuilt); at once after a rebuild.
   */
  readonly verified: Promise<void>;
  /** Stops polling, catches up, saves. The store stays open. */
  close(): Promise<void>;
}

/** Changes read per round trip while catching up. */
const CHANGE_BATCH = 1000;

export async function openLiveIndex(options: LiveIndexOptions): Promise<LiveIndex> {
  const { store, dir } = options;
  const pollMs = Math.min(60_000, Math.max(10, options.pollMs ?? 250));
  const saveEveryMs = Math.max(1000, options.saveEveryMs ?? 30_000);
  const log = options.log ?? (() => {});
  const engine = new Engine(options.engine);
  let seq = 0;
  // The engine state last saved (SegmentSet.version), and the seq it reflected.
  let savedVersion = -1;
  let savedSeq = -1;
  const dirty = () => engine.segments.version !== savedVersion || seq !== savedSeq;
  let lastSave = Date.now();
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  // Sync, save, rebuild and close run one at a time, in call order.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => {});
    return next;
  };

  async function catchUp() {
    for (;;) {
      const changes = await store.changesSince(seq, CHANGE_BATCH);
      if (changes.length === 0) return;
      const last = new Map<string, "upsert" | "delete">();
      for (const c of changes) last.set(c.id, c.kind);
      const upserted = [...last].filter(([, kind]) => kind === "upsert").map(([id]) => id);
      const papers = upserted.length > 0 ? await store.getPapers(upserted) : [];
      const found = new Set(papers.map((p) => p.id));
      for (const paper of papers) engine.add(paper);
      for (const [id, kind] of last) if (kind === "delete" || !found.has(id)) engine.remove(id);
      seq = changes.at(-1)!.seq;
    }
  }

  function saveNow() {
    if (options.readOnly) return;
    saveEngine(engine, dir, seq);
    savedVersion = engine.segments.version;
    savedSeq = seq;
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
    await catchUp();
    saveNow();
    log(`search: indexed ${engine.size} papers in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }

  /** Loads the saved index when it matches the store; returns why not otherwise. */
  async function tryLoad(): Promise<string | null> {
    const loaded = loadIndex(dir, engine.params, { checksums: false });
    if (!loaded.ok) return loaded.reason;
    manifest = loaded.manifest;
    loadedBytes = loaded.files;
    const saved = loaded.manifest.seq;
    if (saved > 0) {
      const [change] = await store.changesSince(saved - 1, 1);
      if (change?.seq !== saved) return `saved index reflects change ${saved}, which the store does not have`;
    }
    engine.segments.reset(loaded.segments);
    seq = savedSeq = saved;
    savedVersion = engine.segments.version;
    await catchUp();
    const stored = await store.countPapers();
    if (engine.size !== stored) return `saved index holds ${engine.size} papers after catching up, the store ${stored}`;
    return null;
  }

  let manifest: Manifest | null = null;
  /** The loaded segment files' bytes: checked in place, which also pages mapped files in. */
  let loadedBytes = new Map<string, Uint8Array>();
  const reason = await tryLoad();
  const openedFrom = reason === null ? "disk" : "rebuild";
  if (reason !== null) {
    log(`search: rebuilding the index (${reason})`);
    await rebuild();
  } else log(`search: loaded ${engine.size} papers from ${dir}`);
  const loadedManifest = reason === null ? manifest : null;
  const verified = loadedManifest
    ? verifyChecksums(dir, loadedManifest, loadedBytes).then(async (problem) => {
        if (problem === null || closed) return;
        log(`search: rebuilding the index (${problem})`);
        await serially(rebuild);
      })
    : Promise.resolve();
  verified.catch((e) => log(`search: verifying the saved index failed: ${messageOf(e)}`));

  const poll = () => {
    timer = setTimeout(() => {
      void serially(async () => {
        if (closed) return;
        await catchUp();
        if (dirty() && Date.now() - lastSave >= saveEveryMs) saveNow();
      })
        .catch((e) => log(`search: keeping the index up to date failed: ${messageOf(e)}`))
        .finally(() => {
          if (!closed) poll();
        });
    }, pollMs);
    timer.unref();
  };
  poll();

  return {
    engine,
    get seq() {
      return seq;
    },
    openedFrom,
    verified: verified.catch(() => {}),
    sync: () => serially(catchUp),
    save: () => serially(async () => saveNow()),
    rebuild: () => serially(rebuild),
    close: () =>
      serially(async () => {
        if (closed) return;
        closed = true;
        if (timer) clearTimeout(timer);
        await catchUp();
        if (dirty()) saveNow();
      }),
  };
}

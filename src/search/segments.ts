/**
 * The engine's set of segments: an ordered list of immutable segments with deletion maps, plus
 * papers added since the last flush. Flushing turns pending papers into a segment. Segments are
 * tiered by size (tier = floor(log_8(live docs))); when the newest MERGE_WIDTH segments share a
 * tier they merge into one of the next tier, so a paper is rewritten about log_8(n) times and
 * there are few segments per tier. A segment whose docs are mostly deleted is rewritten without
 * them.
 */
import type { Paper } from "../core/paper.js";
import { FIELD_COUNT, type Bm25fParams } from "./fields.js";
import { Analyzer, BUILD_CACHE_ENTRIES, STREAM_CACHE_ENTRIES } from "./analyze/analyzer.js";
import { SegmentBuilder } from "./index/segment-builder.js";
import { mergeSegments, mergeSteps } from "./index/segment-merge.js";
import { withSignatures, type OtherPapers } from "./index/signatures.js";
import { countMarked } from "./index/bytes.js";
import type { Segment } from "./index/segment.js";

export interface SegmentEntry {
  seg: Segment;
  /** 1 per deleted doc. */
  deleted: Uint8Array;
  deletedCount: number;
}

/** Pending papers that force a flush even without a query. */
const FLUSH_AT = 50_000;
/** Segments of one tier merged at once; also the size ratio between tiers. */
const MERGE_WIDTH = 8;
/** Token memo entries when flushing a few papers. */
const SMALL_CACHE_ENTRIES = 1 << 12;
/** Rewrite a segment when more than this share of its docs is deleted. */
const COMPACT_SHARE = 0.3;

/** A merge running in the background, a step at a time between other work. */
interface BackgroundMerge {
  inputs: SegmentEntry[];
  steps: Generator<void, Segment>;
  /** Ids deleted from the inputs while merging: deleted again in the result. */
  deletedIds: string[];
}

/**
 * How long one background merge turn may run, in ms (it ends after the step that passes it): a
 * request that arrives meanwhile waits for the turn, and for the catch-up's slice after it.
 */
const STEP_MS = 5;

export class SegmentSet {
  entries: SegmentEntry[] = [];
  private background: BackgroundMerge | null = null;
  readonly pending = new Map<string, Paper>();
  /** Bumped whenever the searchable state changes (cached statistics depend on it). */
  version = 0;

  /** Kept while papers stream in (a warm vocabulary makes analysis fast); dropped when a query flushes. */
  private analyzer: Analyzer | null = null;

  /**
   * @param backgroundMergeDocs merges of more docs than this run in the background (the old
   *   segments stay searchable meanwhile); default 100,000, 0 for always
   */
  constructor(
    private readonly params: Bm25fParams,
    private readonly backgroundMergeDocs = 100_000,
  ) {}

  get size(): number {
    let n = this.pending.size;
    for (const e of this.entries) n += e.seg.docCount - e.deletedCount;
    return n;
  }

  add(paper: Paper) {
    this.deleteStored(paper.id);
    this.pending.delete(paper.id);
    this.pending.set(paper.id, paper);
    this.version++;
    if (this.pending.size >= FLUSH_AT) this.flush(true);
  }

  remove(id: string) {
    const wasPending = this.pending.delete(id);
    if (this.deleteStored(id) || wasPending) this.version++;
  }

  has(id: string): boolean {
    return this.pending.has(id) || this.entries.some((e) => {
      const doc = e.seg.findDoc(id);
      return doc >= 0 && e.deleted[doc] === 0;
    });
  }

  private deleteStored(id: string): boolean {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i]!;
      const doc = e.seg.findDoc(id);
      if (doc >= 0 && e.deleted[doc] === 0) {
        e.deleted[doc] = 1;
        e.deletedCount++;
        if (this.background?.inputs.includes(e)) this.background.deletedIds.push(id);
        return true;
      }
    }
    return false;
  }

  /** Makes pending papers searchable; `more` when more papers are expected soon. */
  flush(more = false) {
    if (this.pending.size > 0) {
      // A large memo pays off for big batches only; a few live papers get a small one, and a
      // stream of small flushes (a catch-up, `more`) a middling one kept between them.
      this.analyzer ??= new Analyzer(this.pending.size >= 1000 ? BUILD_CACHE_ENTRIES : more ? STREAM_CACHE_ENTRIES : SMALL_CACHE_ENTRIES);
      const builder = new SegmentBuilder(this.analyzer);
      for (const paper of this.pending.values()) builder.add(paper);
      this.pending.clear();
      this.append(builder.finish(this.params, true, { others: this.others([]) }));
    }
    if (!more) this.analyzer = null;
  }

  /**
   * Makes the pending papers searchable with a segment that `build` inverts elsewhere (a worker
   * thread), so this thread stays free for requests meanwhile; they stay pending (found by
   * searches, which flush them here if they come first) until it is back. A paper updated,
   * removed or flushed here while the segment was built is marked deleted in it: its newer state
   * is pending or in a segment already. Not to be called again before the last call settled.
   */
  async flushAside(build: (papers: readonly Paper[]) => Promise<Segment>): Promise<void> {
    const sent = [...this.pending.values()];
    if (sent.length === 0) return;
    // Signatures picked here, with the idf of the whole collection (the worker saw these papers only).
    const seg = withSignatures(await build(sent), this.others([]));
    const deleted = new Uint8Array(seg.docCount);
    let deletedCount = 0;
    for (const paper of sent) {
      if (this.pending.get(paper.id) === paper) {
        this.pending.delete(paper.id);
        continue;
      }
      const doc = seg.findDoc(paper.id);
      if (doc >= 0 && deleted[doc] === 0) {
        deleted[doc] = 1;
        deletedCount++;
      }
    }
    if (deletedCount < seg.docCount) this.append(seg, deleted, deletedCount);
  }

  /** Merges everything into one segment (after a bulk load, for the fastest queries). */
  optimize() {
    this.flush();
    this.finishBackground();
    if (this.entries.length > 1 || this.entries.some((e) => e.deletedCount > 0)) this.replace(0, this.entries.length);
  }

  /** A merge is running in the background. */
  get merging(): boolean {
    return this.background !== null;
  }

  /** Completes a background merge now. */
  finishBackground() {
    while (this.background) this.mergeStep(Infinity);
  }

  private startBackground(from: number, count: number) {
    const inputs = this.entries.slice(from, from + count);
    this.background = { inputs, steps: mergeSteps(inputs, this.params, this.others(inputs)), deletedIds: [] };
    const tick = () => {
      if (!this.background) return;
      this.mergeStep(STEP_MS);
      if (this.background) setTimeout(tick, 0).unref();
    };
    setTimeout(tick, 0).unref();
  }

  /** Advances the background merge by at least one step, for about `budgetMs`; swaps the result in when done. */
  mergeStep(budgetMs: number) {
    const job = this.background;
    if (!job) return;
    const until = performance.now() + budgetMs;
    let step = job.steps.next();
    while (!step.done && performance.now() < until) step = job.steps.next();
    if (!step.done) return;
    this.background = null;
    const merged = step.value;
    const deleted = new Uint8Array(merged.docCount);
    let deletedCount = 0;
    for (const id of job.deletedIds) {
      const doc = merged.findDoc(id);
      if (doc >= 0 && deleted[doc] === 0) {
        deleted[doc] = 1;
        deletedCount++;
      }
    }
    const from = this.entries.indexOf(job.inputs[0]!);
    const replacement = merged.docCount > 0 ? [{ seg: merged, deleted, deletedCount }] : [];
    this.entries.splice(from, job.inputs.length, ...replacement);
    this.version++;
    this.maintain();
  }

  private append(seg: Segment, deleted = new Uint8Array(seg.docCount), deletedCount = 0) {
    this.entries.push({ seg, deleted, deletedCount });
    this.version++;
    this.maintain();
  }

  /** Replaces everything (a rebuild or a load). */
  reset(segments: ReadonlyArray<{ seg: Segment; deleted?: Uint8Array; deletedCount?: number }>) {
    this.pending.clear();
    this.background = null;
    this.entries = segments.map(({ seg, deleted, deletedCount }) =>
      deleted ? { seg, deleted, deletedCount: deletedCount ?? countMarked(deleted) } : { seg, deleted: new Uint8Array(seg.docCount), deletedCount: 0 },
    );
    this.version++;
  }

  private maintain() {
    const tier = (e: SegmentEntry) => Math.floor(Math.log(Math.max(1, e.seg.docCount - e.deletedCount)) / Math.log(MERGE_WIDTH));
    for (;;) {
      const n = this.entries.length;
      if (n >= MERGE_WIDTH) {
        const tiers = this.entries.slice(n - MERGE_WIDTH).map(tier);
        if (tiers.every((t) => t === tiers[0]) && this.merge(n - MERGE_WIDTH, MERGE_WIDTH)) continue;
      }
      const sparse = this.entries.findIndex((e) => e.deletedCount > 0 && e.deletedCount >= COMPACT_SHARE * e.seg.docCount);
      if (sparse >= 0 && this.merge(sparse, 1)) continue;
      break;
    }
  }

  /** Merges entries [from, from + count): now, or in the background when large. */
  private merge(from: number, count: number): boolean {
    const range = this.entries.slice(from, from + count);
    if (this.background && range.some((e) => this.background!.inputs.includes(e))) return false;
    const docs = range.reduce((n, e) => n + e.seg.docCount - e.deletedCount, 0);
    if (docs <= this.backgroundMergeDocs) {
      this.replace(from, count);
      return true;
    }
    if (this.background) return false;
    this.startBackground(from, count);
    return false;
  }

  private replace(from: number, count: number) {
    const inputs = this.entries.slice(from, from + count);
    const merged = mergeSegments(inputs, this.params, this.others(inputs));
    const replacement = merged.docCount > 0 ? [{ seg: merged, deleted: new Uint8Array(merged.docCount), deletedCount: 0 }] : [];
    this.entries.splice(from, count, ...replacement);
    this.version++;
  }

  /** The segments other than `excluded` (as they are now), for the idf of a new segment's signatures (index/signatures.ts). */
  private others(excluded: readonly SegmentEntry[]): OtherPapers {
    const segs = this.entries.filter((e) => !excluded.includes(e)).map((e) => e.seg);
    return {
      docCount: segs.reduce((n, seg) => n + seg.docCount, 0),
      df: (term) =>
        segs.reduce((n, seg) => {
          const t = seg.findTerm(term);
          return t >= 0 ? n + seg.df(t) : n;
        }, 0),
    };
  }

  /** Collection statistics over all segments (deleted docs included until merged away, as in Lucene). */
  stats(): { docCount: number; avg: Float64Array } {
    let docCount = 0;
    const totals = new Float64Array(FIELD_COUNT);
    for (const { seg } of this.entries) {
      docCount += seg.docCount;
      for (let f = 0; f < FIELD_COUNT; f++) totals[f]! += seg.a.lengthTotals[f]!;
    }
    return { docCount, avg: totals.map((t) => (docCount > 0 ? t / docCount : 0)) };
  }
}

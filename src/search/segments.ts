/**
 * The engine's set of segments: an ordered list of immutable segments with deletion maps, plus
 * papers added since the last flush. Flushing turns pending papers into a small segment; small
 * segments merge into larger ones (each merge at least doubles a segment, so a paper is rewritten
 * O(log n) times), and a segment whose docs are mostly deleted is rewritten without them.
 */
import type { Paper } from "../core/paper.js";
import { FIELD_COUNT, type Bm25fParams } from "./fields.js";
import { SegmentBuilder } from "./index/segment-builder.js";
import { mergeSegments } from "./index/segment-merge.js";
import type { Segment } from "./index/segment.js";

export interface SegmentEntry {
  seg: Segment;
  /** 1 per deleted doc. */
  deleted: Uint8Array;
  deletedCount: number;
}

/** Pending papers that force a flush even without a query. */
const FLUSH_AT = 20_000;
/** Merge the last segment into the one before when that one is at most this many times larger. */
const MERGE_RATIO = 2;
/** Rewrite a segment when more than this share of its docs is deleted. */
const COMPACT_SHARE = 0.3;

export class SegmentSet {
  entries: SegmentEntry[] = [];
  readonly pending = new Map<string, Paper>();
  /** Bumped whenever the searchable state changes (cached statistics depend on it). */
  version = 0;

  constructor(private readonly params: Bm25fParams) {}

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
    if (this.pending.size >= FLUSH_AT) this.flush();
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
        return true;
      }
    }
    return false;
  }

  /** Makes pending papers searchable. */
  flush() {
    if (this.pending.size === 0) return;
    const builder = new SegmentBuilder();
    for (const paper of this.pending.values()) builder.add(paper);
    this.pending.clear();
    this.append(builder.finish(this.params));
  }

  private append(seg: Segment) {
    this.entries.push({ seg, deleted: new Uint8Array(seg.docCount), deletedCount: 0 });
    this.version++;
    this.maintain();
  }

  /** Replaces everything (a rebuild or a load). */
  reset(segments: ReadonlyArray<{ seg: Segment; deleted?: Uint8Array }>) {
    this.pending.clear();
    this.entries = segments.map(({ seg, deleted }) => {
      const d = deleted ?? new Uint8Array(seg.docCount);
      return { seg, deleted: d, deletedCount: d.reduce((n, x) => n + x, 0) };
    });
    this.version++;
  }

  private maintain() {
    const live = (e: SegmentEntry) => e.seg.docCount - e.deletedCount;
    for (;;) {
      const n = this.entries.length;
      if (n >= 2 && live(this.entries[n - 2]!) <= MERGE_RATIO * live(this.entries[n - 1]!)) {
        this.replace(n - 2, 2);
        continue;
      }
      const sparse = this.entries.findIndex((e) => e.deletedCount > 0 && e.deletedCount >= COMPACT_SHARE * e.seg.docCount);
      if (sparse >= 0) {
        this.replace(sparse, 1);
        continue;
      }
      break;
    }
  }

  private replace(from: number, count: number) {
    const inputs = this.entries.slice(from, from + count);
    const merged = mergeSegments(inputs, this.params);
    const replacement = merged.docCount > 0 ? [{ seg: merged, deleted: new Uint8Array(merged.docCount), deletedCount: 0 }] : [];
    this.entries.splice(from, count, ...replacement);
    this.version++;
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

/**
 * The search engine: BM25F over segments of typed arrays, the query language, filters, date
 * sorting and dynamic pruning. See README.md for the design.
 */
import type { Paper } from "../core/paper.js";
import { dayRange } from "./days.js";
import { PaperfeedError } from "../core/errors.js";
import { resolveBm25f, type Bm25fParams, type FieldName, type FieldParams } from "./fields.js";
import { browseSegment, compareDated, excludedDocs, type DatedHit } from "./exec/browse.js";
import { SegmentFilter, type FilterSpec } from "./exec/filter.js";
import { SegmentQuery } from "./exec/segment-query.js";
import { allMatches, topKConjunctive, topKMaxScore } from "./exec/strategies.js";
import { TopK } from "./exec/top-k.js";
import { parseQuery } from "./query/parse.js";
import { planQuery, type QueryPlan } from "./query/plan.js";
import { idf, makeContext } from "./score/bm25f.js";
import { SegmentSet } from "./segments.js";
import type { SearchEngine, SearchHit, SearchRequest, SearchResult, SortOrder } from "./types.js";

export interface SearchEngineOptions {
  /** BM25F parameters; each given value overrides the default in fields.ts. */
  bm25f?: { k1?: number; fields?: Partial<Record<FieldName, Partial<FieldParams>>> };
  /**
   * Dynamic pruning (MaxScore). Default true. false scores every matching doc; results are the
   * same, only slower (the tests compare the two).
   */
  pruning?: boolean;
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 200;
const MAX_OFFSET = 10_000;

const clamp = (value: number | undefined, fallback: number, min: number, max: number) =>
  Number.isFinite(value) ? Math.min(max, Math.max(min, Math.floor(value!))) : fallback;

export class Engine implements SearchEngine {
  readonly params: Bm25fParams;
  readonly segments: SegmentSet;
  private readonly pruning: boolean;

  constructor(options: SearchEngineOptions = {}) {
    this.params = resolveBm25f(options.bm25f);
    this.pruning = options.pruning ?? true;
    this.segments = new SegmentSet(this.params);
  }

  get size(): number {
    return this.segments.size;
  }

  add(paper: Paper): void {
    this.segments.add(paper);
  }

  remove(id: string): void {
    this.segments.remove(id);
  }

  search(request: SearchRequest): SearchResult {
    const started = performance.now();
    if (request === null || typeof request !== "object") throw new PaperfeedError("search", "bad_request", "search request must be an object");
    this.segments.flush();
    const plan = planQuery(parseQuery(typeof request.q === "string" ? request.q : ""));
    const limit = clamp(request.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
    const offset = clamp(request.offset, 0, 0, MAX_OFFSET);
    const spec = this.filterSpec(plan, request);
    const hasText = plan.scorers.length > 0;
    let sort: SortOrder = plan.sort ?? request.sort ?? (hasText ? "relevance" : "newest");
    if (!hasText && sort === "relevance") sort = "newest";
    const page =
      !hasText ? this.browse(plan, spec, offset + limit, sort === "newest")
      : sort === "relevance" ? this.rank(plan, spec, offset + limit)
      : this.textByDate(plan, spec, offset + limit, sort === "newest");
    const result: SearchResult = {
      total: page.total,
      hits: page.hits.slice(offset, offset + limit),
      highlightTerms: plan.highlightTerms,
      tookMs: 0,
    };
    if (page.estimated) result.totalIsEstimate = true;
    result.tookMs = performance.now() - started;
    return result;
  }

  private filterSpec(plan: QueryPlan, request: SearchRequest): FilterSpec {
    const f = request.filters ?? {};
    const from = typeof f.from === "string" ? dayRange(f.from)?.first ?? null : null;
    const to = typeof f.to === "string" ? dayRange(f.to)?.last ?? null : null;
    const groups: string[][] = [];
    if (plan.categories.length > 0) groups.push(plan.categories);
    const requested = Array.isArray(f.categories) ? f.categories.filter((c) => typeof c === "string" && c.trim()).map((c) => c.trim().toLowerCase()) : [];
    if (requested.length > 0) groups.push(requested);
    const maxOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
    const minOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
    return {
      fromDay: maxOf(plan.fromDay, from),
      toDay: minOf(plan.toDay, to),
      categoryGroups: groups,
      excludedCategories: plan.excludedCategories,
      hasCode: f.hasCode === true,
      ids: plan.ids.length > 0 ? plan.ids : null,
      excludedIds: plan.excludedIds,
    };
  }

  /** Per-segment queries with collection-wide statistics; `base` numbers docs across segments. */
  private segmentQueries(plan: QueryPlan, spec: FilterSpec) {
    const { docCount, avg } = this.segments.stats();
    const ctx = makeContext(this.params, avg);
    const entries = this.segments.entries;
    const dfs = new Float64Array(plan.scorers.length);
    const terms = entries.map((e) => plan.scorers.map((s) => e.seg.findTerm(s.bytes)));
    entries.forEach((e, k) => terms[k]!.forEach((t, i) => t >= 0 && (dfs[i]! += e.seg.a.df[t]!)));
    const idfs = dfs.map((df) => idf(docCount, df));
    let base = 0;
    return entries.map((e) => {
      const q = new SegmentQuery(e.seg, plan, ctx, idfs, new SegmentFilter(e.seg, e.deleted, spec));
      const item = { q, base, entry: e };
      base += e.seg.docCount;
      return item;
    });
  }

  private hitAt(order: number, score: number): SearchHit {
    let base = 0;
    for (const { seg } of this.segments.entries) {
      if (order < base + seg.docCount) return { id: seg.id(order - base), score };
      base += seg.docCount;
    }
    throw new PaperfeedError("search", "internal", `doc ${order} is outside the index`, 500);
  }

  private rank(plan: QueryPlan, spec: FilterSpec, k: number) {
    let total = 0;
    let estimated = false;
    if (!this.pruning) {
      const all: Array<{ score: number; order: number }> = [];
      for (const { q, base } of this.segmentQueries(plan, spec)) {
        if (q.viable) total += allMatches(q, (doc, score) => all.push({ score, order: base + doc }));
      }
      all.sort((a, b) => b.score - a.score || a.order - b.order);
      return { total, estimated, hits: all.slice(0, k).map((h) => this.hitAt(h.order, h.score)) };
    }
    const heap = new TopK(k);
    for (const { q, base, entry } of this.segmentQueries(plan, spec)) {
      if (!q.viable) continue;
      const run = q.required.length > 0 ? topKConjunctive(q, heap, base) : topKMaxScore(q, heap, base);
      if (!run.incomplete) total += run.matched;
      else {
        estimated = true;
        const guess = run.unchecked !== undefined ? run.matched + run.unchecked * run.passRate! : estimateUnion(q, entry.seg.docCount - entry.deletedCount);
        total += Math.max(run.matched, Math.round(guess));
      }
    }
    return { total, estimated, hits: heap.sorted().map((h) => this.hitAt(h.order, h.score)) };
  }

  private textByDate(plan: QueryPlan, spec: FilterSpec, k: number, newest: boolean) {
    const all: Array<{ day: number; order: number; score: number }> = [];
    for (const { q, base } of this.segmentQueries(plan, spec)) {
      if (q.viable) allMatches(q, (doc, score) => all.push({ day: q.seg.a.days[doc]!, order: base + doc, score }));
    }
    all.sort(compareDated(newest));
    return { total: all.length, estimated: false, hits: all.slice(0, k).map((h) => this.hitAt(h.order, h.score)) };
  }

  private browse(plan: QueryPlan, spec: FilterSpec, k: number, newest: boolean) {
    const candidates: DatedHit[] = [];
    let total = 0;
    let base = 0;
    this.segments.entries.forEach((e, segment) => {
      const filter = new SegmentFilter(e.seg, e.deleted, spec);
      const segBase = base;
      base += e.seg.docCount;
      if (filter.empty) return;
      const excluded = excludedDocs(e.seg, plan.exclusions);
      const accepts = excluded.size > 0 ? (doc: number) => !excluded.has(doc) && filter.accepts(doc) : (doc: number) => filter.accepts(doc);
      const countAll = filter.restrictive || excluded.size > 0;
      const { hits, count } = browseSegment(e.seg, segment, segBase, k, newest, accepts, countAll);
      candidates.push(...hits);
      total += countAll ? count : e.seg.docCount - e.deletedCount;
    });
    candidates.sort(compareDated(newest));
    return { total, estimated: false, hits: candidates.slice(0, k).map((h) => ({ id: this.segments.entries[h.segment]!.seg.id(h.doc), score: 0 })) };
  }
}

/** Docs containing any optional term, assuming terms occur independently (for large OR queries). */
function estimateUnion(q: SegmentQuery, liveDocs: number): number {
  let none = 1;
  for (const i of q.optional) none *= 1 - Math.min(1, q.cursors[i]!.df / Math.max(1, q.seg.docCount));
  return Math.round(liveDocs * (1 - none));
}

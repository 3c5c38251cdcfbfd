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
import { topKConjunctive } from "./exec/conjunctive.js";
import { allMatches } from "./exec/exhaustive.js";
import { topKMaxScore } from "./exec/maxscore.js";
import { candidateDocs, topKFilterDriven } from "./exec/filter-driven.js";
import { signatureShortlist } from "./exec/signature-shortlist.js";
import { TopK } from "./exec/top-k.js";
import { Deadline } from "./exec/deadline.js";
import { parseQuery } from "./query/parse.js";
import { planQuery, type QueryPlan } from "./query/plan.js";
import { relaxQuery } from "./query/relax.js";
import { keepBestTerms } from "./query/select.js";
import { planSimilar, SHORTLIST, shortlistPlan, type SimilarRequest } from "./similar.js";
import { suggestSpelling } from "./suggest.js";
import { idf, makeContext, type Bm25fContext } from "./score/bm25f.js";
import { proximityBonus, RERANK_DEPTH } from "./exec/proximity.js";
import { SegmentSet } from "./segments.js";
import { type CategoryCount, MAX_SEARCH_OFFSET, type SearchEngine, type SearchHit, type SearchRequest, type SearchResult, type SortOrder } from "./types.js";

export interface SearchEngineOptions {
  /** BM25F parameters; each given value overrides the default in fields.ts. */
  bm25f?: { k1?: number; fields?: Partial<Record<FieldName, Partial<FieldParams>>> };
  /**
   * Weight of the term-proximity bonus that re-ranks the best 30 docs of 2–4-term queries
   * (exec/proximity.ts); range 0–10, default 0 (off): it left SciFact's nDCG@10 unchanged and
   * costs about a third more query time, since pruning must then keep 30 docs instead of 10.
   */
  proximity?: number;
  /**
   * Merges of more papers than this run in the background, a few ms at a time, while the old
   * segments keep answering; default 100,000, at least 0.
   */
  backgroundMergeDocs?: number;
  /**
   * Dynamic pruning (MaxScore). Default true. false scores every matching doc; results are the
   * same, only slower (the tests compare the two).
   */
  pruning?: boolean;
  /**
   * Time a query may take, in ms of its own work; default 250, 0 for no limit. Past it the engine
   * answers with the best hits found so far and sets `timedOut` (exec/deadline.ts). Time spent
   * waiting for a core on a loaded host does not count (budgets of 50 ms or more are confirmed on
   * the thread's CPU time). Only hostile or pasted queries come near it: typical queries take well
   * under 10 ms on millions of papers.
   */
  timeBudgetMs?: number;
  /**
   * k3 of BM25: how a term given n times in the query weighs, (k3 + 1)·n / (k3 + n) times a term
   * given once; 0 ignores repeats, large values count them fully. Default 1 (range 0–1e6): on
   * scifact-train nDCG@10 was 0.7053 with 0, 0.7064 with 1, 0.7056 with 2 and 0.7016 with 1000.
   */
  queryTermSaturation?: number;
}

/**
 * Proximity re-ranking applies to keyword queries of a few terms, where adjacent words usually
 * name one concept ("graph neural network"); long natural-language queries rank by BM25F alone.
 */
const MAX_PROXIMITY_TERMS = 4;
/** How many postings scanned in order cost as much as scoring one listed doc (filter-driven). */
const FILTER_DRIVEN_COST = 8;
/**
 * Optional terms a query ranks with at most: a longer one (a pasted abstract) keeps its best by
 * idf × query frequency (query/select.ts), which keeps it within the time budget.
 */
const MAX_RANKED_TERMS = 64;
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 200;
const MAX_OFFSET = MAX_SEARCH_OFFSET;

const clamp = (value: number | undefined, fallback: number, min: number, max: number) =>
  Number.isFinite(value) ? Math.min(max, Math.max(min, Math.floor(value!))) : fallback;

export class Engine implements SearchEngine {
  readonly params: Bm25fParams;
  readonly segments: SegmentSet;
  private readonly pruning: boolean;
  private readonly proximity: number;
  private readonly timeBudgetMs: number;
  queryTermSaturation: number;

  constructor(options: SearchEngineOptions = {}) {
    this.params = resolveBm25f(options.bm25f);
    this.pruning = options.pruning ?? true;
    this.proximity = options.proximity ?? 0;
    this.timeBudgetMs = options.timeBudgetMs ?? 250;
    this.queryTermSaturation = options.queryTermSaturation ?? 1;
    if (!(this.timeBudgetMs >= 0)) throw new PaperfeedError("search", "bad_option", `time budget ${options.timeBudgetMs} ms is not a number ≥ 0`);
    if (!(this.proximity >= 0 && this.proximity <= 10)) throw new PaperfeedError("search", "bad_option", `proximity weight ${options.proximity} is outside 0–10`);
    this.segments = new SegmentSet(this.params, Math.max(0, options.backgroundMergeDocs ?? 100_000));
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

  /** Merges all segments into one: the fastest queries, e.g. after adding many papers. */
  optimize(): void {
    this.segments.optimize();
  }

  search(request: SearchRequest): SearchResult {
    const started = performance.now();
    if (request === null || typeof request !== "object") throw new PaperfeedError("search", "bad_request", "search request must be an object");
    this.segments.flush();
    // The budget is for the query itself, not for indexing papers added since the last one.
    const deadline = Deadline.after(this.timeBudgetMs);
    const parsed = parseQuery(typeof request.q === "string" ? request.q : "");
    let result = this.runPlan(planQuery(parsed), request, deadline);
    // A strict query that found nothing is asked again with its phrases and + words as plain words.
    const relaxed = request.relaxIfEmpty === true && result.total === 0 && !deadline.expired ? relaxQuery(parsed) : null;
    if (relaxed) {
      const second = this.runPlan(planQuery(relaxed.query), request, deadline);
      if (second.total > 0) result = { ...second, relaxed: { phrases: relaxed.phrases, words: relaxed.words } };
    }
    result.tookMs = performance.now() - started;
    return result;
  }

  /** Papers like the given text (a paper's title and abstract), by its best terms (similar.ts). */
  similar(request: SimilarRequest): SearchResult {
    const started = performance.now();
    this.segments.flush();
    const deadline = Deadline.after(this.timeBudgetMs);
    if (request === null || typeof request !== "object") throw new PaperfeedError("search", "bad_request", "similar request must be an object");
    const plan = planSimilar(request, (terms) => this.documentFrequencies(terms), this.segments.stats().docCount);
    const asked = { q: "", limit: request.limit, filters: request.filters };
    const first = request.shortlist === false ? null : shortlistPlan(plan);
    let result: SearchResult;
    if (first === null) result = this.runPlan(plan, asked, deadline);
    else {
      // The shortlist, then every term on it alone (an id list: filter-driven, exact).
      const limit = clamp(request.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
      const depth = Math.max(SHORTLIST.depth, 2 * limit);
      const signed = this.signatureShortlist({ ...plan, scorers: plan.scorers.slice(0, SHORTLIST.signatureTerms) }, asked, depth);
      // Too few papers share a best term with the text: the shortlist's query over whole lists.
      const shortlist = signed.candidates >= limit ? null : this.runPlan(first, { ...asked, limit: depth }, deadline);
      const ids = shortlist ? shortlist.hits.map((h) => h.id) : signed.ids;
      result = ids.length === 0 ? shortlist! : this.runPlan({ ...plan, ids }, asked, deadline);
      // What matched: the shortlist's candidates (an estimate), or what its query matched.
      result.total = shortlist ? shortlist.total : signed.candidates;
      if (!shortlist || shortlist.totalIsEstimate) result.totalIsEstimate = true;
      if (shortlist?.timedOut) result.timedOut = true;
      result.highlightTerms = plan.highlightTerms;
    }
    result.tookMs = performance.now() - started;
    return result;
  }

  /** The shortlist from signature lists (exec/signature-shortlist.ts), terms weighed as a query weighs them. */
  private signatureShortlist(plan: QueryPlan, request: SearchRequest, depth: number) {
    const { docCount } = this.segments.stats();
    const weights = this.documentFrequencies(plan.scorers.map((s) => s.bytes)).map((df, i) => idf(docCount, df) * this.queryTermFrequency(plan.scorers[i]!.weight));
    return signatureShortlist(this.segments.entries, plan.scorers.map((s) => s.bytes), weights, this.filterSpec(plan, request), depth);
  }

  /** How a term given n times in the query weighs against one given once (BM25's k3). */
  private queryTermFrequency(n: number): number {
    const k3 = this.queryTermSaturation;
    return n === 1 ? 1 : ((k3 + 1) * n) / (k3 + n);
  }

  /** A respelling of `q` whose unknown words are replaced by common index words one edit away, or null. */
  suggest(q: string): string | null {
    this.segments.flush();
    return suggestSpelling(typeof q === "string" ? q : "", (terms) => this.documentFrequencies(terms));
  }

  /**
   * Read from the segments' category arrays (a paper's first category is its primary one): a
   * few milliseconds at millions of papers, where the store's GROUP BY over every paper held the
   * thread for some 70 ms at 1M.
   */
  categoryCounts(limit: number): CategoryCount[] {
    this.segments.flush();
    const counts = new Map<string, number>();
    for (const e of this.segments.entries) {
      const { catOffsets, catIds } = e.seg.a;
      const names = e.seg.categoryNames;
      const perName = new Float64Array(names.length);
      for (let doc = 0; doc < e.seg.docCount; doc++) {
        if (e.deletedCount > 0 && e.deleted[doc] === 1) continue;
        const at = catOffsets[doc]!;
        if (at < catOffsets[doc + 1]!) perName[catIds[at]!]!++;
      }
      perName.forEach((n, i) => {
        if (n > 0) counts.set(names[i]!, (counts.get(names[i]!) ?? 0) + n);
      });
    }
    return [...counts]
      .map(([category, count]) => ({ category, count }))
      .sort((a, b) => b.count - a.count || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0))
      .slice(0, Math.max(0, limit));
  }

  /** Papers holding each term, over all segments (deleted papers included, as for idf). */
  private documentFrequencies(terms: readonly Uint8Array[]): Float64Array {
    const dfs = new Float64Array(terms.length);
    for (const e of this.segments.entries) {
      terms.forEach((bytes, i) => {
        const t = e.seg.findTerm(bytes);
        if (t >= 0) dfs[i]! += e.seg.df(t);
      });
    }
    return dfs;
  }

  private runPlan(fullPlan: QueryPlan, request: SearchRequest, deadline: Deadline, maxTerms = MAX_RANKED_TERMS): SearchResult {
    const plan = this.trimmed(fullPlan, maxTerms);
    const limit = clamp(request.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
    const offset = clamp(request.offset, 0, 0, MAX_OFFSET);
    const spec = this.filterSpec(plan, request);
    const hasText = plan.scorers.length > 0;
    const requested = request.sort === "relevance" || request.sort === "newest" || request.sort === "oldest" ? request.sort : undefined;
    let sort: SortOrder = plan.sort ?? requested ?? (hasText ? "relevance" : "newest");
    if (!hasText && sort === "relevance") sort = "newest";
    const page =
      !hasText ? this.browse(plan, spec, offset + limit, sort === "newest", deadline)
      : sort === "relevance" ? this.rank(plan, spec, offset + limit, deadline)
      : this.textByDate(plan, spec, offset + limit, sort === "newest", deadline);
    const result: SearchResult = {
      total: page.total,
      hits: page.hits.slice(offset, offset + limit),
      highlightTerms: fullPlan.highlightTerms,
      tookMs: 0,
    };
    if (fullPlan.highlightPhrases.length > 0) result.highlightPhrases = fullPlan.highlightPhrases;
    if (page.estimated || deadline.expired) result.totalIsEstimate = true;
    if (deadline.expired) result.timedOut = true;
    return result;
  }

  /** The plan with at most `maxTerms` optional terms, the best by idf × query frequency. */
  private trimmed(plan: QueryPlan, maxTerms: number): QueryPlan {
    const optional = plan.scorers.reduce((n, s) => n + (s.required ? 0 : 1), 0);
    if (optional <= maxTerms) return plan;
    const { docCount } = this.segments.stats();
    const idfs = this.documentFrequencies(plan.scorers.map((s) => s.bytes)).map((df) => idf(docCount, df));
    return keepBestTerms(plan, idfs, maxTerms).plan;
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
  private segmentQueries(plan: QueryPlan, spec: FilterSpec, deadline: Deadline) {
    const { docCount, avg } = this.segments.stats();
    const ctx = makeContext(this.params, avg);
    const entries = this.segments.entries;
    // A term given n times counts more (query-term frequency, saturating as BM25's k3 says).
    const idfs = this.documentFrequencies(plan.scorers.map((s) => s.bytes)).map((df, i) => idf(docCount, df) * this.queryTermFrequency(plan.scorers[i]!.weight));
    let base = 0;
    const queries = entries.map((e) => {
      const q = new SegmentQuery(e.seg, plan, ctx, idfs, new SegmentFilter(e.seg, e.deleted, e.deletedCount, spec), deadline);
      const item = { q, base, entry: e };
      base += e.seg.docCount;
      return item;
    });
    return { queries, idfs, ctx };
  }

  /** Segment index and doc of a global order number. */
  private locate(order: number): { segment: number; doc: number } {
    let base = 0;
    const entries = this.segments.entries;
    for (let segment = 0; segment < entries.length; segment++) {
      const count = entries[segment]!.seg.docCount;
      if (order < base + count) return { segment, doc: order - base };
      base += count;
    }
    throw new PaperfeedError("search", "internal", `doc ${order} is outside the index`, 500);
  }

  private hitAt(order: number, score: number): SearchHit {
    const { segment, doc } = this.locate(order);
    return { id: this.segments.entries[segment]!.seg.id(doc), score };
  }

  /** Adds the proximity bonus to the best RERANK_DEPTH of `ranked` (best first) and re-sorts them. */
  private rerank(plan: QueryPlan, ranked: Array<{ score: number; order: number }>, idfs: Float64Array, ctx: Bm25fContext) {
    const head = ranked.slice(0, RERANK_DEPTH).map((h) => ({ ...h, ...this.locate(h.order) }));
    const bySegment = new Map<number, typeof head>();
    for (const h of head) bySegment.set(h.segment, [...(bySegment.get(h.segment) ?? []), h]);
    for (const [segment, hits] of bySegment) {
      hits.sort((a, b) => a.doc - b.doc);
      const seg = this.segments.entries[segment]!.seg;
      const bonus = proximityBonus({ seg, docs: hits.map((h) => h.doc), scorers: plan.scorers, idf: idfs, ctx, weight: this.proximity });
      hits.forEach((h, i) => (h.score += bonus[i]!));
    }
    head.sort((a, b) => b.score - a.score || a.order - b.order);
    return [...head.map(({ score, order }) => ({ score, order })), ...ranked.slice(RERANK_DEPTH)];
  }

  private rank(plan: QueryPlan, spec: FilterSpec, k: number, deadline: Deadline) {
    let total = 0;
    let estimated = false;
    const { queries, idfs, ctx } = this.segmentQueries(plan, spec, deadline);
    const distinctTerms = new Set(plan.scorers.map((s) => s.term)).size;
    const reranking = this.proximity > 0 && distinctTerms >= 2 && distinctTerms <= MAX_PROXIMITY_TERMS;
    const depth = reranking ? Math.max(k, RERANK_DEPTH) : k;
    let ranked: Array<{ score: number; order: number }>;
    if (!this.pruning) {
      ranked = [];
      for (const { q, base } of queries) {
        if (q.viable) total += allMatches(q, (doc, score) => ranked.push({ score, order: base + doc }));
      }
      ranked.sort((a, b) => b.score - a.score || a.order - b.order);
      ranked.length = Math.min(ranked.length, depth);
    } else {
      const heap = new TopK(depth);
      for (const { q, base } of queries) {
        if (!q.viable) continue;
        const run = this.runTopK(q, spec, heap, base);
        if (!run.incomplete) total += run.matched;
        else {
          estimated = true;
          total += Math.max(run.matched, Math.round(run.estimate ?? run.matched));
        }
      }
      ranked = heap.sorted();
    }
    if (reranking) ranked = this.rerank(plan, ranked, idfs, ctx);
    return { total, estimated, hits: ranked.slice(0, k).map((h) => this.hitAt(h.order, h.score)) };
  }

  /** Picks the cheapest exact way to find one segment's top k. */
  private runTopK(q: SegmentQuery, spec: FilterSpec, heap: TopK, base: number) {
    const termWork = q.required.length > 0 ? Math.min(...q.required.map((i) => q.cursors[i]!.df)) : q.optional.reduce((n, i) => n + q.cursors[i]!.df, 0);
    // Scoring a listed doc costs a few cursor jumps, several times a posting scanned in order.
    const docs = candidateDocs(q.seg, spec, termWork / FILTER_DRIVEN_COST);
    if (docs !== null && docs.length * FILTER_DRIVEN_COST < termWork) return topKFilterDriven(q, docs, heap, base);
    return q.required.length > 0 ? topKConjunctive(q, heap, base) : topKMaxScore(q, heap, base);
  }

  private textByDate(plan: QueryPlan, spec: FilterSpec, k: number, newest: boolean, deadline: Deadline) {
    const all: Array<{ day: number; order: number; score: number }> = [];
    for (const { q, base } of this.segmentQueries(plan, spec, deadline).queries) {
      if (q.viable) allMatches(q, (doc, score) => all.push({ day: q.seg.a.days[doc]!, order: base + doc, score }));
    }
    all.sort(compareDated(newest));
    return { total: all.length, estimated: false, hits: all.slice(0, k).map((h) => this.hitAt(h.order, h.score)) };
  }

  private browse(plan: QueryPlan, spec: FilterSpec, k: number, newest: boolean, deadline: Deadline) {
    const candidates: DatedHit[] = [];
    let total = 0;
    let estimated = false;
    let base = 0;
    this.segments.entries.forEach((e, segment) => {
      const filter = new SegmentFilter(e.seg, e.deleted, e.deletedCount, spec);
      const segBase = base;
      base += e.seg.docCount;
      if (filter.empty) return;
      const excluded = excludedDocs(e.seg, plan.exclusions, deadline);
      const accepts = excluded ? (doc: number) => excluded[doc] !== 1 && filter.accepts(doc) : (doc: number) => filter.accepts(doc);
      const countAll = filter.restrictive || excluded !== null;
      const { hits, count, counted } = browseSegment(e.seg, segment, segBase, k, newest, accepts, countAll, deadline);
      if (!counted) estimated = true;
      candidates.push(...hits);
      total += countAll ? count : e.seg.docCount - e.deletedCount;
    });
    candidates.sort(compareDated(newest));
    return { total, estimated, hits: candidates.slice(0, k).map((h) => ({ id: this.segments.entries[h.segment]!.seg.id(h.doc), score: 0 })) };
  }
}

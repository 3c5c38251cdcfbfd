/** Runs a query set against one engine and times each query. */
import { msSince, summarize, summarizeBy, type LatencySummary } from "../stats.js";
import { COMPARABLE_KINDS, type BenchQuery } from "../queries.js";

export interface QueryTimings {
  all: LatencySummary;
  /** Only the kinds FTS5 understands the same way (no phrase, no filter). */
  comparable: LatencySummary;
  byKind: Record<string, LatencySummary>;
  /** Mean hits per query, a sanity check that the queries match something. */
  meanHits: number;
  /** Queries run (fewer than given when the time budget ran out). */
  ran: number;
}

export interface MeasureOptions {
  /** Queries run once before timing starts; default 100. */
  warmup?: number;
  /** Stop after this many milliseconds of querying; default no limit. */
  budgetMs?: number;
}

/** Times `run(query)` for each query; `run` returns the number of hits. */
export function measureQueries(
  queries: readonly BenchQuery[],
  run: (query: BenchQuery) => number,
  options: MeasureOptions = {},
): QueryTimings {
  for (const query of queries.slice(0, options.warmup ?? 100)) run(query);
  const latencies: number[] = [];
  const kinds: string[] = [];
  let hits = 0;
  const started = process.hrtime.bigint();
  for (const query of queries) {
    if (options.budgetMs !== undefined && msSince(started) > options.budgetMs) break;
    const t = process.hrtime.bigint();
    hits += run(query);
    latencies.push(msSince(t));
    kinds.push(query.kind);
  }
  const comparable = latencies.filter((_, i) => COMPARABLE_KINDS.includes(kinds[i] as BenchQuery["kind"]));
  return {
    all: summarize(latencies),
    comparable: summarize(comparable),
    byKind: summarizeBy(kinds, latencies),
    meanHits: hits / Math.max(1, latencies.length),
    ran: latencies.length,
  };
}

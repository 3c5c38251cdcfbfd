/** Runs a query set against one engine and times each query. */
import { msSince, summarize, summarizeBy, type LatencySummary } from "../stats.js";
import { COMPARABLE_KINDS, type BenchQuery } from "../queries.js";

export interface QueryTimings {
  all: LatencySummary;
  /** Only the kinds FTS5 understands the same way (no phrase, no filter). */
  comparable: LatencySummary;
  byKind: Record<string, LatencySummary>;
  /**
   * The same over CPU time of this process instead of wall time: on a machine shared with other
   * work, wall time includes waiting for a core; CPU time is what the query itself cost.
   */
  cpu: { all: LatencySummary; comparable: LatencySummary };
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
  const cpuLatencies: number[] = [];
  const kinds: string[] = [];
  let hits = 0;
  const started = process.hrtime.bigint();
  for (const query of queries) {
    if (options.budgetMs !== undefined && msSince(started) > options.budgetMs) break;
    const cpu = process.cpuUsage();
    const t = process.hrtime.bigint();
    hits += run(query);
    latencies.push(msSince(t));
    const used = process.cpuUsage(cpu);
    cpuLatencies.push((used.user + used.system) / 1000);
    kinds.push(query.kind);
  }
  const isComparable = (_: number, i: number) => COMPARABLE_KINDS.includes(kinds[i] as BenchQuery["kind"]);
  return {
    all: summarize(latencies),
    comparable: summarize(latencies.filter(isComparable)),
    byKind: summarizeBy(kinds, latencies),
    cpu: { all: summarize(cpuLatencies), comparable: summarize(cpuLatencies.filter(isComparable)) },
    meanHits: hits / Math.max(1, latencies.length),
    ran: latencies.length,
  };
}

/** Sends hostile query strings through the engine and records every exception and the slowest. */
import { messageOf } from "../../src/core/errors.js";
import type { SearchEngine } from "../../src/search/index.js";
import { createRandom } from "../corpus/prng.js";
import { hostileQueries } from "../fuzz.js";
import { msSince } from "../stats.js";

export interface FuzzResult {
  queries: number;
  exceptions: number;
  /** First few exceptions: the query (JSON-quoted, cut to 120 characters) and the message. */
  examples: Array<{ query: string; error: string }>;
  maxMs: number;
  /** The slowest query, JSON-quoted and cut to 120 characters. */
  slowest: string;
  totalMs: number;
  /** Strings slower than 10 ms, and slower than 100 ms. */
  over10ms?: number;
  over100ms?: number;
  /** Wall time of the whole fuzz when it ran in several processes at once. */
  wallMs?: number;
}

const show = (text: string) => JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);

/**
 * Runs strings `part`, `part + parts`, … of the `count` strings of `seed`, so that several
 * processes can share one fuzz run (every string's paging is drawn whichever part runs it).
 */
export function runFuzz(engine: SearchEngine, count: number, seed = 1234, part = 0, parts = 1): FuzzResult {
  const paging = createRandom(seed, 1);
  const result: FuzzResult = { queries: 0, exceptions: 0, examples: [], maxMs: 0, slowest: "", totalMs: 0, over10ms: 0, over100ms: 0 };
  let i = -1;
  for (const q of hostileQueries(count, seed)) {
    const limit = 1 + paging.int(50);
    const offset = paging.chance(0.1) ? paging.int(20_000) : 0;
    if (++i % parts !== part) continue;
    const t = process.hrtime.bigint();
    try {
      engine.search({ q, limit, offset });
    } catch (e) {
      result.exceptions++;
      if (result.examples.length < 5)
        result.examples.push({ query: show(q), error: messageOf(e).slice(0, 200) });
    }
    const ms = msSince(t);
    result.totalMs += ms;
    if (ms > 10) result.over10ms!++;
    if (ms > 100) result.over100ms!++;
    if (ms > result.maxMs) [result.maxMs, result.slowest] = [ms, show(q)];
    result.queries++;
  }
  return result;
}

/** One fuzz result for parts run side by side. */
export function mergeFuzz(results: FuzzResult[], wallMs: number): FuzzResult {
  const slowest = results.reduce((a, b) => (b.maxMs > a.maxMs ? b : a));
  return {
    queries: results.reduce((n, r) => n + r.queries, 0),
    exceptions: results.reduce((n, r) => n + r.exceptions, 0),
    examples: results.flatMap((r) => r.examples).slice(0, 5),
    maxMs: slowest.maxMs,
    slowest: slowest.slowest,
    totalMs: results.reduce((n, r) => n + r.totalMs, 0),
    over10ms: results.reduce((n, r) => n + (r.over10ms ?? 0), 0),
    over100ms: results.reduce((n, r) => n + (r.over100ms ?? 0), 0),
    wallMs,
  };
}

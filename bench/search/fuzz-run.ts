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
}

const show = (text: string) => JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);

export function runFuzz(engine: SearchEngine, count: number, seed = 1234): FuzzResult {
  const paging = createRandom(seed, 1);
  const result: FuzzResult = { queries: 0, exceptions: 0, examples: [], maxMs: 0, slowest: "", totalMs: 0 };
  for (const q of hostileQueries(count, seed)) {
    const limit = 1 + paging.int(50);
    const offset = paging.chance(0.1) ? paging.int(20_000) : 0;
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
    if (ms > result.maxMs) [result.maxMs, result.slowest] = [ms, show(q)];
    result.queries++;
  }
  return result;
}

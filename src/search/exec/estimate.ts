/**
 * What an OR top k reports when pruning skipped docs without counting them (maxscore.ts,
 * high-scan.ts): an exact count where one is known, else an estimate of all matches.
 */
import { ALL_FIELDS } from "../fields.js";
import type { RunStats } from "./run-stats.js";
import type { SegmentQuery } from "./segment-query.js";

/**
 * @param matched docs known to match
 * @param visited candidate docs looked at, `accepted` of them passing the filters
 */
export function skippedStats(q: SegmentQuery, matched: number, visited: number, accepted: number): RunStats {
  const ids = q.optional;
  // One term counted in all fields, every doc passing: its doc frequency is the exact count.
  if (ids.length === 1 && q.masks[ids[0]!] === ALL_FIELDS && !q.positional && q.filter.acceptsAll) return { matched: q.cursors[ids[0]!]!.df, incomplete: false };
  // Docs holding any term, as if terms occurred independently, times the share passing filters.
  let none = 1;
  for (const i of ids) none *= 1 - Math.min(1, q.cursors[i]!.df / Math.max(1, q.seg.docCount));
  const passing = visited > 0 ? accepted / visited : 1;
  return { matched, incomplete: true, estimate: Math.max(matched, q.seg.docCount * (1 - none) * passing) };
}

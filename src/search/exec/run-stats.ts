/** What a top-k strategy reports besides the hits it offered. */

/** Sums of bounds are compared with this slack, so rounding can only make pruning more careful. */
export const SLACK = 1 + 1e-12;

/**
 * No doc under `bound` can enter a full top k with k-th score `threshold`. A doc that only ties
 * loses (it comes later in doc order), so a bound computed exactly like the score (one term:
 * the same operations on a larger tf~, which IEEE rounding keeps larger) may equal the threshold;
 * a sum of several bounds, added in another order than the score, gets SLACK.
 */
export function cannotEnter(bound: number, threshold: number, exact: boolean): boolean {
  return exact ? bound <= threshold : bound * SLACK < threshold;
}

export interface RunStats {
  /** Docs known to match. */
  matched: number;
  /** Some docs were never fully looked at, so `matched` may be short of the true count. */
  incomplete: boolean;
  /** When incomplete and the strategy can tell: its estimate of all matches. */
  estimate?: number;
}

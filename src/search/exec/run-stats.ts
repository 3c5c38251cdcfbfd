/** What a top-k strategy reports besides the hits it offered. */

/** Bounds are compared with this slack, so rounding can only make pruning more careful. */
export const SLACK = 1 + 1e-12;

export interface RunStats {
  /** Docs known to match. */
  matched: number;
  /** Some docs were never fully looked at, so `matched` may be short of the true count. */
  incomplete: boolean;
  /** When incomplete and the strategy can tell: its estimate of all matches. */
  estimate?: number;
}

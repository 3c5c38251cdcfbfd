/**
 * The k best (score, order) pairs: higher score first, then lower order (earlier doc). A binary
 * min-heap on typed arrays; since docs are offered in increasing order, a newcomer that only ties
 * the weakest kept hit loses, which is the same tie-break as sorting everything.
 */
export class TopK {
  private readonly scores: Float64Array;
  private readonly orders: Float64Array;
  size = 0;

  constructor(readonly k: number) {
    this.scores = new Float64Array(Math.max(1, k));
    this.orders = new Float64Array(Math.max(1, k));
    this.threshold = k <= 0 ? 0 : -Infinity;
  }

  get full(): boolean {
    return this.size >= this.k;
  }

  /**
   * Score a doc must beat to enter: -Infinity while not full, 0 when k ≤ 0 (full from the start;
   * nothing enters). Read only outside this class. A field kept by `offer`, not a getter:
   * strategies read it for every candidate, and where the getter was not inlined each read boxed
   * its number (a tenth of a phrase query's garbage).
   */
  threshold: number;

  /** `a` ranks below `b`. */
  private worse(sa: number, oa: number, sb: number, ob: number) {
    return sa < sb || (sa === sb && oa > ob);
  }

  offer(score: number, order: number): boolean {
    if (this.k === 0) return false;
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(score, order, this.scores[parent]!, this.orders[parent]!)) break;
        this.scores[i] = this.scores[parent]!;
        this.orders[i] = this.orders[parent]!;
        i = parent;
      }
      this.scores[i] = score;
      this.orders[i] = order;
      if (this.size === this.k) this.threshold = this.scores[0]!;
      return true;
    }
    if (!this.worse(this.scores[0]!, this.orders[0]!, score, order)) return false;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      let child = left;
      if (right < this.size && this.worse(this.scores[right]!, this.orders[right]!, this.scores[left]!, this.orders[left]!)) child = right;
      if (!this.worse(this.scores[child]!, this.orders[child]!, score, order)) break;
      this.scores[i] = this.scores[child]!;
      this.orders[i] = this.orders[child]!;
      i = child;
    }
    this.scores[i] = score;
    this.orders[i] = order;
    this.threshold = this.scores[0]!;
    return true;
  }

  /** Best first. */
  sorted(): Array<{ score: number; order: number }> {
    const out = Array.from({ length: this.size }, (_, i) => ({ score: this.scores[i]!, order: this.orders[i]! }));
    return out.sort((a, b) => b.score - a.score || a.order - b.order);
  }
}

/**
 * Champion lists: for each term with many postings, the docs where it weighs most (highest tf~
 * at build time) and a bound on its tf~ in every other doc. Scoring the champions of a query's
 * terms first gives a top-k threshold at once, and outside the champions each term is bounded by
 * its (lower) tail bound, so dynamic pruning skips most of the long lists of common terms.
 * Nothing here decides results: the tail bound only ever lets pruning drop docs that cannot win.
 */

/**
 * Which terms get champions and how many. `minDf`: terms with fewer postings are cheap to read
 * whole (default 1,024, ≥ 1). `size`: champions per term (default 32, 1–4,096; 16–32 measured best on the benchmark, 96 and 384 slower). Tests lower them
 * to exercise the path on small corpora; a segment records its lists, not these settings.
 */
export const CHAMPIONS = { minDf: 1_024, size: 32 };

/** Keeps the `size` postings of highest tf~ of the current term (a min-heap) and the best of the rest. */
export class ChampionPicker {
  private tf = new Float64Array(0);
  private docs = new Int32Array(0);
  private count = 0;
  private size = 0;
  /** Highest tf~ among postings that are not (or no longer) champions. */
  tailMax = 0;

  begin(): void {
    this.size = Math.max(1, Math.min(4_096, CHAMPIONS.size));
    if (this.tf.length < this.size) {
      this.tf = new Float64Array(this.size);
      this.docs = new Int32Array(this.size);
    }
    this.count = 0;
    this.tailMax = 0;
  }

  offer(tf: number, doc: number): void {
    if (this.count < this.size) {
      let i = this.count++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.tf[parent]! <= tf) break;
        this.tf[i] = this.tf[parent]!;
        this.docs[i] = this.docs[parent]!;
        i = parent;
      }
      this.tf[i] = tf;
      this.docs[i] = doc;
      return;
    }
    if (tf <= this.tf[0]!) {
      if (tf > this.tailMax) this.tailMax = tf;
      return;
    }
    if (this.tf[0]! > this.tailMax) this.tailMax = this.tf[0]!;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.count) break;
      const right = left + 1;
      const child = right < this.count && this.tf[right]! < this.tf[left]! ? right : left;
      if (this.tf[child]! >= tf) break;
      this.tf[i] = this.tf[child]!;
      this.docs[i] = this.docs[child]!;
      i = child;
    }
    this.tf[i] = tf;
    this.docs[i] = doc;
  }

  /** The champions' docs in increasing order. */
  sortedDocs(): Int32Array {
    return this.docs.slice(0, this.count).sort();
  }
}

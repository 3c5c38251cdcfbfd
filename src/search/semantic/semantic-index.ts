/**
 * The semantic index: one vector per paper (one byte per dimension, see ivf.ts), grouped in
 * inverted lists, plus the model that turns text into vectors. Papers added after the lists were
 * made wait in per-list tails (found by the same probes); replaced and removed papers are marked
 * deleted. `search` embeds text with the corpus model; `related` starts from a paper's own vector.
 *
 * `buildLists` renumbers the rows list by list (deleted rows dropped), so a probed list's vectors
 * are one run of memory. With that, centred lists, an integer scan reading 32-bit words and a
 * typed-array heap, related papers on the 100k bench index (24 lists, 7.5k vectors) take about
 * 1 ms of CPU where the float scan over uncentred lists and scattered rows took 7 ms for 23k
 * vectors; on the 2.6M one (24 of 1,611 lists, 39k vectors) p50 3.9 ms, p99 8 ms when warm
 * (bench/RESULTS.md).
 */
import type { Paper } from "../../core/paper.js";
import { TopK } from "../exec/top-k.js";
import { assignLeaf, dotInt, dotInt8, nearestLeaves, quantize, quantizeQuery, trainCentroids, type CentroidTree } from "./ivf.js";
import { embedText, normalize, type TextModel } from "./model.js";
import { RowTable } from "./row-table.js";
import type { RankedHit } from "./types.js";

export interface SemanticSearchOptions {
  /** Inverted lists read per query; default 24 (more: closer to exact, slower). */
  probe?: number;
  /** Papers whose vectors are added to the query's (pseudo-relevance feedback), e.g. the lexical top 3. */
  feedback?: readonly string[];
  /** Weight of the feedback papers' mean vector against the query's; default 2 (SciFact train: 1 → 0.7148, 2 → 0.7154 hybrid nDCG@10). */
  feedbackWeight?: number;
  /** Ids left out of the results (a paper itself, for related papers). */
  exclude?: ReadonlySet<string>;
}

/** Below this many papers every vector is compared (exact); above, inverted lists. */
export const FLAT_LIMIT = 20_000;

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** The text a paper is embedded from. */
export const paperText = (paper: Pick<Paper, "title" | "abstract">) => `${paper.title}\n${paper.abstract}`;

export class SemanticIndex {
  ids: string[] = [];
  /** Row of each paper held (not deleted). */
  readonly rowOf = new RowTable((row) => this.ids[row]!);
  vectors: Int8Array<ArrayBufferLike>;
  scales: Float32Array<ArrayBufferLike>;
  deleted: Uint8Array<ArrayBufferLike>;
  /** Inverted lists (null: flat). Rows listed at build time, then later rows per list. */
  tree: CentroidTree | null = null;
  listStart: Uint32Array<ArrayBufferLike> = new Uint32Array(1);
  listRows: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
  tails: number[][] = [];
  /** Bumped on every change, so a saver knows whether to write. */
  version = 0;
  private readonly scratch: Int8Array;
  private readonly queryInts: Int32Array;
  private readonly centred: Float32Array;
  private readonly embedded: Float32Array<ArrayBuffer>;
  /** `vectors` viewed as 32-bit words (see scan), made again when `vectors` is replaced. */
  private words: Int32Array | null = null;

  constructor(
    /** The corpus model (null when vectors come from an outside embedding model). */
    readonly model: TextModel | null,
    readonly dim: number,
    capacity = 1024,
  ) {
    this.vectors = new Int8Array(capacity * dim);
    this.scales = new Float32Array(capacity);
    this.deleted = new Uint8Array(capacity);
    this.scratch = new Int8Array(dim);
    this.queryInts = new Int32Array(dim);
    this.centred = new Float32Array(dim);
    this.embedded = new Float32Array(dim);
  }

  /** Papers held (not deleted). */
  get size(): number {
    return this.rowOf.size;
  }

  /** The unit vector of `text` from the corpus model, or null (no known word, or no corpus model). */
  embed(text: string): Float32Array | null {
    return this.model ? embedText(this.model, text) : null;
  }

  /** Adds or replaces a paper's vector (a unit vector of `dim` values). */
  addVector(id: string, vector: Float32Array): void {
    this.remove(id);
    const row = this.ids.length;
    this.ensureCapacity(row + 1);
    this.scales[row] = quantize(vector, this.scratch);
    this.vectors.set(this.scratch, row * this.dim);
    this.ids.push(id);
    this.rowOf.set(id, row);
    if (this.tree) this.tails[assignLeaf(this.tree, vector, this.centred)]!.push(row);
    this.version++;
  }

  /** Adds or replaces a paper, embedded by the corpus model; a paper with no known word is left out. */
  addPaper(paper: Paper): void {
    // Into a scratch vector: addVector keeps a quantized copy, and a build adds millions.
    const vector = this.model ? embedText(this.model, paperText(paper), this.embedded) : null;
    if (vector) this.addVector(paper.id, vector);
    else this.remove(paper.id);
  }

  remove(id: string): void {
    const row = this.rowOf.get(id);
    if (row === undefined) return;
    this.deleted[row] = 1;
    this.rowOf.delete(id);
    this.version++;
  }

  /** A paper's stored vector (dequantized), or null. */
  vectorOf(id: string): Float32Array | null {
    const row = this.rowOf.get(id);
    if (row === undefined) return null;
    const v = new Float32Array(this.dim);
    const scale = this.scales[row]!;
    for (let k = 0; k < this.dim; k++) v[k] = this.vectors[row * this.dim + k]! * scale;
    return v;
  }

  /** Cosine of the unit vector `q` with paper `id`'s vector (0 when it has none). */
  scoreOf(q: Float32Array, id: string): number {
    const row = this.rowOf.get(id);
    return row === undefined ? 0 : dotInt8(q, this.vectors, row * this.dim, this.dim) * this.scales[row]!;
  }

  /** The `k` papers nearest to the unit vector `q`, best first. */
  nearest(q: Float32Array, k: number, options: SemanticSearchOptions = {}): RankedHit[] {
    const top = new TopK(Math.max(0, k + (options.exclude?.size ?? 0)));
    const qi = this.queryInts;
    const qScale = quantizeQuery(q, qi);
    if (!this.tree) {
      this.scan(qi, qScale, null, 0, this.ids.length, top);
    } else {
      for (const leaf of nearestLeaves(this.tree, q, options.probe ?? 24)) {
        this.scan(qi, qScale, this.listRows, this.listStart[leaf]!, this.listStart[leaf + 1]!, top);
        const tail = this.tails[leaf]!;
        if (tail.length > 0) this.scan(qi, qScale, Uint32Array.from(tail), 0, tail.length, top);
      }
    }
    const hits: RankedHit[] = [];
    for (const { score, order } of top.sorted()) {
      const id = this.ids[order]!;
      if (hits.length < k && !options.exclude?.has(id)) hits.push({ id, score, parts: { semantic: score } });
    }
    return hits;
  }

  /**
   * Offers rows[from] … rows[to − 1] (rows null: from … to − 1 themselves), not deleted, to
   * `top`, scored against the quantized query; ties with the weakest kept row go to the lower
   * row. The vectors are read four bytes at a time as 32-bit words, each byte sign-extended by
   * shifts (a quarter of the loads and bounds checks of one byte at a time: 40k vectors in 3.5
   * ms of CPU instead of 5.2 in a micro-benchmark); the loop is written out here, not called,
   * because the call cost another 20%.
   */
  private scan(qi: Int32Array, qScale: number, rows: Uint32Array | null, from: number, to: number, top: TopK): void {
    const { vectors, scales, deleted, dim } = this;
    const words = this.wordsView();
    let threshold = top.threshold;
    if (!words) {
      for (let i = from; i < to; i++) {
        const row = rows ? rows[i]! : i;
        if (deleted[row]) continue;
        const score = dotInt(qi, vectors, row * dim, dim) * qScale * scales[row]!;
        if (score >= threshold) {
          top.offer(score, row);
          threshold = top.threshold;
        }
      }
      return;
    }
    const width = dim >> 2;
    for (let i = from; i < to; i++) {
      const row = rows ? rows[i]! : i;
      if (deleted[row]) continue;
      let a = 0;
      let b = 0;
      const o = row * width;
      for (let w = 0, k = 0; w < width; w++, k += 4) {
        const x = words[o + w]!;
        a = (a + Math.imul(qi[k]!, (x << 24) >> 24) + Math.imul(qi[k + 1]!, (x << 16) >> 24)) | 0;
        b = (b + Math.imul(qi[k + 2]!, (x << 8) >> 24) + Math.imul(qi[k + 3]!, x >> 24)) | 0;
      }
      const score = ((a + b) | 0) * qScale * scales[row]!;
      if (score >= threshold) {
        top.offer(score, row);
        threshold = top.threshold;
      }
    }
  }

  /**
   * The vectors as 32-bit words (byte 4w + j is bits 8j … 8j + 7: little-endian), or null where
   * that does not hold (dimensions not a multiple of 4, an unaligned buffer, a big-endian machine).
   */
  private wordsView(): Int32Array | null {
    const v = this.vectors;
    if (this.words?.buffer === v.buffer && this.words.byteOffset === v.byteOffset && this.words.length * 4 === v.length) return this.words;
    this.words = LITTLE_ENDIAN && this.dim % 4 === 0 && v.byteOffset % 4 === 0 ? new Int32Array(v.buffer, v.byteOffset, v.length >> 2) : null;
    return this.words;
  }

  /** The query vector of `text`, moved toward the feedback papers' vectors; null when nothing is known. */
  queryVector(text: string, options: SemanticSearchOptions = {}): Float32Array | null {
    const q = this.embed(text) ?? new Float32Array(this.dim);
    const feedback = (options.feedback ?? []).map((id) => this.vectorOf(id)).filter((v) => v !== null);
    const weight = (options.feedbackWeight ?? 2) / Math.max(1, feedback.length);
    for (const v of feedback) for (let k = 0; k < this.dim; k++) q[k]! += weight * v[k]!;
    return normalize(q);
  }

  /** Papers nearest in meaning to `text` (corpus model), best first: `semanticSearch`. */
  search(text: string, k: number, options: SemanticSearchOptions = {}): RankedHit[] {
    const q = this.queryVector(text, options);
    return q ? this.nearest(q, k, options) : [];
  }

  /** Papers nearest to paper `id`, without it: `semanticRelated`. Empty when the paper has no vector. */
  related(id: string, k: number, options: SemanticSearchOptions = {}): RankedHit[] {
    const q = this.vectorOf(id);
    if (!q || !normalize(q)) return [];
    const exclude = new Set(options.exclude ?? []);
    exclude.add(id);
    return this.nearest(q, k, { ...options, exclude });
  }

  /** Groups the vectors in inverted lists (or drops the lists below FLAT_LIMIT papers). */
  buildLists(options: { lists?: number; sample?: number; minPapers?: number; onProgress?: (message: string) => void } = {}): void {
    // Live rows (not deleted) in row order; a typed array, since at 2.6M papers an array of
    // them took 40 MB.
    const live = new Uint32Array(this.rowOf.size);
    for (let row = 0, i = 0; row < this.ids.length; row++) if (!this.deleted[row]) live[i++] = row;
    if (live.length < (options.minPapers ?? FLAT_LIMIT)) {
      this.tree = null;
      return;
    }
    const lists = options.lists ?? Math.round(Math.sqrt(live.length));
    const sampleSize = Math.min(live.length, options.sample ?? 40 * lists);
    const stride = live.length / sampleSize;
    const { dim } = this;
    const sample = new Float32Array(sampleSize * dim);
    for (let i = 0; i < sampleSize; i++) {
      const row = live[Math.floor(i * stride)]!;
      const v = sample.subarray(i * dim, (i + 1) * dim);
      for (let k = 0; k < dim; k++) v[k] = this.vectors[row * dim + k]! * this.scales[row]!;
      normalize(v);
    }
    options.onProgress?.(`semantic: clustering ${sampleSize} vectors into ${lists} lists`);
    const tree = trainCentroids(sample, sampleSize, dim, lists, undefined, true, true);
    const count = tree.leaves.length / this.dim;
    const leafOf = new Uint32Array(live.length);
    const sizes = new Uint32Array(count + 1);
    const v = new Float32Array(this.dim);
    const scratch = new Float32Array(this.dim);
    live.forEach((row, i) => {
      const scale = this.scales[row]!;
      for (let k = 0; k < this.dim; k++) v[k] = this.vectors[row * this.dim + k]! * scale;
      leafOf[i] = assignLeaf(tree, v, scratch);
      sizes[leafOf[i]! + 1]!++;
    });
    for (let leaf = 0; leaf < count; leaf++) sizes[leaf + 1]! += sizes[leaf]!;
    // New row r holds old row source[r]: live rows list by list, then the deleted ones (dropped).
    const rows = this.ids.length;
    const source = new Uint32Array(rows);
    const fill = sizes.slice(0, count);
    live.forEach((row, i) => (source[fill[leafOf[i]!]!++] = row));
    let next = live.length;
    for (let row = 0; row < rows; row++) if (this.deleted[row]) source[next++] = row;
    this.permuteRows(source);
    this.ids.length = live.length;
    // Each live row's new number, given to the id table in place (no second table while both live).
    const newRow = new Uint32Array(rows);
    for (let r = 0; r < live.length; r++) newRow[source[r]!] = r;
    this.rowOf.renumber(newRow);
    this.deleted.fill(0);
    this.tree = tree;
    this.listStart = sizes;
    this.listRows = new Uint32Array(live.length);
    for (let i = 0; i < live.length; i++) this.listRows[i] = i;
    this.tails = Array.from({ length: count }, () => []);
    this.version++;
  }

  /**
   * Moves old row source[r] to row r for every row (a permutation of 0 … ids.length − 1), in
   * place: one cycle at a time with one row held aside, so no second copy of the vectors.
   */
  private permuteRows(source: Uint32Array): void {
    const { dim, vectors, scales, ids } = this;
    const done = new Uint8Array(source.length);
    const held = new Int8Array(dim);
    for (let start = 0; start < source.length; start++) {
      if (done[start] || source[start] === start) continue;
      held.set(vectors.subarray(start * dim, start * dim + dim));
      const heldScale = scales[start]!;
      const heldId = ids[start]!;
      let to = start;
      for (;;) {
        done[to] = 1;
        const from = source[to]!;
        if (from === start) {
          vectors.set(held, to * dim);
          scales[to] = heldScale;
          ids[to] = heldId;
          break;
        }
        vectors.copyWithin(to * dim, from * dim, from * dim + dim);
        scales[to] = scales[from]!;
        ids[to] = ids[from]!;
        to = from;
      }
    }
  }

  private ensureCapacity(rows: number): void {
    if (rows <= this.scales.length) return;
    const capacity = Math.max(rows, this.scales.length * 2);
    const vectors = new Int8Array(capacity * this.dim);
    vectors.set(this.vectors.subarray(0, this.ids.length * this.dim));
    const scales = new Float32Array(capacity);
    scales.set(this.scales.subarray(0, this.ids.length));
    const deleted = new Uint8Array(capacity);
    deleted.set(this.deleted.subarray(0, this.ids.length));
    [this.vectors, this.scales, this.deleted] = [vectors, scales, deleted];
  }
}

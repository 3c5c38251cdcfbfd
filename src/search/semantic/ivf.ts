/**
 * Approximate nearest neighbours by inverted file (IVF): vectors are grouped under the nearest of
 * `lists` centroids (spherical k-means on a sample); a query reads only the groups of its
 * `probe` nearest centroids. Vectors are one signed byte per dimension with a per-vector scale
 * (a quarter of the memory of float32, scores within about 1% of exact). Centroids are found in
 * two levels (about √lists coarse ones, each split further), so assigning millions of vectors
 * compares each with a few hundred centroids, not all of them.
 */
import { seededRandom } from "./svd.js";

/** Quantizes the unit vector `v` into `out` (int8), returning its scale (value = byte × scale). */
export function quantize(v: Float32Array, out: Int8Array): number {
  let max = 0;
  for (let k = 0; k < v.length; k++) max = Math.max(max, Math.abs(v[k]!));
  if (max === 0) {
    out.fill(0);
    return 0;
  }
  const f = 127 / max;
  for (let k = 0; k < v.length; k++) out[k] = Math.round(v[k]! * f);
  return max / 127;
}

export function dotInt8(q: Float32Array, data: Int8Array, offset: number, dim: number): number {
  let s = 0;
  for (let k = 0; k < dim; k++) s += q[k]! * data[offset + k]!;
  return s;
}

/** Spherical k-means of the rows of `points` (n × dim, unit rows): `k` unit centroids. */
export function sphericalKMeans(points: Float32Array, n: number, dim: number, k: number, seed: number, rounds = 8): Float32Array {
  k = Math.max(1, Math.min(k, n));
  const random = seededRandom(seed);
  const centroids = new Float32Array(k * dim);
  // Distinct random starting points.
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
    centroids.set(points.subarray(order[i]! * dim, order[i]! * dim + dim), i * dim);
  }
  const assigned = new Uint32Array(n);
  for (let round = 0; round < rounds; round++) {
    for (let p = 0; p < n; p++) assigned[p] = nearest(points, p * dim, centroids, k, dim);
    const sums = new Float64Array(k * dim);
    const counts = new Uint32Array(k);
    for (let p = 0; p < n; p++) {
      const c = assigned[p]!;
      counts[c]!++;
      for (let d = 0; d < dim; d++) sums[c * dim + d]! += points[p * dim + d]!;
    }
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) {
        // An empty cluster restarts at a random point.
        const p = Math.floor(random() * n);
        centroids.set(points.subarray(p * dim, p * dim + dim), c * dim);
        continue;
      }
      let norm = 0;
      for (let d = 0; d < dim; d++) norm += sums[c * dim + d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dim; d++) centroids[c * dim + d] = sums[c * dim + d]! / norm;
    }
  }
  return centroids;
}

function nearest(points: Float32Array, offset: number, centroids: Float32Array, k: number, dim: number): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let c = 0; c < k; c++) {
    let s = 0;
    const o = c * dim;
    for (let d = 0; d < dim; d++) s += points[offset + d]! * centroids[o + d]!;
    if (s > bestScore) {
      bestScore = s;
      best = c;
    }
  }
  return best;
}

/** Leaf centroids grouped under coarse ones, for assigning many vectors quickly. */
export interface CentroidTree {
  dim: number;
  /** All leaf centroids (lists × dim). */
  leaves: Float32Array;
  coarse: Float32Array;
  /** Leaves of coarse centroid c: leafStart[c] … leafStart[c + 1]. */
  leafStart: Uint32Array;
}

/** Trains `lists` leaf centroids on the sample (n unit vectors). */
export function trainCentroids(sample: Float32Array, n: number, dim: number, lists: number, seed = 12): CentroidTree {
  const coarseCount = Math.max(1, Math.min(Math.round(Math.sqrt(lists)), n));
  const coarse = sphericalKMeans(sample, n, dim, coarseCount, seed);
  const groups: number[][] = Array.from({ length: coarseCount }, () => []);
  for (let p = 0; p < n; p++) groups[nearest(sample, p * dim, coarse, coarseCount, dim)]!.push(p);
  const leafStart = new Uint32Array(coarseCount + 1);
  const leaves: Float32Array[] = [];
  groups.forEach((members, c) => {
    const share = members.length === 0 ? 0 : Math.max(1, Math.round((lists * members.length) / n));
    if (share > 0) {
      const points = new Float32Array(members.length * dim);
      members.forEach((p, i) => points.set(sample.subarray(p * dim, p * dim + dim), i * dim));
      leaves.push(sphericalKMeans(points, members.length, dim, share, seed + c + 1));
    }
    leafStart[c + 1] = leafStart[c]! + (share > 0 ? leaves.at(-1)!.length / dim : 0);
  });
  const all = new Float32Array(leafStart[coarseCount]! * dim);
  let o = 0;
  for (const l of leaves) {
    all.set(l, o);
    o += l.length;
  }
  return { dim, leaves: all, coarse, leafStart };
}

/** The leaf list of vector `v`: best leaf under its two nearest coarse centroids. */
export function assignLeaf(tree: CentroidTree, v: Float32Array): number {
  const { dim, coarse, leafStart, leaves } = tree;
  const coarseCount = leafStart.length - 1;
  let first = -1;
  let second = -1;
  let s1 = -Infinity;
  let s2 = -Infinity;
  for (let c = 0; c < coarseCount; c++) {
    if (leafStart[c + 1] === leafStart[c]) continue;
    let s = 0;
    for (let d = 0; d < dim; d++) s += v[d]! * coarse[c * dim + d]!;
    if (s > s1) {
      [second, s2, first, s1] = [first, s1, c, s];
    } else if (s > s2) [second, s2] = [c, s];
  }
  let best = 0;
  let bestScore = -Infinity;
  for (const c of [first, second]) {
    if (c < 0) continue;
    for (let leaf = leafStart[c]!; leaf < leafStart[c + 1]!; leaf++) {
      let s = 0;
      for (let d = 0; d < dim; d++) s += v[d]! * leaves[leaf * dim + d]!;
      if (s > bestScore) {
        bestScore = s;
        best = leaf;
      }
    }
  }
  return best;
}

/** Ids of the `probe` leaves nearest to `q`. */
export function nearestLeaves(tree: CentroidTree, q: Float32Array, probe: number): number[] {
  const { dim, leaves } = tree;
  const count = leaves.length / dim;
  const scores = new Float32Array(count);
  for (let leaf = 0; leaf < count; leaf++) {
    let s = 0;
    for (let d = 0; d < dim; d++) s += q[d]! * leaves[leaf * dim + d]!;
    scores[leaf] = s;
  }
  const order = Uint32Array.from({ length: count }, (_, i) => i);
  order.sort((a, b) => scores[b]! - scores[a]!);
  return [...order.subarray(0, Math.min(probe, count))];
}

/** A bounded best-first list of (row, score): the k highest scores seen. */
export class TopK {
  readonly rows: number[] = [];
  readonly scores: number[] = [];
  constructor(readonly k: number) {}

  /** Least score still admitted. */
  get threshold(): number {
    return this.rows.length < this.k ? -Infinity : this.scores[this.scores.length - 1]!;
  }

  offer(row: number, score: number): void {
    const { rows, scores } = this;
    if (rows.length < this.k) {
      rows.push(row);
      scores.push(score);
    } else if (score > scores[rows.length - 1]!) {
      rows[rows.length - 1] = row;
      scores[rows.length - 1] = score;
    } else return;
    for (let i = rows.length - 1; i > 0 && scores[i - 1]! < scores[i]!; i--) {
      [rows[i - 1], rows[i]] = [rows[i]!, rows[i - 1]!];
      [scores[i - 1], scores[i]] = [scores[i]!, scores[i - 1]!];
    }
  }
}

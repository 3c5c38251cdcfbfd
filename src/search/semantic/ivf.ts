/**
 * Approximate nearest neighbours by inverted file (IVF): vectors are grouped under the nearest of
 * `lists` centroids (spherical k-means on a sample); a query reads only the groups of its
 * `probe` nearest centroids. Vectors are one signed byte per dimension with a per-vector scale
 * (a quarter of the memory of float32, scores within about 1% of exact). Centroids are found in
 * two levels (about √lists coarse ones, each split further), so assigning millions of vectors
 * compares each with a few hundred centroids, not all of them.
 *
 * Lists are made from the vectors minus their mean (`CentroidTree.center`): corpus vectors share
 * one strong direction (the bench corpus's mean vector has norm 0.90), and uncentred k-means made
 * lists of median 51 and up to 2,000 of the 100k bench papers, so a paper's 24 nearest lists held
 * 23k vectors instead of 7.6k (centred: median 302, max 2,107, 7.5k). A query's ranking by dot
 * product is the same with or without the mean subtracted (q·v = q·(v − μ) + q·μ), so only list
 * choice uses the centred vectors.
 *
 * The scan multiplies the stored bytes by the query quantized to integers (`quantizeQuery`):
 * 32-bit integer multiply-adds, no float conversion per byte (`dotInt`; SemanticIndex's scan
 * writes the same out over 32-bit words).
 */
import { TopK } from "../exec/top-k.js";
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

/**
 * Quantizes the query `q` into `out` (integers small enough that `dim` products with bytes of at
 * most 128 stay within 32 bits: ±32767 up to 512 dimensions, fewer beyond), returning the scale:
 * `dotInt(out, …) × scale` ≈ `dotInt8(q, …)`.
 */
export function quantizeQuery(q: Float32Array, out: Int32Array): number {
  let max = 0;
  for (let k = 0; k < q.length; k++) max = Math.max(max, Math.abs(q[k]!));
  if (!(max > 0) || !Number.isFinite(max)) {
    out.fill(0);
    return 0;
  }
  const range = Math.min(32767, Math.floor(0x7fffffff / (128 * Math.max(1, q.length))));
  const f = range / max;
  for (let k = 0; k < q.length; k++) out[k] = Math.round(q[k]! * f);
  return max / range;
}

/** Σ q[k] · data[offset + k] over `dim` values, in 32-bit integers (see quantizeQuery). */
export function dotInt(q: Int32Array, data: Int8Array, offset: number, dim: number): number {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let k = 0;
  const end = dim & ~3;
  for (; k < end; k += 4) {
    const o = offset + k;
    a = (a + Math.imul(q[k]!, data[o]!)) | 0;
    b = (b + Math.imul(q[k + 1]!, data[o + 1]!)) | 0;
    c = (c + Math.imul(q[k + 2]!, data[o + 2]!)) | 0;
    d = (d + Math.imul(q[k + 3]!, data[o + 3]!)) | 0;
  }
  for (; k < dim; k++) a = (a + Math.imul(q[k]!, data[offset + k]!)) | 0;
  return (a + b + c + d) | 0;
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
  /** Subtracted from a vector before it meets the centroids (null: nothing; files before it). */
  center: Float32Array | null;
}

/** `v` minus the tree's center, in `out` (or `v` itself when there is no center). */
function centred(tree: CentroidTree, v: Float32Array<ArrayBufferLike>, out: Float32Array<ArrayBufferLike>): Float32Array<ArrayBufferLike> {
  const center = tree.center;
  if (!center) return v;
  for (let d = 0; d < tree.dim; d++) out[d] = v[d]! - center[d]!;
  return out;
}

/**
 * Trains `lists` leaf centroids on the sample (n unit vectors), centred on the sample's mean
 * unless `center` is false. `inPlace`: the sample itself is centred instead of a copy (a caller
 * that has no further use for it saves its size: 33 MB at 2.6M papers).
 */
export function trainCentroids(sample: Float32Array, n: number, dim: number, lists: number, seed = 12, center = true, inPlace = false): CentroidTree {
  let mean: Float32Array | null = null;
  if (center && n > 0) {
    const sum = new Float64Array(dim);
    for (let p = 0; p < n; p++) for (let d = 0; d < dim; d++) sum[d]! += sample[p * dim + d]!;
    mean = Float32Array.from(sum, (x) => x / n);
    const shifted = inPlace ? sample : new Float32Array(n * dim);
    for (let p = 0; p < n; p++) {
      let norm = 0;
      for (let d = 0; d < dim; d++) norm += (shifted[p * dim + d] = sample[p * dim + d]! - mean[d]!) ** 2;
      // A vector at the mean has no direction: it stays zero and joins any list.
      const f = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let d = 0; d < dim; d++) shifted[p * dim + d]! *= f;
    }
    sample = shifted;
  }
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
  return { dim, leaves: all, coarse, leafStart, center: mean };
}

/** The leaf list of vector `v`: best leaf under its two nearest coarse centroids. */
export function assignLeaf(tree: CentroidTree, v: Float32Array<ArrayBufferLike>, scratch: Float32Array<ArrayBufferLike> = new Float32Array(tree.dim)): number {
  const { dim, coarse, leafStart, leaves } = tree;
  v = centred(tree, v, scratch);
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

/** Ids of the `probe` leaves nearest to `q`, nearest first. */
export function nearestLeaves(tree: CentroidTree, q: Float32Array<ArrayBufferLike>, probe: number): number[] {
  const { dim, leaves } = tree;
  q = centred(tree, q, new Float32Array(dim));
  const count = leaves.length / dim;
  const top = new TopK(Math.max(0, Math.min(probe, count)));
  for (let leaf = 0; leaf < count; leaf++) {
    let s = 0;
    const o = leaf * dim;
    for (let d = 0; d < dim; d++) s += q[d]! * leaves[o + d]!;
    // NaN (a NaN query) ranks nowhere: every leaf then ties at -Infinity, lowest id first.
    top.offer(s === s ? s : -Infinity, leaf);
  }
  return top.sorted().map((h) => h.order);
}

/**
 * Truncated SVD of a sparse matrix by randomized range finding (Halko, Martinsson and Tropp
 * 2011, algorithm 4.4 with power iterations): only products with the matrix and its transpose
 * are needed, so a corpus-sized term matrix is never made dense. Everything is typed arrays.
 */

/** A sparse rows × cols matrix in compressed-row form. */
export interface SparseRows {
  rows: number;
  cols: number;
  /** rowStart[r] … rowStart[r + 1] index `col` and `value` for row r. */
  rowStart: Uint32Array;
  col: Uint32Array;
  value: Float32Array;
}

export interface TruncatedSvd {
  rank: number;
  /** Singular values, largest first. */
  sigma: Float64Array;
  /** Right singular vectors: cols × rank, row-major (row c is column c's coordinates). */
  right: Float32Array;
}

/** A deterministic generator (mulberry32), so that a rebuild gives the same vectors. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** out (rows × l) = A · m (cols × l); dense matrices are row-major. */
function multiply(a: SparseRows, m: Float64Array, l: number, out: Float64Array): void {
  out.fill(0);
  for (let r = 0; r < a.rows; r++) {
    const o = r * l;
    for (let i = a.rowStart[r]!; i < a.rowStart[r + 1]!; i++) {
      const v = a.value[i]!;
      const s = a.col[i]! * l;
      for (let j = 0; j < l; j++) out[o + j]! += v * m[s + j]!;
    }
  }
}

/** out (cols × l) = Aᵀ · m (rows × l). */
function multiplyTransposed(a: SparseRows, m: Float64Array, l: number, out: Float64Array): void {
  out.fill(0);
  for (let r = 0; r < a.rows; r++) {
    const s = r * l;
    for (let i = a.rowStart[r]!; i < a.rowStart[r + 1]!; i++) {
      const v = a.value[i]!;
      const o = a.col[i]! * l;
      for (let j = 0; j < l; j++) out[o + j]! += v * m[s + j]!;
    }
  }
}

/**
 * Orthonormalizes the l columns of the n × l row-major matrix in place by Cholesky QR, twice
 * (CholeskyQR2: as accurate as Householder for these well-conditioned bases, and it reads the
 * matrix row by row, which keeps a corpus-sized matrix in cache order).
 */
function orthonormalizeColumns(m: Float64Array, n: number, l: number): void {
  const gram = new Float64Array(l * l);
  const solved = new Float64Array(l);
  for (let pass = 0; pass < 2; pass++) {
    gram.fill(0);
    for (let r = 0; r < n; r++) {
      const o = r * l;
      for (let i = 0; i < l; i++) {
        const mi = m[o + i]!;
        if (mi === 0) continue;
        for (let j = i; j < l; j++) gram[i * l + j]! += mi * m[o + j]!;
      }
    }
    // Upper-triangular R with Rᵀ R = gram; a column that is (numerically) dependent gets a unit pivot.
    for (let i = 0; i < l; i++) {
      let d = gram[i * l + i]!;
      for (let k = 0; k < i; k++) d -= gram[k * l + i]! ** 2;
      const pivot = d > 1e-12 * (gram[i * l + i]! || 1) ? Math.sqrt(d) : 1;
      gram[i * l + i] = pivot;
      for (let j = i + 1; j < l; j++) {
        let v = gram[i * l + j]!;
        for (let k = 0; k < i; k++) v -= gram[k * l + i]! * gram[k * l + j]!;
        gram[i * l + j] = v / pivot;
      }
    }
    // Each row x becomes x R⁻¹ (forward substitution on Rᵀ).
    for (let r = 0; r < n; r++) {
      const o = r * l;
      for (let j = 0; j < l; j++) {
        let v = m[o + j]!;
        for (let k = 0; k < j; k++) v -= solved[k]! * gram[k * l + j]!;
        solved[j] = v / gram[j * l + j]!;
      }
      for (let j = 0; j < l; j++) m[o + j] = solved[j]!;
    }
  }
}

/** Eigenvalues and vectors of a small symmetric matrix (cyclic Jacobi); vectors are columns of the result. */
export function symmetricEigen(input: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i]!;
  return { values, vectors: v };
}

export interface SvdOptions {
  /** Oversampling columns beyond the rank; default 16. */
  oversample?: number;
  /** Power iterations; default 3 (term matrices have slowly decaying spectra). */
  powerIterations?: number;
  seed?: number;
}

/** The top `rank` singular values and right singular vectors of `a`. */
export function truncatedSvd(a: SparseRows, rank: number, options: SvdOptions = {}): TruncatedSvd {
  const l = Math.min(rank + (options.oversample ?? 16), a.cols, a.rows);
  rank = Math.min(rank, l);
  const random = seededRandom(options.seed ?? 12);
  const omega = new Float64Array(a.cols * l);
  for (let i = 0; i < omega.length; i++) omega[i] = gaussian(random);
  const y = new Float64Array(a.rows * l);
  multiply(a, omega, l, y);
  orthonormalizeColumns(y, a.rows, l);
  for (let i = 0; i < (options.powerIterations ?? 3); i++) {
    multiplyTransposed(a, y, l, omega);
    orthonormalizeColumns(omega, a.cols, l);
    multiply(a, omega, l, y);
    orthonormalizeColumns(y, a.rows, l);
  }
  // B = Qᵀ A is l × cols; stored transposed (cols × l) as Aᵀ Q.
  const bt = omega;
  multiplyTransposed(a, y, l, bt);
  // B Bᵀ = (Aᵀ Q)ᵀ (Aᵀ Q): l × l.
  const gram = new Float64Array(l * l);
  for (let c = 0; c < a.cols; c++) {
    const o = c * l;
    for (let i = 0; i < l; i++) {
      const bi = bt[o + i]!;
      if (bi === 0) continue;
      for (let j = i; j < l; j++) gram[i * l + j]! += bi * bt[o + j]!;
    }
  }
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) gram[i * l + j] = gram[j * l + i]!;
  const { values, vectors } = symmetricEigen(gram, l);
  const order = [...values.keys()].sort((x, z) => values[z]! - values[x]!).slice(0, rank);
  const sigma = new Float64Array(rank);
  order.forEach((e, k) => (sigma[k] = Math.sqrt(Math.max(values[e]!, 0))));
  // V = Bᵀ U Σ⁻¹.
  const right = new Float32Array(a.cols * rank);
  for (let c = 0; c < a.cols; c++) {
    const o = c * l;
    for (let k = 0; k < rank; k++) {
      const e = order[k]!;
      let sum = 0;
      for (let i = 0; i < l; i++) sum += bt[o + i]! * vectors[i * l + e]!;
      right[c * rank + k] = sigma[k]! > 0 ? sum / sigma[k]! : 0;
    }
  }
  return { rank, sigma, right };
}

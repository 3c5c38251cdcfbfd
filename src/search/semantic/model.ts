/**
 * The corpus-learned text model: term vectors from a truncated SVD of the corpus's document ×
 * term matrix (PPMI or log-tf·idf cells), and text vectors as the idf-weighted sum of their terms'
 * vectors, unit length. Terms are the lexical analyzer's (folded, stemmed), so a query meets the
 * same words in both layers. Nothing is downloaded: the model is learned from the papers indexed.
 */
import { Analyzer, BUILD_CACHE_ENTRIES } from "../analyze/analyzer.js";
import { truncatedSvd, type SparseRows } from "./svd.js";

export interface TextModel {
  dim: number;
  /** Vocabulary: term string → row. */
  termIndex: Map<string, number>;
  terms: string[];
  /** Per term, the weight its vector gets in a text's sum (idf). */
  weight: Float32Array;
  /** terms × dim, row-major. */
  vectors: Float32Array;
}

export interface TrainOptions {
  /** Vector dimensions; default 128 (2.6M papers × 128 one-byte values = 333 MB). */
  dim?: number;
  /** Terms kept, most frequent first; default 60,000. */
  maxTerms?: number;
  /** A term must be in at least this many training texts; default 3. */
  minDocs?: number;
  /** Matrix cells: "tfidf" (default; log-tf · idf, rows unit length) or "ppmi". SciFact train: tfidf 0.4019 nDCG@10 alone, ppmi 0.3799. */
  cells?: "ppmi" | "tfidf";
  /** Term vectors are V·Σ^power; default 0.5. */
  sigmaPower?: number;
}

/**
 * Term ids (of the analyzer's vocabulary) of each text, in order: views into one array. A typed
 * array per text (100k small allocations) left some 250 MB of the process's memory fragmented
 * after training, memory the rest of a build could not reuse.
 */
function analyzeAll(texts: Iterable<string>, analyzer: Analyzer): Uint32Array[] {
  let ids = new Uint32Array(1 << 20);
  let length = 0;
  const ends: number[] = [];
  for (const text of texts) {
    analyzer.analyze(text, (id, _position, _start, _end, joined) => {
      if (joined) return;
      if (length === ids.length) {
        const grown = new Uint32Array(ids.length * 2);
        grown.set(ids);
        ids = grown;
      }
      ids[length++] = id;
    });
    ends.push(length);
  }
  return ends.map((end, i) => ids.subarray(i === 0 ? 0 : ends[i - 1]!, end));
}

export function trainTextModel(texts: Iterable<string>, options: TrainOptions = {}): TextModel {
  const analyzer = new Analyzer(BUILD_CACHE_ENTRIES);
  const docs = analyzeAll(texts, analyzer);
  const analyzed = analyzer.vocabulary.terms;
  const df = new Uint32Array(analyzed.length);
  const total = new Float64Array(analyzed.length);
  const seen = new Int32Array(analyzed.length).fill(-1);
  docs.forEach((doc, d) => {
    for (const t of doc) {
      total[t]!++;
      if (seen[t] !== d) {
        seen[t] = d;
        df[t]!++;
      }
    }
  });
  const minDocs = options.minDocs ?? 3;
  const candidates = [...df.keys()].filter((t) => df[t]! >= minDocs && df[t]! < docs.length);
  candidates.sort((a, b) => df[b]! - df[a]! || (analyzed[a]! < analyzed[b]! ? -1 : 1));
  const kept = candidates.slice(0, options.maxTerms ?? 60_000);
  const column = new Int32Array(analyzed.length).fill(-1);
  kept.forEach((t, c) => (column[t] = c));
  const idf = new Float32Array(kept.length);
  kept.forEach((t, c) => (idf[c] = Math.log((docs.length + 1) / (df[t]! + 0.5))));

  const matrix = documentTermMatrix(docs, column, kept, total, idf, options.cells ?? "tfidf");
  // The texts' term ids are in the matrix now; the SVD's working arrays can have their memory.
  docs.length = 0;
  const dim = Math.min(options.dim ?? 128, kept.length);
  const svd = truncatedSvd(matrix, dim);
  const power = options.sigmaPower ?? 0.5;
  const vectors = svd.right;
  for (let c = 0; c < kept.length; c++)
    for (let k = 0; k < svd.rank; k++) vectors[c * svd.rank + k]! *= svd.sigma[k]! ** power;
  const terms = kept.map((t) => analyzed[t]!);
  return { dim: svd.rank, termIndex: new Map(terms.map((term, i) => [term, i])), terms, weight: idf, vectors };
}

function documentTermMatrix(
  docs: Uint32Array[],
  column: Int32Array,
  kept: number[],
  total: Float64Array,
  idf: Float32Array,
  cells: "ppmi" | "tfidf",
): SparseRows {
  let tokens = 0;
  for (const t of kept) tokens += total[t]!;
  // Typed arrays sized by a first pass (distinct kept terms per text), not growing number
  // arrays: at 100k training papers (12M cells) the arrays and their copies took some 380 MB at
  // their peak, the typed ones take 96 MB.
  const counts = new Uint32Array(kept.length);
  let cellCount = 0;
  for (const doc of docs) {
    for (const t of doc) {
      const c = column[t]!;
      if (c >= 0 && counts[c]!++ === 0) cellCount++;
    }
    for (const t of doc) if (column[t]! >= 0) counts[column[t]!] = 0;
  }
  const rowStart = new Uint32Array(docs.length + 1);
  const cols = new Uint32Array(cellCount);
  const values = new Float32Array(cellCount);
  // A row's values in doubles until normalized, as the number arrays had them (same vectors).
  const row = new Float64Array(kept.length);
  let n = 0;
  docs.forEach((doc, d) => {
    let length = 0;
    for (const t of doc) {
      const c = column[t]!;
      if (c >= 0) {
        counts[c]!++;
        length++;
      }
    }
    let norm = 0;
    const start = n;
    for (const t of doc) {
      const c = column[t]!;
      if (c < 0 || counts[c] === 0) continue;
      const tf = counts[c]!;
      counts[c] = 0;
      const v =
        cells === "ppmi"
          ? Math.log((tf * tokens) / (length * total[kept[c]!]!))
          : (1 + Math.log(tf)) * idf[c]!;
      if (v <= 0) continue;
      cols[n] = c;
      row[n++ - start] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = start; i < n; i++) values[i] = row[i - start]! / norm;
    rowStart[d + 1] = n;
  });
  return { rows: docs.length, cols: kept.length, rowStart, col: cols.subarray(0, n), value: values.subarray(0, n) };
}

/**
 * What embedding a text reuses: an analyzer, the model row of each analyzer term id (-1: not
 * looked up yet, -2: not in the model), and term counts by model row. Per model, so models
 * learned at different times never share a row cache.
 */
interface Embedder {
  analyzer: Analyzer;
  rowOfTerm: Int32Array;
  counts: Float64Array;
  touched: Int32Array;
  /** The weighted sum, reused: a new one per text was garbage 2.6M times over in a build. */
  sum: Float64Array;
}

const embedders = new WeakMap<TextModel, Embedder>();

function embedderOf(model: TextModel): Embedder {
  let e = embedders.get(model);
  // A new analyzer once the old one has seen half a million distinct words (hostile text).
  if (!e || e.analyzer.vocabulary.terms.length > 500_000) {
    e = { analyzer: new Analyzer(1 << 16), rowOfTerm: new Int32Array(1024).fill(-1), counts: new Float64Array(model.terms.length), touched: new Int32Array(256), sum: new Float64Array(model.dim) };
    embedders.set(model, e);
  }
  return e;
}

/**
 * The unit vector of `text` (idf · (1 + log tf)-weighted sum of its terms' vectors), or null when
 * no term is known. About 85 µs of CPU for a 1,200-character bench paper, where a Map of counts
 * keyed by the term's string took 130–190 µs; what is left is the analyzer's tokenizing and
 * stemming and reading the terms' vectors (30 MB, mostly out of cache).
 */
export function embedText(model: TextModel, text: string, out = new Float32Array(model.dim)): Float32Array | null {
  const e = embedderOf(model);
  const { analyzer, counts } = e;
  const terms = analyzer.vocabulary.terms;
  let touched = 0;
  try {
    analyzer.analyze(text, (id, _p, _s, _e, joined) => {
      if (joined) return;
      if (id >= e.rowOfTerm.length) {
        const grown = new Int32Array(Math.max(id + 1, e.rowOfTerm.length * 2)).fill(-1);
        grown.set(e.rowOfTerm);
        e.rowOfTerm = grown;
      }
      let row = e.rowOfTerm[id]!;
      if (row === -1) row = e.rowOfTerm[id] = model.termIndex.get(terms[id]!) ?? -2;
      if (row < 0) return;
      if (counts[row] === 0) {
        if (touched === e.touched.length) {
          const grown = new Int32Array(touched * 2);
          grown.set(e.touched);
          e.touched = grown;
        }
        e.touched[touched++] = row;
      }
      counts[row]!++;
    });
  } catch (error) {
    // Counts are kept zero between calls.
    for (let i = 0; i < touched; i++) counts[e.touched[i]!] = 0;
    throw error;
  }
  if (touched === 0) return null;
  const dim = model.dim;
  const vectors = model.vectors;
  const weight = model.weight;
  const rows = e.touched;
  const sum = e.sum.fill(0);
  for (let i = 0; i < touched; i++) {
    const row = rows[i]!;
    const w = weight[row]! * (1 + Math.log(counts[row]!));
    counts[row] = 0;
    const o = row * dim;
    for (let k = 0; k < dim; k++) sum[k]! += w * vectors[o + k]!;
  }
  for (let k = 0; k < dim; k++) out[k] = sum[k]!;
  return normalize(out);
}

export function normalize(v: Float32Array): Float32Array | null {
  let norm = 0;
  for (let k = 0; k < v.length; k++) norm += v[k]! * v[k]!;
  if (!(norm > 0)) return null;
  norm = 1 / Math.sqrt(norm);
  for (let k = 0; k < v.length; k++) v[k]! *= norm;
  return v;
}

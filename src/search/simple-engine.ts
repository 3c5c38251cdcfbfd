/**
 * A first, simple engine: BM25 over all fields joined, Map-based postings. It answers the full
 * SearchEngine contract so other parts of paperfeed can build on it; the compact segment engine
 * replaces it.
 */
import type { Paper } from "../core/paper.js";
import { analyze } from "./analyze/analyzer.js";
import { dayNumber, dayRange } from "./days.js";
import type { SearchEngine, SearchHit, SearchRequest, SearchResult } from "./types.js";

interface DocInfo {
  id: string;
  day: number;
  categories: string[];
  hasCode: boolean;
  length: number;
  tf: Map<string, number>;
}

const K1 = 1.2;
const B = 0.75;

export function createSimpleEngine(): SearchEngine {
  const docs = new Map<string, DocInfo>();
  const df = new Map<string, number>();
  let totalLength = 0;

  const remove = (id: string) => {
    const doc = docs.get(id);
    if (!doc) return;
    for (const term of doc.tf.keys()) df.set(term, (df.get(term) ?? 1) - 1);
    totalLength -= doc.length;
    docs.delete(id);
  };

  return {
    get size() {
      return docs.size;
    },
    add(paper: Paper) {
      remove(paper.id);
      const text = [paper.title, paper.abstract, paper.authors.map((a) => a.name).join(", "), paper.comments ?? ""].join(" ");
      const terms = analyze(text);
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
      totalLength += terms.length;
      docs.set(paper.id, {
        id: paper.id,
        day: dayNumber(paper.announced),
        categories: paper.categories,
        hasCode: paper.codeLinks.length > 0,
        length: terms.length,
        tf,
      });
    },
    remove,
    search(request: SearchRequest): SearchResult {
      const started = performance.now();
      const terms = [...new Set(analyze(request.q ?? ""))];
      const f = request.filters ?? {};
      const from = f.from ? dayRange(f.from)?.first ?? -Infinity : -Infinity;
      const to = f.to ? dayRange(f.to)?.last ?? Infinity : Infinity;
      const cats = f.categories ?? [];
      const avg = totalLength / Math.max(1, docs.size);
      const hits: Array<SearchHit & { day: number }> = [];
      for (const doc of docs.values()) {
        if (doc.day < from || doc.day > to) continue;
        if (f.hasCode && !doc.hasCode) continue;
        if (cats.length && !doc.categories.some((c) => cats.some((w) => c === w || c.startsWith(w.endsWith(".") ? w : `${w}.`) || c.split(".")[0] === w))) continue;
        let score = 0;
        for (const t of terms) {
          const n = doc.tf.get(t);
          if (!n) continue;
          const idf = Math.log(1 + (docs.size - df.get(t)! + 0.5) / (df.get(t)! + 0.5));
          score += (idf * n * (K1 + 1)) / (n + K1 * (1 - B + (B * doc.length) / avg));
        }
        if (terms.length && score === 0) continue;
        hits.push({ id: doc.id, score, day: doc.day });
      }
      const sort = request.sort ?? (terms.length ? "relevance" : "newest");
      if (sort === "relevance") hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
      else if (sort === "newest") hits.sort((a, b) => b.day - a.day || (a.id < b.id ? 1 : -1));
      else hits.sort((a, b) => a.day - b.day || (a.id < b.id ? -1 : 1));
      const offset = Math.min(10_000, Math.max(0, request.offset ?? 0));
      const limit = Math.min(200, Math.max(1, request.limit ?? 20));
      return {
        total: hits.length,
        hits: hits.slice(offset, offset + limit).map(({ id, score }) => ({ id, score: sort === "relevance" ? score : 0 })),
        highlightTerms: terms,
        tookMs: performance.now() - started,
      };
    },
  };
}

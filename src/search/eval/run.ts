/**
 * `paperfeed eval`: retrieval quality of our engine against SQLite FTS5 (bm25, title 2×) on a
 * BEIR data set. Both engines index the same documents and answer the same queries, reduced to
 * plain words; each ranking (top 100) is scored against the qrels with trec_eval's definitions.
 *
 * Two tasks: `search` answers queries.jsonl; `related` ("papers like this one") takes each judged
 * query id as a corpus document and asks for papers like it — ours by `relatedPapers` over the
 * document's title and text, FTS5 by the same text as plain words — the document itself left out.
 * Either task scores one or all of our rankings (`mode`): lexical, semantic (corpus vectors) and
 * hybrid (for `related`, the semantic neighbours fused through `relatedPapers`' `semantic` option).
 */
import path from "node:path";
import { createFts5Baseline } from "../../store/sqlite/fts5-baseline.js";
import { PaperfeedError } from "../../core/errors.js";
import type { Paper } from "../../core/paper.js";
import { createSearchEngine, type SearchEngineOptions } from "../index.js";
import { relatedPapers, type RelatedRanker } from "../related.js";
import { documentAsPaper, plainWords, syntheticArxivId } from "./as-paper.js";
import { chooseSplit, readCorpus, readQrels, readQueries, type BeirDoc } from "./beir.js";
import { evaluateRankings, type Judgements, type Metrics } from "./metrics.js";
import { buildSemanticIndex } from "../semantic/build.js";
import { hybridSearch } from "../semantic/hybrid-search.js";

/** Which rankings of ours to score: lexical (BM25F), semantic (corpus vectors), hybrid (both fused), or all. */
export type EvaluationMode = "lexical" | "semantic" | "hybrid" | "all";
export const EVALUATION_MODES: readonly EvaluationMode[] = ["lexical", "semantic", "hybrid", "all"];

export interface EvaluationOptions {
  /** qrels split to score ("test", "dev", "train", …). Default: test, else dev, else train. */
  split?: string;
  /** Directory for the FTS5 baseline's temporary database. Default: the OS temp dir. */
  tmpDir?: string;
  /** Passed to `createSearchEngine`. Default: the engine's defaults. */
  engine?: SearchEngineOptions;
  /** Rankings of ours to score; default "lexical". */
  mode?: EvaluationMode;
  /** What is measured; default "search". */
  task?: EvaluationTask;
  /**
   * A semantic side for `related`: given every document as it is indexed, then asked through
   * `related` and fused with ours (related.ts). Without it ours is lexical alone.
   */
  semantic?: { add(paper: Paper): void; related: RelatedRanker };
  /** Called with a short line at each stage (loading, indexing, querying). */
  onProgress?: (message: string) => void;
}

export type EvaluationTask = "search" | "related";
export const EVALUATION_TASKS: readonly EvaluationTask[] = ["search", "related"];

export interface EvaluationResult {
  /** Data set name: the directory's base name. */
  dataset: string;
  task: EvaluationTask;
  split: string;
  /** Documents indexed. */
  docs: number;
  /** Judged queries scored. */
  queries: number;
  /** Our lexical ranking (absent in mode "semantic" or "hybrid"). */
  ours?: Metrics;
  semantic?: Metrics;
  hybrid?: Metrics;
  fts5: Metrics;
  /** Wall time of indexing and of answering all queries, per engine, in milliseconds. */
  timings: { ours: { indexMs: number; queryMs: number }; fts5: { indexMs: number; queryMs: number } };
}

/** Ranking depth: Recall@100 needs the top 100. */
const DEPTH = 100;

/**
 * Top-`DEPTH` document ids without the query's own id: BEIR's evaluation ignores a document whose
 * id equals the query id (ArguAna and Quora hold their queries in the corpus), so one more is asked for.
 */
const ranking = (queryId: string, docIds: string[]) => docIds.filter((id) => id !== queryId).slice(0, DEPTH);
const BATCH = 5_000;

export async function runEvaluation(dir: string, options: EvaluationOptions = {}): Promise<EvaluationResult> {
  const progress = options.onProgress ?? (() => {});
  const task = options.task ?? "search";
  const split = chooseSplit(dir, options.split);
  const queries = await readQueries(dir);
  // Only judged queries that have a text are scored (as BEIR does).
  const qrels = new Map<string, Judgements>();
  for (const [queryId, judged] of await readQrels(dir, split))
    if (task === "related" || queries.has(queryId)) qrels.set(queryId, judged);

  const mode = options.mode ?? "lexical";
  const wants = (m: EvaluationMode) => mode === m || mode === "all";
  const papers: Paper[] = [];
  // Quality, not speed: no time budget, so a loaded machine cannot cut rankings short.
  const engine = createSearchEngine({ timeBudgetMs: 0, ...options.engine });
  const fts5 = createFts5Baseline(options.tmpDir ? { dir: options.tmpDir } : {});
  try {
    const docIdOf = new Map<string, string>();
    // related: the text and our id of each judged document, which is its own query.
    const examples = new Map<string, { id: string; title: string; text: string }>();
    const timings = { ours: { indexMs: 0, queryMs: 0 }, fts5: { indexMs: 0, queryMs: 0 } };
    let batch: BeirDoc[] = [];
    const flush = () => {
      let started = performance.now();
      for (const doc of batch) {
        const id = syntheticArxivId(docIdOf.size);
        docIdOf.set(id, doc.docId);
        const paper = documentAsPaper(id, doc.title, doc.text);
        engine.add(paper);
        if (mode !== "lexical") papers.push(paper);
        options.semantic?.add(paper);
        if (task === "related" && qrels.has(doc.docId)) examples.set(doc.docId, { id, title: doc.title, text: doc.text });
      }
      timings.ours.indexMs += performance.now() - started;
      started = performance.now();
      fts5.add(batch);
      timings.fts5.indexMs += performance.now() - started;
      batch = [];
      progress(`indexed ${docIdOf.size} documents`);
    };
    for await (const doc of readCorpus(dir)) {
      batch.push(doc);
      if (batch.length >= BATCH) flush();
    }
    flush();
    // The engine may buffer added papers until the first search; make that work part of indexing.
    const started = performance.now();
    engine.search({ q: "", limit: 1 });
    timings.ours.indexMs += performance.now() - started;

    if (task === "related") {
      const missing = [...qrels.keys()].find((queryId) => !examples.has(queryId));
      if (missing !== undefined)
        throw new PaperfeedError("search", "beir_bad_query", `eval: --task related: query ${missing} of qrels/${split}.tsv is not a document of the corpus`);
    }
    const semantic = mode === "lexical" ? null : await buildSemanticIndex(() => [papers], { onProgress: progress });
    const semanticRanks = new Map<string, string[]>();
    const hybridRanks = new Map<string, string[]>();
    const docIds = (hits: { id: string }[]) => hits.map((hit) => docIdOf.get(hit.id) ?? hit.id);
    // related, hybrid: the corpus vectors' neighbours are the related path's own semantic side.
    const semanticRelated: RelatedRanker | undefined = semantic
      ? (query, limit) => semantic.related(query.id, limit).map((hit) => ({ id: hit.id, score: hit.score, parts: { semantic: hit.score } }))
      : undefined;

    progress(`answering ${qrels.size} queries (split ${split}${task === "related" ? ", task related" : ""})`);
    const ours = new Map<string, string[]>();
    const baseline = new Map<string, string[]>();
    for (const queryId of qrels.keys()) {
      const example = examples.get(queryId);
      const relatedQuery = example && { id: example.id, title: example.title, abstract: example.text };
      const q = plainWords(example ? `${example.title} ${example.text}` : queries.get(queryId)!);
      if (!q) continue;
      let started = performance.now();
      const ids = relatedQuery
        ? relatedPapers(engine, relatedQuery, { limit: DEPTH, semantic: options.semantic?.related }).map((r) => r.id)
        : engine.search({ q, limit: DEPTH + 1, sort: "relevance" }).hits.map((hit) => hit.id);
      timings.ours.queryMs += performance.now() - started;
      ours.set(
        queryId,
        ranking(
          queryId,
          ids.map((id) => docIdOf.get(id) ?? id),
        ),
      );
      started = performance.now();
      baseline.set(
        queryId,
        ranking(
          queryId,
          fts5.search(q, DEPTH + 1).map((hit) => hit.docId),
        ),
      );
      timings.fts5.queryMs += performance.now() - started;
      if (semantic && wants("semantic")) {
        const hits = relatedQuery ? semanticRelated!(relatedQuery, DEPTH + 1) : semantic.search(q, DEPTH + 1);
        semanticRanks.set(queryId, ranking(queryId, docIds(hits)));
      }
      if (semantic && wants("hybrid")) {
        const hits = relatedQuery
          ? relatedPapers(engine, relatedQuery, { limit: DEPTH, semantic: semanticRelated })
          : hybridSearch(engine, semantic, q, DEPTH + 1);
        hybridRanks.set(queryId, ranking(queryId, docIds(hits)));
      }
    }
    return {
      dataset: path.basename(path.resolve(dir)),
      task,
      split,
      docs: docIdOf.size,
      queries: qrels.size,
      ours: wants("lexical") ? evaluateRankings(ours, qrels) : undefined,
      semantic: wants("semantic") ? evaluateRankings(semanticRanks, qrels) : undefined,
      hybrid: wants("hybrid") ? evaluateRankings(hybridRanks, qrels) : undefined,
      fts5: evaluateRankings(baseline, qrels),
      timings,
    };
  } finally {
    fts5.close();
  }
}

const ROWS: Array<[string, keyof Metrics]> = [
  ["nDCG@10", "ndcg10"],
  ["Recall@100", "recall100"],
  ["MRR@10", "mrr10"],
];

/** A small plain-text table: one row per metric, a column per ranking of ours, FTS5, and ours − FTS5. */
export function formatEvaluation(result: EvaluationResult): string {
  const cell = (s: string, width: number) => s.padStart(width);
  const signed = (x: number) => (x >= 0 ? "+" : "") + x.toFixed(4);
  const columns: Array<[string, Metrics]> = [];
  if (result.ours) columns.push([result.semantic || result.hybrid ? "lexical" : "paperfeed", result.ours]);
  if (result.semantic) columns.push(["semantic", result.semantic]);
  if (result.hybrid) columns.push(["hybrid", result.hybrid]);
  const best = columns.at(-1)!;
  const lines = [
    `${result.dataset} (qrels ${result.split}${result.task === "related" ? ", task related" : ""}): ${result.docs.toLocaleString("en-US")} documents, ${result.queries.toLocaleString("en-US")} queries`,
    `${"metric".padEnd(12)}${columns.map(([name]) => cell(name, 11)).join("")}${cell("FTS5 bm25", 11)}${cell("difference", 12)}`,
  ];
  for (const [label, key] of ROWS) {
    const fts5 = result.fts5[key];
    lines.push(
      `${label.padEnd(12)}${columns.map(([, m]) => cell(m[key].toFixed(4), 11)).join("")}${cell(fts5.toFixed(4), 11)}${cell(signed(best[1][key] - fts5), 12)}`,
    );
  }
  if (columns.length > 1) lines.push(`difference: ${best[0]} − FTS5`);
  const ms = (x: number) => `${Math.round(x).toLocaleString("en-US")} ms`;
  lines.push(
    `index time: paperfeed ${ms(result.timings.ours.indexMs)}, FTS5 ${ms(result.timings.fts5.indexMs)}; ` +
      `query time (all queries): paperfeed ${ms(result.timings.ours.queryMs)}, FTS5 ${ms(result.timings.fts5.queryMs)}`,
  );
  return lines.join("\n");
}

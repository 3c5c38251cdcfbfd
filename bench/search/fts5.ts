/** Child-process task for the SQLite FTS5 baseline: build from the corpus file, then time queries. */
import { createFts5Baseline } from "../../src/store/sqlite/fts5-baseline.js";
import { readCorpusFile } from "../corpus-file.js";
import { toBaselineText, type BenchQuery } from "../queries.js";
import { cpuMsSince, msSince, peakRssBytes } from "../stats.js";
import { measureQueries, type QueryTimings } from "./measure.js";

export interface Fts5Args {
  corpusFile: string;
  /** Directory for the temporary database. */
  tmpDir: string;
  queries: BenchQuery[];
  /** Stop timing queries after this many milliseconds. */
  budgetMs: number;
}

export interface Fts5Result {
  papers: number;
  /** Inserting every paper plus the final merge, without reading the corpus file. */
  buildMs: number;
  /** CPU time of the same (SQLite runs on this thread). */
  buildCpuMs?: number;
  optimizeMs: number;
  diskBytes: number;
  queries: QueryTimings;
  peakRssBytes: number;
}

export async function runFts5(args: Fts5Args): Promise<Fts5Result> {
  const fts5 = createFts5Baseline({ dir: args.tmpDir });
  try {
    let buildMs = 0;
    let buildCpuMs = 0;
    for await (const batch of readCorpusFile(args.corpusFile, 10_000)) {
      const docs = batch.map((paper) => ({ docId: paper.id, title: paper.title, text: paper.abstract }));
      const t = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      fts5.add(docs);
      buildMs += msSince(t);
      buildCpuMs += cpuMsSince(cpu);
    }
    const t = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    fts5.optimize();
    const optimizeMs = msSince(t);
    buildCpuMs += cpuMsSince(cpu);
    const queries = measureQueries(args.queries, (query) => fts5.search(toBaselineText(query), 10).length, {
      warmup: 10,
      budgetMs: args.budgetMs,
    });
    return {
      papers: fts5.size,
      buildMs: buildMs + optimizeMs,
      buildCpuMs,
      optimizeMs,
      diskBytes: fts5.fileBytes(),
      queries,
      peakRssBytes: peakRssBytes(),
    };
  } finally {
    fts5.close();
  }
}

/**
 * Child-process tasks for our engine: build it from a corpus file (time, memory, peak RSS, index
 * on disk), then, in a fresh process, load it (cold start), time the query set and run the fuzz.
 * When the engine cannot be saved yet, the build process runs the queries itself.
 */
import fs from "node:fs";
import path from "node:path";
import type { SearchEngine } from "../../src/search/index.js";
import { readCorpusFile } from "../corpus-file.js";
import { toSearchRequest, type BenchQuery } from "../queries.js";
import { liveBytes, msSince, peakRssBytes } from "../stats.js";
import { newEngine, persistence } from "./engine-adapter.js";
import { runFuzz, type FuzzResult } from "./fuzz-run.js";
import { measureQueries, type QueryTimings } from "./measure.js";

export interface OursArgs {
  corpusFile: string;
  indexDir: string;
  queries: BenchQuery[];
  /** Hostile strings to try after the query set; 0 for none. */
  fuzz: number;
}

export interface OursBuildResult {
  papers: number;
  /** Wall time of adding every paper and finishing, without reading the corpus file. */
  buildMs: number;
  /** Wall time including reading and parsing the corpus file. */
  wallMs: number;
  /** Live heap + off-heap bytes the built engine holds. */
  memoryBytes: number;
  /** Bytes of the saved index; null when the engine cannot be saved. */
  diskBytes: number | null;
  saveMs: number | null;
  peakRssBytes: number;
  /** Set when the engine cannot be saved, so this process measured the queries. */
  serve?: OursServeResult;
}

export interface OursServeResult {
  /** Time to load the saved index in a fresh process; null when it cannot be saved. */
  coldStartMs: number | null;
  queries: QueryTimings;
  fuzz?: FuzzResult;
  peakRssBytes: number;
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(full) : fs.statSync(full).size;
  }
  return total;
}

export async function buildOurs(args: OursArgs): Promise<OursBuildResult> {
  const before = liveBytes();
  const wallStart = process.hrtime.bigint();
  const subject = newEngine();
  let buildMs = 0;
  for await (const batch of readCorpusFile(args.corpusFile)) {
    const t = process.hrtime.bigint();
    subject.add(batch);
    buildMs += msSince(t);
  }
  const t = process.hrtime.bigint();
  subject.finish();
  buildMs += msSince(t);
  const wallMs = msSince(wallStart);
  const memoryBytes = liveBytes() - before;
  const result: OursBuildResult = { papers: subject.engine.size, buildMs, wallMs, memoryBytes, diskBytes: null, saveMs: null, peakRssBytes: 0 };
  if (persistence) {
    fs.rmSync(args.indexDir, { recursive: true, force: true });
    fs.mkdirSync(args.indexDir, { recursive: true });
    const s = process.hrtime.bigint();
    await persistence.save(subject.engine, args.indexDir);
    result.saveMs = msSince(s);
    result.diskBytes = dirBytes(args.indexDir);
  } else {
    result.serve = serve(subject.engine, null, args);
  }
  result.peakRssBytes = peakRssBytes();
  return result;
}

export async function serveOurs(args: OursArgs): Promise<OursServeResult> {
  if (!persistence) throw new Error("bench: the engine cannot be loaded from disk");
  const t = process.hrtime.bigint();
  const engine = await persistence.load(args.indexDir);
  return serve(engine, msSince(t), args);
}

function serve(engine: SearchEngine, coldStartMs: number | null, args: OursArgs): OursServeResult {
  const queries = measureQueries(args.queries, (query) => engine.search(toSearchRequest(query)).hits.length);
  const fuzz = args.fuzz > 0 ? runFuzz(engine, args.fuzz) : undefined;
  return { coldStartMs, queries, ...(fuzz ? { fuzz } : {}), peakRssBytes: peakRssBytes() };
}

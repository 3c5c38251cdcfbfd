/**
 * Child-process tasks for our engine: build it from a corpus file (time, memory, peak RSS, index
 * on disk), then, in a fresh process, load it (cold start), time the query set and run the fuzz.
 */
import fs from "node:fs";
import path from "node:path";
import type { Paper } from "../../src/core/paper.js";
import type { SearchEngine } from "../../src/search/index.js";
import { readCorpusFile } from "../corpus-file.js";
import { toSearchRequest, type BenchQuery } from "../queries.js";
import { cpuMsSince, liveBytes, msSince, peakRssBytes, summarize, type LatencySummary } from "../stats.js";
import { relatedPapers } from "../../src/search/related.js";
import { buildEngine, loadEngine, saveIndex, verifyIndex } from "./engine-adapter.js";
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
  /** Wall time of the build, without reading and parsing the corpus file. */
  buildMs: number;
  /** CPU time of the build (without reading): what it would take on an otherwise idle core; absent in older results. */
  buildCpuMs?: number;
  /** Wall time including reading and parsing the corpus file. */
  wallMs: number;
  /** Live heap + off-heap bytes the built engine holds. */
  memoryBytes: number;
  /** Bytes of the saved index. */
  diskBytes: number;
  saveMs: number;
  peakRssBytes: number;
}

export interface OursServeResult {
  /** Loading the saved index in a fresh process, up to the first answer. */
  coldStartMs: number;
  /** Verifying the loaded files' checksums, which a server does in the background after loading. */
  verifyMs?: number;
  queries: QueryTimings;
  /** "Papers like this one" (src/search/related.ts) for sample papers of the corpus, top 10. */
  related?: RelatedTimings;
  fuzz?: FuzzResult;
  peakRssBytes: number;
}

export interface RelatedTimings {
  wall: LatencySummary;
  cpu: LatencySummary;
  meanHits: number;
}

/** Papers asked for their related papers: every RELATED_STRIDE-th of the corpus file, up to RELATED_PAPERS. */
const RELATED_PAPERS = 1_000;
const RELATED_STRIDE = 97;
const RELATED_WARMUP = 50;

async function samplePapers(file: string): Promise<Paper[]> {
  const out: Paper[] = [];
  let seen = 0;
  for await (const batch of readCorpusFile(file)) {
    for (const paper of batch) if (seen++ % RELATED_STRIDE === 0) out.push(paper);
    if (out.length >= RELATED_PAPERS + RELATED_WARMUP) break;
  }
  return out;
}

function measureRelated(engine: SearchEngine, papers: readonly Paper[]): RelatedTimings {
  for (const paper of papers.slice(0, RELATED_WARMUP)) relatedPapers(engine, paper, { limit: 10 });
  const wall: number[] = [];
  const cpu: number[] = [];
  let hits = 0;
  for (const paper of papers.slice(RELATED_WARMUP)) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    hits += relatedPapers(engine, paper, { limit: 10 }).length;
    wall.push(msSince(t));
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: summarize(wall), cpu: summarize(cpu), meanHits: hits / Math.max(1, wall.length) };
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(full) : fs.statSync(full).size;
  }
  return total;
}

/** The corpus file's batches, adding the wall and CPU time spent reading them to `clock`. */
async function* timedRead(file: string, clock: { ms: number; cpuMs: number }): AsyncGenerator<Paper[]> {
  const batches = readCorpusFile(file);
  for (;;) {
    const t = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const next = await batches.next();
    clock.ms += msSince(t);
    clock.cpuMs += cpuMsSince(cpu);
    if (next.done) return;
    yield next.value;
  }
}

export async function buildOurs(args: OursArgs): Promise<OursBuildResult> {
  const before = liveBytes();
  const reading = { ms: 0, cpuMs: 0 };
  const wallStart = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const engine = await buildEngine(timedRead(args.corpusFile, reading));
  const wallMs = msSince(wallStart);
  const buildCpuMs = cpuMsSince(cpuStart) - reading.cpuMs;
  const memoryBytes = liveBytes() - before;
  fs.rmSync(args.indexDir, { recursive: true, force: true });
  const t = process.hrtime.bigint();
  saveIndex(engine, args.indexDir);
  const saveMs = msSince(t);
  return {
    papers: engine.size,
    buildMs: wallMs - reading.ms,
    buildCpuMs,
    wallMs,
    memoryBytes,
    diskBytes: dirBytes(args.indexDir),
    saveMs,
    peakRssBytes: peakRssBytes(),
  };
}

/** A share of the fuzz in a process of its own (several run at once, one per core). */
export async function fuzzOurs(args: OursArgs & { part: number; parts: number }): Promise<FuzzResult> {
  const engine = loadEngine(args.indexDir);
  return runFuzz(engine, args.fuzz, undefined, args.part, args.parts);
}

export async function serveOurs(args: OursArgs): Promise<OursServeResult> {
  const t = process.hrtime.bigint();
  const engine = loadEngine(args.indexDir);
  const coldStartMs = msSince(t);
  const v = process.hrtime.bigint();
  const problem = await verifyIndex(args.indexDir, engine);
  if (problem !== null) throw new Error(problem);
  const result = serve(engine, coldStartMs, msSince(v), args);
  result.related = measureRelated(engine, await samplePapers(args.corpusFile));
  return result;
}

function serve(engine: SearchEngine, coldStartMs: number, verifyMs: number, args: OursArgs): OursServeResult {
  const queries = measureQueries(args.queries, (query) => engine.search(toSearchRequest(query)).hits.length);
  const fuzz = args.fuzz > 0 ? runFuzz(engine, args.fuzz) : undefined;
  return { coldStartMs, verifyMs, queries, ...(fuzz ? { fuzz } : {}), peakRssBytes: peakRssBytes() };
}

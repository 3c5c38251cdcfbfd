/**
 * `npm run bench -- --parts http`: pages and API under load, as a visitor of a busy instance
 * gets them. `paperfeed serve` runs as a user starts it (its default web processes, on
 * 127.0.0.1, no jobs); the load comes from another process (load.ts: 50 keep-alive connections,
 * each sending its next request as soon as the previous answer arrived, like autocannon).
 *
 * Scenarios: the demo papers (a fresh database, as `serve` fills it) for the daily page, a search
 * page, the Hugging Face-compatible search and a paper page, with `/healthz` as the ceiling of
 * the HTTP layer itself; and for each `--sizes` size, a database imported from the search bench's
 * corpus (as a Kaggle-format file, kept in bench/out/http/) with the search bench's query mix
 * replayed, each request the next query, so that nothing is answered from a cache of queries.
 *
 * Beside req/s and latency, the server's CPU time per request (all its processes, from
 * /proc) is the figure that survives a shared machine: wall-clock rates fall when other work
 * takes the cores, CPU per request much less.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { CorpusGenerator } from "../corpus.js";
import { sizeLabel } from "../corpus-file.js";
import { ensureKaggleFile } from "../kaggle-file.js";
import { cliEnv, OUT_DIR, REPO_ROOT } from "../paths.js";
import { buildQuerySet, type BenchQuery } from "../queries.js";
import type { LoadArgs, LoadResult } from "./load.js";

export interface HttpBenchOptions {
  connections: number;
  warmupMs: number;
  durationMs: number;
  /** `serve --workers`; undefined: serve's default (one per core, at most 8). */
  workers?: number;
  log: (message: string) => void;
}

export interface ScenarioResult extends LoadResult {
  name: string;
  /** What the figures are held against, e.g. "≥ 3,000 req/s, p99 ≤ 50 ms"; none for reference rows. */
  target?: { reqPerSec: number; p99Ms: number };
  /** CPU ms (user + system) of all server processes per request answered. */
  serverCpuMsPerRequest: number;
  /** Minor page faults of all server processes per request answered (see usageOfTree). */
  serverFaultsPerRequest: number;
  /** CPU ms of the load generator per request, for scale. */
  loadCpuMsPerRequest: number;
  loadAverage: number;
}

export interface HttpRun {
  label: string;
  papers: number;
  workers: number;
  queries?: number;
  scenarios: ScenarioResult[];
}

const SERVE_FLAGS = ["--no-jobs", "--no-harvest", "--no-thumbnails", "--arxiv-api-url", "off", "--log-level", "warn"];
const CLI = path.join(REPO_ROOT, "bin", "paperfeed.js");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * CPU ms (user + system) and minor page faults of a process and its children so far, from /proc
 * (CPU in clock ticks of 10 ms). Faults are counted because on some virtual machines a first
 * touch of memory costs 15–20 µs (a fresh 4 KB page from the host), so a path that takes memory
 * from the OS and gives it back pays for it in system time.
 */
function usageOfTree(pid: number): { cpuMs: number; minorFaults: number } {
  const read = (p: string) => {
    const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields from the state on: minflt is the 8th, utime the 12th, stime the 13th (10th, 14th and 15th of the line).
    return { ppid: Number(fields[1]), faults: Number(fields[7]), cpu: Number(fields[11]) + Number(fields[12]) };
  };
  let ticks = 0;
  let minorFaults = 0;
  for (const p of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const { ppid, faults, cpu } = read(p);
      if (Number(p) === pid || ppid === pid) {
        ticks += cpu;
        minorFaults += faults;
      }
    } catch {
      // A process that ended between listing and reading.
    }
  }
  return { cpuMs: ticks * 10, minorFaults };
}

interface Server {
  process: ChildProcess;
  port: number;
  stop(): Promise<void>;
}

async function startServe(db: string, extra: string[], workers: number | undefined): Promise<Server> {
  const port = await freePort();
  const args = [CLI, "serve", "--db", db, "--port", String(port), ...SERVE_FLAGS, ...extra];
  if (workers !== undefined) args.push("--workers", String(workers));
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: cliEnv(), stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("is listening on")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`bench: serve exited with ${code} before listening`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { process: child, port, stop };
}

async function load(args: LoadArgs): Promise<LoadResult> {
  const argsFile = path.join(OUT_DIR, "tmp", `http-load-${process.pid}.json`);
  fs.mkdirSync(path.dirname(argsFile), { recursive: true });
  fs.writeFileSync(argsFile, JSON.stringify(args));
  try {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "load.ts"), argsFile], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    if (code !== 0) throw new Error(`bench: the load generator exited with ${code}`);
    return JSON.parse(out) as LoadResult;
  } finally {
    fs.rmSync(argsFile, { force: true });
  }
}

/**
 * Reads the files once, so that a scenario starts with them in the OS file cache, as a
 * long-running server's database and index are when the machine's memory holds them. This host
 * gives clean cached pages back within minutes (a 3 GB database read whole was half cached a
 * quarter of an hour later, with 21 GB free), and a paper read from disk instead of the cache
 * cost 134 against 15 us of wall time (1M papers, 4,000 random papers in one process): a
 * results page's 20 papers then took a quarter of its CPU and more of its latency, which measured
 * the disk of the hour rather than paperfeed.
 */
function warmFileCache(files: readonly string[]): { bytes: number; ms: number } {
  const started = performance.now();
  const buffer = Buffer.allocUnsafe(16 << 20);
  let bytes = 0;
  for (const file of files) {
    const fd = fs.openSync(file, "r");
    try {
      for (let read; (read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0; ) bytes += read;
    } finally {
      fs.closeSync(fd);
    }
  }
  return { bytes, ms: performance.now() - started };
}

/** The database file and the saved index's files beside it. */
function storeFiles(db: string): string[] {
  const index = `${db}.index`;
  const saved = fs.existsSync(index) ? fs.readdirSync(index).map((f) => path.join(index, f)) : [];
  return [db, ...saved.filter((f) => fs.statSync(f).isFile())];
}

async function scenario(
  server: Server,
  name: string,
  paths: string[],
  options: HttpBenchOptions,
  target?: ScenarioResult["target"],
  unique = false,
  warmupPaths?: string[],
  cachedFiles: readonly string[] = [],
): Promise<ScenarioResult> {
  if (cachedFiles.length > 0) {
    const { bytes, ms } = warmFileCache(cachedFiles);
    options.log(`http: ${name}: read the database and index once (${(bytes / 2 ** 30).toFixed(2)} GiB in ${(ms / 1000).toFixed(1)} s), so they start in the OS file cache`);
  }
  options.log(`http: ${name} (${options.connections} connections, ${options.warmupMs / 1000} s of warm-up, ${options.durationMs / 1000} s timed)`);
  const args: LoadArgs = {
    port: server.port,
    paths,
    connections: options.connections,
    warmupMs: options.warmupMs,
    durationMs: options.durationMs,
    timeoutMs: 10_000,
    unique,
    ...(warmupPaths ? { warmupPaths } : {}),
  };
  // The warm-up is not counted: server CPU is read over the timed part only, by waiting it out.
  const pid = server.process.pid!;
  const loadCpuBefore = childrenCpuMs();
  const running = load(args);
  await new Promise((r) => setTimeout(r, options.warmupMs));
  const before = usageOfTree(pid);
  await new Promise((r) => setTimeout(r, options.durationMs));
  const after = usageOfTree(pid);
  const result = await running;
  const loadCpu = childrenCpuMs() - loadCpuBefore;
  const answered = Math.max(1, result.requests);
  return {
    name,
    ...result,
    ...(target ? { target } : {}),
    serverCpuMsPerRequest: (after.cpuMs - before.cpuMs) / answered,
    serverFaultsPerRequest: (after.minorFaults - before.minorFaults) / answered,
    // The generator's warm-up is in its CPU too; its timed share is the larger part.
    loadCpuMsPerRequest: (loadCpu * options.durationMs) / (options.warmupMs + options.durationMs) / answered,
    loadAverage: os.loadavg()[0]!,
  };
}

/** CPU ms of this process's ended children (the load generators), from getrusage. */
function childrenCpuMs(): number {
  const text = fs.readFileSync(`/proc/${process.pid}/stat`, "utf8");
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  // cutime and cstime: the 14th and 15th fields from the state on.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

async function json<T>(port: number, target: string): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${port}${target}`);
  if (!response.ok) throw new Error(`bench: ${target} answered ${response.status}`);
  return (await response.json()) as T;
}

const DEMO_TARGET = { reqPerSec: 3_000, p99Ms: 50 };

export async function httpDemoBench(options: HttpBenchOptions): Promise<HttpRun> {
  fs.mkdirSync(path.join(OUT_DIR, "tmp"), { recursive: true });
  const dir = fs.mkdtempSync(path.join(OUT_DIR, "tmp", "http-demo-"));
  const db = path.join(dir, "demo.db");
  options.log("http: demo: serve on a fresh database (the demo papers are imported at start)");
  const server = await startServe(db, [], options.workers);
  try {
    const found = await json<{ total: number; results: Array<{ paper: { id: string } }> }>(server.port, "/api/v1/search?q=neural+networks&limit=1");
    const paper = found.results[0]?.paper.id;
    if (!paper) throw new Error("bench: the demo papers have no match for neural networks");
    const all = await json<{ total: number }>(server.port, "/api/v1/search?limit=1");
    const scenarios = [
      await scenario(server, "`/healthz` (the HTTP layer alone)", ["/healthz"], options),
      await scenario(server, "`/`", ["/"], options, DEMO_TARGET),
      await scenario(server, "`/search?q=neural+networks`", ["/search?q=neural+networks"], options, DEMO_TARGET),
      await scenario(server, "`/api/papers/search?q=neural+networks`", ["/api/papers/search?q=neural+networks"], options),
      await scenario(server, `\`/papers/${paper}\``, [`/papers/${paper}`], options),
    ];
    return { label: "demo", papers: all.total, workers: workersOf(server), scenarios };
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Web processes: the node children of `serve` (tsx's esbuild service is a child too). */
function workersOf(server: Server): number {
  let count = 0;
  for (const p of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8");
      const isNode = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) === "node";
      if (isNode && Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === server.process.pid) count++;
    } catch {
      // Ended meanwhile.
    }
  }
  return Math.max(1, count);
}

/** A bench query as URL parameters: the phrase quoted, filters as the API's and the page's own parameters. */
export function queryParams(query: BenchQuery): string {
  const params = new URLSearchParams({ q: query.phrase ? `"${query.terms.join(" ")}"` : query.terms.join(" ") });
  const cat = query.filters?.categories?.[0];
  if (cat) params.set("cat", cat);
  if (query.filters?.from) params.set("from", query.filters.from);
  if (query.filters?.to) params.set("to", query.filters.to);
  return params.toString();
}

/** The database of the corpus of `size`, imported once into bench/out/http/ and kept. */
async function corpusDatabase(generator: CorpusGenerator, size: number, seed: number, options: HttpBenchOptions): Promise<string> {
  const label = sizeLabel(size);
  const dir = path.join(OUT_DIR, "http");
  const db = path.join(dir, `papers-${label}-seed${seed}.db`);
  const done = `${db}.complete`;
  if (fs.existsSync(done)) return db;
  const file = await ensureKaggleFile(generator, path.join(OUT_DIR, "corpus"), size, seed, (written) => {
    if (written % 200_000 === 0) options.log(`http ${label}: generated ${written.toLocaleString("en-US")} Kaggle records`);
  });
  fs.mkdirSync(dir, { recursive: true });
  for (const stale of fs.readdirSync(dir).filter((f) => f.startsWith(path.basename(db)))) fs.rmSync(path.join(dir, stale), { recursive: true, force: true });
  options.log(`http ${label}: importing ${path.basename(file)} (kept for the next run)`);
  const code = await new Promise<number | null>((resolve) =>
    spawn(process.execPath, [CLI, "import", file, "--db", db, "--log-level", "warn"], { cwd: REPO_ROOT, env: cliEnv(), stdio: ["ignore", "inherit", "inherit"] }).on("exit", resolve),
  );
  if (code !== 0) throw new Error(`bench: paperfeed import exited with ${code}`);
  fs.writeFileSync(done, new Date().toISOString());
  return db;
}

/** The seed of the warm-up's query set; the timed queries use the bench's default (99). */
const WARMUP_QUERY_SEED = 7;

const LARGE_TARGETS = { api: { reqPerSec: 1_000, p99Ms: 100 }, page: { reqPerSec: 500, p99Ms: 100 } };

export async function httpCorpusBench(
  generator: CorpusGenerator,
  size: number,
  seed: number,
  queryCount: number,
  options: HttpBenchOptions,
): Promise<HttpRun> {
  const db = await corpusDatabase(generator, size, seed, options);
  const queries = buildQuerySet(generator, { count: queryCount, corpusSeed: seed, corpusSize: size });
  // The warm-up asks another query set's queries (WARMUP_QUERY_SEED), so no timed query was asked before.
  const warmup = buildQuerySet(generator, { count: queryCount, corpusSeed: seed, corpusSize: size, seed: WARMUP_QUERY_SEED });
  const api = (list: BenchQuery[]) => list.map((q) => `/api/v1/search?${queryParams(q)}&limit=10`);
  const page = (list: BenchQuery[]) => list.map((q) => `/search?${queryParams(q)}`);
  // Hugging Face's search has no filters: the words only.
  const hf = (list: BenchQuery[]) => list.map((q) => `/api/papers/search?${new URLSearchParams({ q: new URLSearchParams(queryParams(q)).get("q")! })}`);
  options.log(`http ${sizeLabel(size)}: serve over ${path.basename(db)}`);
  const server = await startServe(db, ["--no-demo"], options.workers);
  try {
    const scenarios = [
      // Every URL unique (load.ts), so that no whole answer is ever served from a cache.
      await scenario(server, "`/api/v1/search?limit=10`", api(queries), options, LARGE_TARGETS.api, true, api(warmup), storeFiles(db)),
      await scenario(server, "`/search`", page(queries), options, LARGE_TARGETS.page, true, page(warmup), storeFiles(db)),
      await scenario(server, "`/api/papers/search`", hf(queries), options, undefined, true, hf(warmup), storeFiles(db)),
    ];
    return { label: sizeLabel(size), papers: size, workers: workersOf(server), queries: queries.length, scenarios };
  } finally {
    await server.stop();
  }
}

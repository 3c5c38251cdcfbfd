/**
 * `npm run bench -- [options]`: search and import benchmarks. See bench/README.md.
 *
 * The parent learns the corpus model, writes each corpus and the query set once, and runs every
 * measurement in a child process of its own (our engine's build, our engine's cold start and
 * queries, FTS5, the import), so that memory figures never mix.
 */
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { CorpusGenerator } from "./corpus.js";
import { ensureCorpusFile, parseSize, sizeLabel } from "./corpus-file.js";
import { loadCorpusModel } from "./corpus/model-cache.js";
import { digestSection, type DigestArgs, type DigestResult } from "./digest.js";
import type { ImportArgs, ImportResult } from "./import.js";
import { runImportIndex } from "./import-index.js";
import { ensureKaggleFile } from "./kaggle-file.js";
import { arxivDataDir, OUT_DIR, REPO_ROOT, RESULTS_FILE } from "./paths.js";
import { buildQuerySet } from "./queries.js";
import { importIndexSection, importSection, machine, searchSection, updateResults, type SearchRun } from "./report.js";
import type { Fts5Args, Fts5Result } from "./search/fts5.js";
import { mergeFuzz, type FuzzResult } from "./search/fuzz-run.js";
import type { OursArgs, OursBuildResult, OursServeResult } from "./search/ours.js";
import { msSince } from "./stats.js";

const USAGE = `npm run bench -- [options]
  --sizes LIST        corpus sizes, e.g. 100k,1M,2.6M (default 100k)
  --parts LIST        search, fuzz, import, digest, for-you, import-index, http, http-demo,
                      healthz-import (default search,fuzz,import,digest); fuzz runs at the
                      largest size; http runs on the demo data and at each size, http-demo on
                      the demo data only; healthz-import imports the first 75,000 records of
                      the largest size's Kaggle file into a running serve
  --connections N     http: keep-alive connections (default 50)
  --seconds N         http: seconds timed per request kind (default 10)
  --warmup N          http: seconds of warm-up before each request kind is timed (default 20;
                      over a corpus, with another query set's queries)
  --workers N         http: serve --workers (default serve's own: one per core)
  --subscribers N     digest part: subscribers, each with 3 saved searches (default 100000)
  --queries N         queries timed on paperfeed (default 2000)
  --fts5-queries N    of those, how many FTS5 answers (default 300; 0 skips FTS5)
  --fts5-budget S     stop timing FTS5 after S seconds per size (default 600)
  --fuzz N            hostile query strings (default 100000)
  --seed N            corpus seed (default 1)
  --kaggle-dir DIR    import-index: where the Kaggle-format files are generated and kept
                      (default bench/out/corpus; 2.6M papers take about 4.5 GB)
  --cli PATH          import-index: bin/paperfeed.js of the checkout to measure (default this one)
  --no-write          print only; leave bench/RESULTS.md as it is`;

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "100k" },
    parts: { type: "string", default: "search,fuzz,import,digest" },
    subscribers: { type: "string", default: "100000" },
    queries: { type: "string", default: "2000" },
    "fts5-queries": { type: "string", default: "300" },
    "fts5-budget": { type: "string", default: "600" },
    fuzz: { type: "string", default: "100000" },
    seed: { type: "string", default: "1" },
    "kaggle-dir": { type: "string", default: path.join(OUT_DIR, "corpus") },
    cli: { type: "string" },
    connections: { type: "string", default: "50" },
    seconds: { type: "string", default: "10" },
    warmup: { type: "string", default: "20" },
    workers: { type: "string" },
    "no-write": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

function count(name: keyof typeof values, min: number): number {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < min) {
    console.error(`bench: --${name} must be an integer ≥ ${min}\n${USAGE}`);
    process.exit(2);
  }
  return value;
}

const sizes = String(values.sizes)
  .split(",")
  .map(parseSize)
  .sort((a, b) => a - b);
const parts = new Set(
  String(values.parts)
    .split(",")
    .map((p) => p.trim()),
);
const options = {
  queries: count("queries", 1),
  fts5Queries: count("fts5-queries", 0),
  fts5BudgetMs: count("fts5-budget", 1) * 1000,
  fuzz: count("fuzz", 0),
  seed: count("seed", 0),
};
const TMP = path.join(OUT_DIR, "tmp");
const log = (message: string) =>
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Runs one task in a fresh Node process and returns what it wrote. */
async function child<T>(task: string, args: unknown, tag = ""): Promise<T> {
  fs.mkdirSync(TMP, { recursive: true });
  // Named by this process, so that benchmark runs started side by side never read each other's files.
  const argsFile = path.join(TMP, `${task}${tag}-${process.pid}.args.json`);
  const resultFile = path.join(TMP, `${task}${tag}-${process.pid}.result.json`);
  fs.writeFileSync(argsFile, JSON.stringify(args));
  const nodeArgs = [
    "--expose-gc",
    "--max-old-space-size=16384",
    "--import",
    "tsx",
    path.join(REPO_ROOT, "bench/child.ts"),
    task,
    argsFile,
    resultFile,
  ];
  const code = await new Promise<number | null>((resolve) => {
    spawn(process.execPath, nodeArgs, { stdio: ["ignore", "inherit", "inherit"], cwd: REPO_ROOT }).on(
      "exit",
      resolve,
    );
  });
  try {
    if (code !== 0 || !fs.existsSync(resultFile))
      throw new Error(`bench: child task ${task} failed (exit ${code})`);
    return JSON.parse(fs.readFileSync(resultFile, "utf8")) as T;
  } finally {
    fs.rmSync(argsFile, { force: true });
    fs.rmSync(resultFile, { force: true });
  }
}

async function searchBench(generator: CorpusGenerator, size: number, fuzz: number): Promise<SearchRun> {
  const label = sizeLabel(size);
  log(`${label}: corpus file`);
  const corpusFile = await ensureCorpusFile(generator, size, options.seed, (written) => {
    if (written % 200_000 === 0) log(`${label}: generated ${written.toLocaleString("en-US")} papers`);
  });
  const queries = buildQuerySet(generator, {
    count: options.queries,
    corpusSeed: options.seed,
    corpusSize: size,
  });
  const oursArgs: OursArgs = {
    corpusFile,
    indexDir: path.join(TMP, `index-${label}-${process.pid}`),
    queries,
    fuzz,
  };
  log(`${label}: building paperfeed's index`);
  const build = await child<OursBuildResult>("ours-build", oursArgs);
  log(`${label}: loading it in a fresh process, timing ${queries.length} queries`);
  const serve = await child<OursServeResult>("ours-serve", { ...oursArgs, fuzz: 0 });
  if (fuzz > 0) {
    // The fuzz needs no timing precision: one process per core shares it.
    const parts = Math.max(1, Math.min(4, availableParallelism()));
    log(`${label}: ${fuzz} fuzz strings in ${parts} processes`);
    const started = process.hrtime.bigint();
    const results = await Promise.all(
      Array.from({ length: parts }, (_, part) =>
        child<FuzzResult>(`ours-fuzz`, { ...oursArgs, part, parts }, `${part}`),
      ),
    );
    serve.fuzz = mergeFuzz(results, msSince(started));
  }
  fs.rmSync(oursArgs.indexDir, { recursive: true, force: true });
  let fts5: Fts5Result | null = null;
  if (options.fts5Queries > 0) {
    log(`${label}: building FTS5, timing up to ${options.fts5Queries} queries`);
    const fts5Args: Fts5Args = {
      corpusFile,
      tmpDir: TMP,
      queries: queries.slice(0, options.fts5Queries),
      budgetMs: options.fts5BudgetMs,
    };
    fts5 = await child<Fts5Result>("fts5", fts5Args);
  }
  return { size, label, seed: options.seed, ours: { build, serve }, fts5, measured: machine() };
}

/** The real daily listings the import and digest parts read; a clear error when they are absent. */
function dailyListings(): string {
  const file = path.join(arxivDataDir(), "daily_arxiv_listings.jsonl.gz");
  if (!fs.existsSync(file))
    throw new Error(`bench: no daily listings at ${file} (set PAPERFEED_SHARED_DIR to the shared folder)`);
  return file;
}

async function main() {
  const sections: Array<{ key: string; body: string }> = [];
  const print = (key: string, body: string) => {
    console.log(`\n${body}\n`);
    sections.push({ key, body });
  };
  if (parts.has("search") || parts.has("fuzz")) {
    log(`corpus model from ${path.relative(REPO_ROOT, arxivDataDir())}`);
    const generator = new CorpusGenerator(await loadCorpusModel());
    for (const size of sizes) {
      const fuzz = parts.has("fuzz") && size === sizes.at(-1) ? options.fuzz : 0;
      const run = await searchBench(generator, size, fuzz);
      fs.writeFileSync(path.join(OUT_DIR, `search-${run.label}.json`), JSON.stringify(run, null, 1));
      print(`search-${run.label}`, searchSection(run));
    }
  }
  if (parts.has("import-index")) {
    const generator = new CorpusGenerator(await loadCorpusModel());
    for (const size of sizes) {
      const label = sizeLabel(size);
      const file = await ensureKaggleFile(generator, String(values["kaggle-dir"]), size, options.seed, (written) => {
        if (written % 200_000 === 0) log(`${label}: generated ${written.toLocaleString("en-US")} Kaggle records`);
      });
      log(`import-index ${label}: ${path.relative(REPO_ROOT, file)}`);
      fs.mkdirSync(TMP, { recursive: true });
      const result = await runImportIndex({ file, records: size, tmpDir: TMP, cli: values.cli });
      print(`import-index-${label}`, importIndexSection(result));
    }
  }
  if (parts.has("healthz-import")) {
    const { runHealthzImport, healthzImportSection } = await import("./healthz-import.js");
    const generator = new CorpusGenerator(await loadCorpusModel());
    const size = Math.max(...sizes, 100_000);
    const file = await ensureKaggleFile(generator, String(values["kaggle-dir"]), size, options.seed);
    fs.mkdirSync(TMP, { recursive: true });
    log(`healthz-import: serve, then 75,000 records of ${path.relative(REPO_ROOT, file)} imported beside it`);
    print("healthz-during-import", healthzImportSection(await runHealthzImport({ file, records: 75_000, tmpDir: TMP })));
  }
  if (parts.has("import")) {
    const file = dailyListings();
    log(`import: ${path.basename(file)}`);
    const result = await child<ImportResult>("import", { file, tmpDir: TMP } satisfies ImportArgs);
    print("import", importSection(result));
  }
  if (parts.has("for-you")) {
    const { forYouSimulation, forYouSection } = await import("./for-you-sim.js");
    fs.mkdirSync(TMP, { recursive: true });
    print("for-you", forYouSection(await forYouSimulation({ file: dailyListings(), tmpDir: TMP, seed: options.seed, log })));
  }
  if (parts.has("digest")) {
    const file = dailyListings();
    const args: DigestArgs = { file, tmpDir: TMP, subscribers: count("subscribers", 1) };
    log(`digest: ${args.subscribers.toLocaleString("en-US")} subscribers`);
    print("digest", digestSection(await child<DigestResult>("digest", args)));
  }
  if (parts.has("http") || parts.has("http-demo")) {
    const { httpCorpusBench, httpDemoBench } = await import("./http/run.js");
    const { httpSection } = await import("./http/report.js");
    const http = {
      connections: count("connections", 1),
      warmupMs: count("warmup", 0) * 1000,
      durationMs: count("seconds", 1) * 1000,
      ...(values.workers === undefined ? {} : { workers: count("workers", 1) }),
      log,
    };
    print("http-demo", httpSection(await httpDemoBench(http), http.connections, http.warmupMs / 1000));
    const generator = new CorpusGenerator(await loadCorpusModel());
    for (const size of parts.has("http") ? sizes : []) {
      const run = await httpCorpusBench(generator, size, options.seed, options.queries, http);
      print(`http-${run.label}`, httpSection(run, http.connections, http.warmupMs / 1000));
    }
  }
  if (!values["no-write"] && sections.length > 0) {
    updateResults(RESULTS_FILE, sections);
    log(`updated ${path.relative(REPO_ROOT, RESULTS_FILE)}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});

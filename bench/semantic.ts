/**
 * `node --import tsx bench/semantic.ts [--size 100k] [--queries 1000] [--fuzz 20000]`: the semantic
 * layer on the bench corpus (bench/corpus-file.ts). One process: the lexical index is built first,
 * then the semantic one, whose build time and added memory (live heap + off-heap, and peak RSS)
 * are what is reported; then hybrid top-10, lexical top-10 and related-papers latencies (wall and
 * CPU) over the bench query set, and hostile strings through hybrid search. Prints JSON.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildSemanticIndex } from "../src/search/semantic/build.js";
import { hybridSearch } from "../src/search/semantic/hybrid-search.js";
import { loadSemanticIndex, saveSemanticIndex } from "../src/search/semantic/persist.js";
import { CorpusGenerator } from "./corpus.js";
import { ensureCorpusFile, parseSize, readCorpusFile } from "./corpus-file.js";
import { loadCorpusModel } from "./corpus/model-cache.js";
import { hostileQueries } from "./fuzz.js";
import { OUT_DIR } from "./paths.js";
import { buildQuerySet, toBaselineText, toSearchRequest } from "./queries.js";
import { buildEngine } from "./search/engine-adapter.js";
import { cpuMsSince, liveBytes, msSince, peakRssBytes, summarize } from "./stats.js";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "100k" },
    queries: { type: "string", default: "1000" },
    fuzz: { type: "string", default: "20000" },
  },
});
const size = parseSize(values.size);
const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(" ");

const generator = new CorpusGenerator(await loadCorpusModel());
const file = await ensureCorpusFile(generator, size, 1, (n) => n % 500_000 === 0 && log(`generated ${n}`));
log(`lexical build (load ${load()})`);
const engine = await buildEngine(readCorpusFile(file));
engine.search({ q: "warm", limit: 1 });
const before = liveBytes();
const rssBefore = process.memoryUsage().rss;
log(`semantic build (load ${load()})`);
const t = process.hrtime.bigint();
const cpu = process.cpuUsage();
const semantic = await buildSemanticIndex(() => readCorpusFile(file), { total: size, onProgress: log });
const buildMs = msSince(t);
const buildCpuMs = cpuMsSince(cpu);
const addedBytes = liveBytes() - before;
const peakRss = peakRssBytes();
const dir = path.join(OUT_DIR, `semantic-${values.size}`);
fs.mkdirSync(dir, { recursive: true });
const s = process.hrtime.bigint();
saveSemanticIndex(semantic, dir, 0);
const saveMs = msSince(s);
const fileBytes = fs.statSync(path.join(dir, "semantic.bin")).size;
const l = process.hrtime.bigint();
const loaded = loadSemanticIndex(dir)!.index;
const loadMs = msSince(l);
log(`queries (load ${load()})`);

const queries = buildQuerySet(generator, { count: Number(values.queries), corpusSeed: 1, corpusSize: size });
const time = (run: (i: number) => unknown) => {
  const wall: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < Math.min(100, queries.length); i++) run(i);
  for (let i = 0; i < queries.length; i++) {
    const start = process.hrtime.bigint();
    const c = process.cpuUsage();
    run(i);
    wall.push(msSince(start));
    cpuTimes.push(cpuMsSince(c));
  }
  return { wall: summarize(wall), cpu: summarize(cpuTimes) };
};
const lexical = time((i) => engine.search(toSearchRequest(queries[i]!)));
const hybrid = time((i) => hybridSearch(engine, loaded, toBaselineText(queries[i]!), 10));
const ids = [...loaded.rowOf.keys()];
const related = time((i) => loaded.related(ids[(i * 7919) % ids.length]!, 10));
log(`fuzz (load ${load()})`);
let exceptions = 0;
const examples: string[] = [];
let fuzzed = 0;
for (const q of hostileQueries(Number(values.fuzz), 1234)) {
  fuzzed++;
  try {
    hybridSearch(engine, loaded, q, 10);
    loaded.search(q, 10);
  } catch (e) {
    exceptions++;
    if (examples.length < 3) examples.push(`${JSON.stringify(q.slice(0, 80))}: ${(e as Error).message}`);
  }
}
const mb = (b: number) => Math.round(b / 2 ** 20);
console.log(
  JSON.stringify(
    {
      papers: engine.size,
      semanticPapers: semantic.size,
      lists: semantic.tree ? semantic.tree.leaves.length / semantic.dim : 0,
      dim: semantic.dim,
      buildMs: Math.round(buildMs),
      buildCpuMs: Math.round(buildCpuMs),
      addedMB: mb(addedBytes),
      rssBeforeMB: mb(rssBefore),
      peakRssMB: mb(peakRss),
      fileMB: mb(fileBytes),
      saveMs: Math.round(saveMs),
      loadMs: Math.round(loadMs),
      lexical,
      hybrid,
      related,
      fuzz: { queries: fuzzed, exceptions, examples },
      load: load(),
    },
    null,
    1,
  ),
);

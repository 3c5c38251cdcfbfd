/**
 * `node --import tsx bench/semantic.ts [--size 100k] [--queries 1000] [--fuzz 20000]`: the semantic
 * layer on the bench corpus (bench/corpus-file.ts). One process: the lexical index is built first,
 * then the semantic one, whose build time and added memory (live heap + off-heap, and peak RSS)
 * are what is reported; then hybrid top-10, lexical top-10 and related-papers latencies (wall and
 * CPU) over the bench query set, and hostile strings through hybrid and semantic search and
 * related papers. Each figure is printed (a JSON line on stdout) as soon as it is measured, so a
 * run stopped early still says what it got; the fuzz prints its count every 1,000 strings.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Paper } from "../src/core/paper.js";
import { relatedPapers, type RelatedRanker } from "../src/search/related.js";
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
/** One figure, at once: `{"figure": name, ...value, "load": "1m 5m 15m", "at": "hh:mm:ss"}`. */
const report = (figure: string, value: object) =>
  console.log(JSON.stringify({ figure, ...value, load: load(), at: new Date().toISOString().slice(11, 19) }));
const mb = (b: number) => Math.round(b / 2 ** 20);

const generator = new CorpusGenerator(await loadCorpusModel());
const file = await ensureCorpusFile(generator, size, 1, (n) => n % 500_000 === 0 && log(`generated ${n}`));
log(`lexical build (load ${load()})`);
const lexicalStart = process.hrtime.bigint();
const engine = await buildEngine(readCorpusFile(file));
engine.search({ q: "warm", limit: 1 });
report("lexical build", { papers: engine.size, ms: Math.round(msSince(lexicalStart)) });
const before = liveBytes();
const rssBefore = process.memoryUsage().rss;
log(`semantic build (load ${load()})`);
const t = process.hrtime.bigint();
const cpu = process.cpuUsage();
const semantic = await buildSemanticIndex(() => readCorpusFile(file), { total: size, onProgress: log });
const listSizes = Array.from({ length: semantic.listStart.length - 1 }, (_, i) => semantic.listStart[i + 1]! - semantic.listStart[i]!).sort((a, b) => a - b);
report("semantic build", {
  papers: semantic.size,
  lists: semantic.tree ? semantic.tree.leaves.length / semantic.dim : 0,
  listSize: { min: listSizes[0] ?? 0, p50: listSizes[listSizes.length >> 1] ?? 0, max: listSizes.at(-1) ?? 0 },
  dim: semantic.dim,
  ms: Math.round(msSince(t)),
  cpuMs: Math.round(cpuMsSince(cpu)),
  addedMB: mb(liveBytes() - before),
  rssBeforeMB: mb(rssBefore),
  peakRssMB: mb(peakRssBytes()),
});
const dir = path.join(OUT_DIR, `semantic-${values.size}`);
fs.mkdirSync(dir, { recursive: true });
const s = process.hrtime.bigint();
saveSemanticIndex(semantic, dir, 0);
const saveMs = msSince(s);
const l = process.hrtime.bigint();
const loaded = loadSemanticIndex(dir)!.index;
report("semantic file", { saveMs: Math.round(saveMs), loadMs: Math.round(msSince(l)), fileMB: mb(fs.statSync(path.join(dir, "semantic.bin")).size) });
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
report("lexical top-10", time((i) => engine.search(toSearchRequest(queries[i]!))));
report("hybrid top-10", time((i) => hybridSearch(engine, loaded, toBaselineText(queries[i]!), 10)));
const ids = [...loaded.rowOf.keys()];
report("semantic related top-10", time((i) => loaded.related(ids[(i * 7919) % ids.length]!, 10)));
// Related papers as a paper page asks for them with the semantic index present: lexical and
// semantic neighbours fused (src/search/related.ts), for papers of the corpus.
const sample: Paper[] = [];
let seen = 0;
for await (const batch of readCorpusFile(file)) {
  for (const paper of batch) if (seen++ % 97 === 0 && sample.length < queries.length) sample.push(paper);
  if (sample.length >= queries.length) break;
}
const semanticRanker: RelatedRanker = (query, limit) => loaded.related(query.id, limit).map((h) => ({ id: h.id, score: h.score, parts: { semantic: h.score } }));
report("related top-10, lexical + semantic", time((i) => relatedPapers(engine, sample[i % sample.length]!, { limit: 10, semantic: semanticRanker })));
log(`fuzz (load ${load()})`);
let exceptions = 0;
const examples: string[] = [];
let fuzzed = 0;
const fuzzStart = process.hrtime.bigint();
const fuzzCount = Number(values.fuzz);
const fuzzSummary = () => ({ strings: fuzzed, of: fuzzCount, exceptions, examples, ms: Math.round(msSince(fuzzStart)) });
for (const q of hostileQueries(fuzzCount, 1234)) {
  fuzzed++;
  try {
    hybridSearch(engine, loaded, q, 10);
    loaded.search(q, 10);
    relatedPapers(engine, { id: q.slice(0, 20), title: q.slice(0, 200), abstract: q }, { limit: 10, semantic: semanticRanker });
  } catch (e) {
    exceptions++;
    if (examples.length < 3) examples.push(`${JSON.stringify(q.slice(0, 80))}: ${(e as Error).message}`);
  }
  if (fuzzed % 1000 === 0 && fuzzed < fuzzCount) report("fuzz so far", fuzzSummary());
}
report("fuzz", fuzzSummary());

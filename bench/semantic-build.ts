/**
 * `node --expose-gc --import tsx bench/semantic-build.ts [--size 2.6M]`: the semantic index built
 * alone over the bench corpus (bench/corpus-file.ts), in a process that holds nothing else, as
 * `serve` builds it beside a loaded lexical index. Prints the resident memory before the build,
 * the peak of each phase (Linux: the peak is read from /proc/self/status and reset at every
 * progress line by writing 5 to /proc/self/clear_refs), the peak over the whole build, what is
 * left after a garbage collection, and wall and CPU time. The target is "≤ 1 GB more" at 2.6M:
 * the peak minus the memory before.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { buildSemanticIndex } from "../src/search/semantic/build.js";
import { CorpusGenerator } from "./corpus.js";
import { ensureCorpusFile, parseSize, readCorpusFile } from "./corpus-file.js";
import { loadCorpusModel } from "./corpus/model-cache.js";
import { cpuMsSince, msSince } from "./stats.js";

const { values } = parseArgs({ options: { size: { type: "string", default: "100k" } } });
const size = parseSize(values.size);
const file = await ensureCorpusFile(new CorpusGenerator(await loadCorpusModel()), size, 1, () => {});

const mib = (kib: number) => Math.round(kib / 1024);
/** Resident now and the peak since the last reset, in MiB. */
function resident(): { now: number; peak: number } {
  const status = fs.readFileSync("/proc/self/status", "utf8");
  const kib = (key: string) => Number(/(\d+)/.exec(status.slice(status.indexOf(`${key}:`)))?.[1] ?? 0);
  return { now: mib(kib("VmRSS")), peak: mib(kib("VmHWM")) };
}
const resetPeak = () => fs.writeFileSync("/proc/self/clear_refs", "5");
const collect = () => (globalThis as { gc?: () => void }).gc?.();

collect();
const before = resident().now;
let peak = before;
resetPeak();
console.log(`resident before the build: ${before} MiB`);
const started = process.hrtime.bigint();
const cpu = process.cpuUsage();
/** The phase that just ended: its peak, and what is resident as the next begins. */
function phaseEnded(message: string): void {
  const r = resident();
  peak = Math.max(peak, r.peak);
  console.log(`${(msSince(started) / 1000).toFixed(0).padStart(4)} s  peak ${r.peak} MiB (+${r.peak - before}), now ${r.now} MiB  | ${message}`);
  resetPeak();
}
const index = await buildSemanticIndex(() => readCorpusFile(file), { total: size, onProgress: phaseEnded });
phaseEnded("lists made");
const wall = msSince(started) / 1000;
const cpuSeconds = cpuMsSince(cpu) / 1000;
collect();
const { heapUsed, arrayBuffers } = process.memoryUsage();
console.log(
  `${index.size} papers: ${(wall / 60).toFixed(1)} min wall, ${(cpuSeconds / 60).toFixed(1)} min CPU; ` +
    `peak ${peak} MiB, +${peak - before} MiB (${(((peak - before) * 2 ** 20) / 1e9).toFixed(2)} GB) over the ${before} MiB before; ` +
    `after a collection ${resident().now} MiB resident (heap ${Math.round(heapUsed / 2 ** 20)} MiB used, buffers ${Math.round(arrayBuffers / 2 ** 20)} MiB)`,
);

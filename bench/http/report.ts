/** The HTTP bench's section of bench/RESULTS.md: one table per data set, targets marked pass/FAIL. */
import { machine } from "../report.js";
import type { HttpRun, ScenarioResult } from "./run.js";

const ms = (x: number) => (x >= 100 ? `${Math.round(x)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`);
const int = (x: number) => Math.round(x).toLocaleString("en-US");
const kb = (b: number) => (b >= 1024 ? `${(b / 1024).toFixed(1)} KB` : `${Math.round(b)} B`);

function verdict(s: ScenarioResult): string {
  if (!s.target) return "";
  const rate = s.requests / s.seconds;
  const ok = rate >= s.target.reqPerSec && s.p99 <= s.target.p99Ms && s.errors === 0;
  return `≥ ${int(s.target.reqPerSec)} req/s, p99 ≤ ${s.target.p99Ms} ms, 0 errors ${ok ? "**pass**" : "**FAIL**"}`;
}

function row(s: ScenarioResult): string {
  const errors = s.errors === 0 ? "0" : `${int(s.errors)} (${Object.entries(s.errorKinds).map(([k, n]) => `${k} × ${n}`).join(", ")})`;
  return `| ${s.name} | ${int(s.requests / s.seconds)} | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.max)} | ${errors} | ${kb(s.bodyBytes)} | ${s.serverCpuMsPerRequest.toFixed(2)} ms | ${s.serverFaultsPerRequest.toFixed(1)} | ${s.loadCpuMsPerRequest.toFixed(2)} ms | ${s.loadAverage.toFixed(1)} | ${verdict(s)} |`;
}

export function httpSection(run: HttpRun, connections: number, warmupSeconds: number): string {
  const data =
    run.label === "demo"
      ? `the demo papers (${int(run.papers)}), each request kind timed after ${warmupSeconds} s of warm-up`
      : `${int(run.papers)} papers of the search bench's corpus, the search bench's ${int(run.queries ?? 0)}-query mix replayed (each request the next query, and its URL made unique so that no cache of whole answers helps), after ${warmupSeconds} s of warm-up on another query set's queries`;
  return [
    `### HTTP under load, ${run.label === "demo" ? "demo data" : `${run.label} papers`}`,
    "",
    `${machine()} · \`npm run bench -- --parts http\` (bench/http/): \`serve\` with ${run.workers} web process${run.workers === 1 ? "" : "es"}, ${connections} keep-alive connections from another process, ${data}.`,
    "",
    "The warm-up lets each web process reach its steady state: in its first seconds V8 is still compiling hot code, which at 1M papers made a request cost up to 1.6 times the CPU (`/api/v1/search` 3.97 ms a request timed 3 s after start, 2.48 ms after 30 s of other queries). Server CPU is the CPU time of all `serve` processes divided by the requests answered: on a shared machine it is the figure to compare, as req/s and latency fall when other work takes the cores. Server page faults are the minor faults of all `serve` processes per request: on a virtual machine where a first touch of memory costs 15–20 µs they are a visible part of the CPU. The load generator's CPU per request is what it takes from the same two cores. The load average is the one-minute figure when each row ended. Each connection sends its next request when its answer is in, so the mean latency is the connections divided by req/s (at 50 connections and 500 req/s, 100 ms), and a p99 of 100 ms asks for well over the rate at which the mean is 100 ms.",
    "",
    "| request | req/s | p50 | p99 | max | errors | bytes/answer | server CPU/request | server page faults/request | load generator CPU/request | load | target |",
    "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ...run.scenarios.map(row),
  ].join("\n");
}

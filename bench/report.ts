/**
 * Turns benchmark results into tables (Markdown, which also reads well in a terminal) with the
 * targets marked pass/fail, and keeps bench/RESULTS.md: one section per part and size, replaced
 * when that part and size run again, left alone otherwise.
 */
import fs from "node:fs";
import os from "node:os";
import type { ImportResult } from "./import.js";
import type { ImportIndexResult } from "./import-index.js";
import type { Fts5Result } from "./search/fts5.js";
import type { FuzzResult } from "./search/fuzz-run.js";
import type { RelatedTimings } from "./search/ours.js";
import type { OursBuildResult, OursServeResult } from "./search/ours.js";
import { QUERY_KINDS } from "./queries.js";
import type { LatencySummary } from "./stats.js";

export interface SearchRun {
  size: number;
  label: string;
  seed: number;
  ours: { build: OursBuildResult; serve: OursServeResult };
  fts5: Fts5Result | null;
  /** Date and machine line taken when the run ended (`machine()`); default: now. */
  measured?: string;
}

/** Targets at the full arXiv size (2.6M); smaller runs show them for orientation only. */
export const TARGETS = {
  p99Ms: 10,
  speedup: 100,
  buildMs: 5 * 60_000,
  indexBytes: 1024 ** 3,
  coldStartMs: 3_000,
};
export const TARGET_SIZE = 2_600_000;

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const ram = (os.totalmem() / 1024 ** 3).toFixed(0);
  // The load average shows how much else ran: on a shared machine it explains slow latencies.
  const load = os.loadavg()[0]!.toFixed(1);
  const day = new Date().toISOString().slice(0, 10);
  return `${day} · ${cpu}, ${os.cpus().length} cores, ${ram} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}; load average ${load} at the end of the run`;
}

const n = (x: number) => Math.round(x).toLocaleString("en-US");
export const bytes = (b: number | null) =>
  b === null
    ? "–"
    : b >= 1024 ** 3
      ? `${(b / 1024 ** 3).toFixed(2)} GiB`
      : `${(b / 1024 ** 2).toFixed(0)} MiB`;
export const ms = (x: number | null | undefined) =>
  x === null || x === undefined || Number.isNaN(x)
    ? "–"
    : x >= 60_000
      ? `${(x / 60_000).toFixed(1)} min`
      : x >= 1_000
        ? `${(x / 1000).toFixed(2)} s`
        : x >= 10
          ? `${x.toFixed(0)} ms`
          : `${x.toFixed(2)} ms`;
function ratio(slow: number | undefined, fast: number): string {
  if (slow === undefined || !fast) return "–";
  const r = slow / fast;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(r >= 1 ? 1 : 2)}×`;
}
const verdict = (ok: boolean | null) => (ok === null ? "n/a" : ok ? "**pass**" : "**FAIL**");

function row(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

function table(header: string[], rows: string[][]): string[] {
  return [row(header), row(header.map(() => "---")), ...rows.map(row)];
}

type Target = (text: string, ok: boolean | null) => string;

/** p50/p95/p99 rows of paperfeed against FTS5, with the latency targets. */
function latencyRows(suffix: string, ours: LatencySummary, base: LatencySummary | undefined, target: Target) {
  const faster = (p: "p50" | "p99") => (base ? base[p] / ours[p] >= TARGETS.speedup : null);
  return [
    [
      `top-10 p50${suffix}`,
      ms(ours.p50),
      ms(base?.p50),
      ratio(base?.p50, ours.p50),
      target("≥ 100× FTS5", faster("p50")),
    ],
    [`top-10 p95${suffix}`, ms(ours.p95), ms(base?.p95), ratio(base?.p95, ours.p95), ""],
    [
      `top-10 p99${suffix}`,
      ms(ours.p99),
      ms(base?.p99),
      ratio(base?.p99, ours.p99),
      `${target("≤ 10 ms", ours.p99 <= TARGETS.p99Ms)}; ${target("≥ 100× FTS5", faster("p99"))}`,
    ],
  ];
}

/** Markdown for one search run. */
export function searchSection(run: SearchRun): string {
  const { build, serve } = run.ours;
  const f = run.fts5;
  const ours = serve.queries.comparable;
  const base = f?.queries.comparable;
  const atTarget = run.size >= TARGET_SIZE;
  const target: Target = (text, ok) => `${text} ${atTarget ? verdict(ok) : ""}`.trim();
  const index = Math.max(build.memoryBytes, build.diskBytes);
  const rows = [
    [
      "build",
      ms(build.buildMs),
      ms(f?.buildMs),
      ratio(f?.buildMs, build.buildMs),
      target("≤ 5 min", build.buildMs <= TARGETS.buildMs),
    ],
    [
      "build, CPU time",
      ms(build.buildCpuMs),
      ms(f?.buildCpuMs),
      f?.buildCpuMs && build.buildCpuMs ? ratio(f.buildCpuMs, build.buildCpuMs) : "–",
      // Both cores' time added up: a figure for a loaded machine, not the target's measure.
      "all cores, for comparison",
    ],
    [
      "index in memory",
      bytes(build.memoryBytes),
      "–",
      "",
      target("≤ 1 GiB (memory and disk)", index <= TARGETS.indexBytes),
    ],
    ["index on disk", bytes(build.diskBytes), bytes(f?.diskBytes ?? null), "", ""],
    ["peak RSS, build", bytes(build.peakRssBytes), bytes(f?.peakRssBytes ?? null), "", ""],
    ["peak RSS, serving", bytes(serve.peakRssBytes), "", "", ""],
    [
      "cold start (load from disk)",
      ms(serve.coldStartMs),
      "",
      "",
      target("≤ 3 s", serve.coldStartMs <= TARGETS.coldStartMs),
    ],
    ...(serve.verifyMs !== undefined
      ? [["checksums verified in the background after", ms(serve.verifyMs), "", "", ""]]
      : []),
    ...latencyRows("", ours, base, target),
    ...latencyRows(", CPU time", serve.queries.cpu.comparable, f?.queries.cpu.comparable, target),
    ["QPS (one thread)", n(ours.qps), base ? n(base.qps) : "–", ratio(ours.qps, base?.qps ?? 0), ""],
  ];
  const lines = [
    `### Search, ${run.label} papers`,
    "",
    `${run.measured ?? machine()} · corpus seed ${run.seed}, ${n(build.papers)} papers` +
      (f ? `; FTS5 timed ${n(f.queries.ran)} queries` : "; FTS5 not run"),
    "",
    `Latencies are over the plain-word queries (${n(ours.count)} for paperfeed), which both engines understand alike; ` +
      "all kinds are listed below. Wall time counts waiting for a core when other work runs; CPU time does not, but it " +
      "counts every thread of the process, so it includes V8 compiling hot code and collecting garbage on another core." +
      (atTarget ? "" : " Targets apply at 2.6M papers."),
    "",
    ...table(["", "paperfeed", "FTS5 (bm25)", "ratio", "target"], rows),
    "",
    ...kindTable(serve.queries.byKind, f?.queries.byKind),
  ];
  if (serve.related) lines.push("", relatedLine(serve.related));
  if (serve.fuzz) lines.push("", fuzzLine(serve.fuzz));
  return lines.join("\n");
}

function kindTable(
  ours: Record<string, LatencySummary>,
  base: Record<string, LatencySummary> | undefined,
): string[] {
  const kinds = QUERY_KINDS.filter((kind) => ours[kind]);
  const rows = kinds.map((kind) => {
    const s = ours[kind]!;
    const b = base?.[kind];
    return [kind, n(s.count), ms(s.p50), ms(s.p99), ms(s.max), b ? ms(b.p50) : "–", b ? ms(b.p99) : "–"];
  });
  return table(["query kind", "queries", "p50", "p99", "max", "FTS5 p50", "FTS5 p99"], rows);
}

/** Related papers (target p99 ≤ 20 ms at 2.6M). */
export function relatedLine(r: RelatedTimings): string {
  return (
    `Related papers (title + abstract as the query, top 10, ${n(r.wall.count)} papers of the corpus): ` +
    `wall p50 ${ms(r.wall.p50)}, p99 ${ms(r.wall.p99)}, max ${ms(r.wall.max)}; CPU p50 ${ms(r.cpu.p50)}, p99 ${ms(r.cpu.p99)}; ` +
    `${r.meanHits.toFixed(1)} hits on average (target p99 ≤ 20 ms at 2.6M).`
  );
}

export function fuzzLine(fuzz: FuzzResult): string {
  const head =
    `Fuzz: ${n(fuzz.queries)} random and hostile query strings, ${n(fuzz.exceptions)} exceptions ${verdict(fuzz.exceptions === 0)}, ` +
    `max latency ${ms(fuzz.maxMs)} (query ${fuzz.slowest}), total ${ms(fuzz.totalMs)}` +
    (fuzz.wallMs !== undefined ? ` (${ms(fuzz.wallMs)} of wall time in processes side by side)` : "") +
    (fuzz.over10ms !== undefined ? `; ${n(fuzz.over10ms)} strings took over 10 ms, ${n(fuzz.over100ms ?? 0)} over 100 ms.` : ".");
  return [head, ...fuzz.examples.map((e) => `- ${e.query}: ${e.error}`)].join("\n");
}

export function importSection(result: ImportResult): string {
  return [
    "### Import",
    "",
    machine(),
    "",
    ...table(
      ["file", "records", "imported", "issues", "time", "records/s", "database", "peak RSS"],
      [
        [
          result.file,
          n(result.records),
          n(result.imported),
          n(result.issues),
          ms(result.seconds * 1000),
          n(result.recordsPerSecond),
          bytes(result.dbBytes),
          bytes(result.peakRssBytes),
        ],
      ],
    ),
  ].join("\n");
}

/** Import + index of a whole snapshot: ≤ 5 min and ≤ 6 GB peak RSS at 2.6M records. */
export const IMPORT_INDEX_TARGETS = { seconds: 5 * 60, peakRssBytes: 6e9 };

export function importIndexSection(result: ImportIndexResult): string {
  const full = result.records >= TARGET_SIZE;
  const total = result.phases.reduce((sum, p) => sum + p.seconds, 0);
  const cpu = result.phases.reduce((sum, p) => sum + p.cpuSeconds, 0);
  const peak = Math.max(...result.phases.map((p) => p.peakRssBytes));
  const target = (ok: boolean, text: string) => (full ? `${text} ${verdict(ok)}` : text);
  const rows = result.phases.map((p) => [
    p.name,
    ms(p.seconds * 1000),
    n(result.records / p.seconds),
    ms(p.cpuSeconds * 1000),
    bytes(p.peakRssBytes),
    "",
  ]);
  rows.push([
    "**total**",
    ms(total * 1000),
    n(result.records / total),
    ms(cpu * 1000),
    bytes(peak),
    target(total <= IMPORT_INDEX_TARGETS.seconds && peak <= IMPORT_INDEX_TARGETS.peakRssBytes, "≤ 5 min, ≤ 6 GB"),
  ]);
  return [
    `### Import + index, ${n(result.records)} Kaggle records`,
    "",
    `${machine()}; load average after each phase: ${result.loadAverages.map((l) => l.toFixed(1)).join(", ")}`,
    "",
    `\`paperfeed import ${result.file}\` (${bytes(result.fileBytes)}) into a fresh SQLite file, then \`paperfeed search\` opening the index as \`serve\` does; each in its own process. Database ${bytes(result.dbBytes)}, index ${bytes(result.indexBytes)}.`,
    "",
    ...table(["phase", "wall time", "records/s", "CPU time", "peak RSS", "target"], rows),
  ].join("\n");
}

const HEADER = `# Benchmark results

Written by \`npm run bench\` (see bench/README.md). Each section is replaced when its part and size run again; what a section holds between \`<!-- notes -->\` and \`<!-- /notes -->\` (written by hand: how to read the figures, what changed) is kept, after the new figures.
`;

const NOTES = /<!-- notes -->[\s\S]*?<!-- \/notes -->/g;

/** Replaces (or adds) the sections named by key in RESULTS.md, keeping the others and each replaced section's notes. */
export function updateResults(file: string, sections: Array<{ key: string; body: string }>): void {
  let text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : HEADER;
  for (const { key, body } of sections) {
    const pattern = new RegExp(`<!-- ${key} -->[\\s\\S]*?<!-- /${key} -->`);
    const notes = pattern.exec(text)?.[0].match(NOTES) ?? [];
    const block = [`<!-- ${key} -->`, body, ...notes.map((n) => `\n${n}`), `<!-- /${key} -->`].join("\n");
    text = pattern.test(text) ? text.replace(pattern, () => block) : `${text.trimEnd()}\n\n${block}\n`;
  }
  fs.writeFileSync(file, text.endsWith("\n") ? text : `${text}\n`);
}

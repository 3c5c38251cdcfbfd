/**
 * Responsiveness during an import: `serve` on the demo papers, then `paperfeed import` of N
 * Kaggle records into the same SQLite file from another process (as an operator loading a
 * snapshot into a running instance does), `/healthz` asked every 50 ms meanwhile and for a few
 * seconds after, so the live index's catch-up (flushes, merges) is measured too. Each process is
 * the real CLI; nothing runs in this one but the probes.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import { createInterface } from "node:readline";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { cliEnv, REPO_ROOT } from "./paths.js";
import { machine } from "./report.js";
import { percentile } from "./stats.js";

export interface HealthzImportArgs {
  /** A Kaggle-format file; its first `records` lines are imported. */
  file: string;
  records: number;
  /** Directory for the database and index; a fresh subfolder is made and removed. */
  tmpDir: string;
}

export interface HealthzImportResult {
  records: number;
  importSeconds: number;
  importExit: number | null;
  importSummary: string;
  probes: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Probes that failed or took over a second. */
  slow: number;
  papersAfter: number;
}

const BIN = path.join(REPO_ROOT, "bin", "paperfeed.js");
const PROBE_EVERY_MS = 50;
const AFTER_IMPORT_MS = 5000;

function startServe(db: string): Promise<{ child: ChildProcess; url: string }> {
  const offline = ["--arxiv-oai-url", "http://127.0.0.1:9/oai", "--arxiv-api-url", "off", "--github-api-url", "http://127.0.0.1:9", "--no-thumbnails"];
  const child = spawn(process.execPath, [BIN, "serve", "--db", db, "--port", "0", "--workers", "1", ...offline], {
    cwd: REPO_ROOT,
    env: cliEnv(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.stderr!.on("data", (chunk: Buffer) => (out += chunk));
    child.on("exit", () => reject(new Error(`bench: serve exited before listening:\n${out.slice(-2000)}`)));
  });
}

/** Copies the first `count` lines of `from` (files of several GB: streamed). */
async function firstLines(from: string, count: number, to: string) {
  const out = fs.createWriteStream(to);
  let n = 0;
  for await (const line of createInterface({ input: fs.createReadStream(from), crlfDelay: Infinity })) {
    if (n++ >= count) break;
    if (!out.write(`${line}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

async function probe(url: string): Promise<number> {
  const started = performance.now();
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(60_000) });
    await res.arrayBuffer();
    return res.ok ? performance.now() - started : Infinity;
  } catch {
    return Infinity;
  }
}

export async function runHealthzImport(args: HealthzImportArgs): Promise<HealthzImportResult> {
  const dir = fs.mkdtempSync(path.join(args.tmpDir, "healthz-import-"));
  const db = path.join(dir, "papers.db");
  const slice = path.join(dir, `kaggle-first-${args.records}.json`);
  try {
    await firstLines(args.file, args.records, slice);
    const serve = await startServe(db);
    try {
      const latencies: number[] = [];
      let importing = true;
      const probing = (async () => {
        let until = Infinity;
        while (performance.now() < until) {
          latencies.push(await probe(serve.url));
          if (!importing && until === Infinity) until = performance.now() + AFTER_IMPORT_MS;
          await sleep(PROBE_EVERY_MS);
        }
      })();
      const started = performance.now();
      let importOut = "";
      const importExit = await new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [BIN, "import", slice, "--db", db], { cwd: REPO_ROOT, env: cliEnv(), stdio: ["ignore", "pipe", "pipe"] });
        child.stdout.on("data", (chunk: Buffer) => (importOut += chunk));
        child.on("exit", resolve);
      });
      const importSeconds = (performance.now() - started) / 1000;
      importing = false;
      await probing;
      const health = (await (await fetch(`${serve.url}/healthz`)).json()) as { papers: number };
      const finite = latencies.filter(Number.isFinite).sort((a, b) => a - b);
      return {
        records: args.records,
        importSeconds,
        importExit,
        importSummary: importOut.trim().split("\n").at(-1) ?? "",
        probes: latencies.length,
        p50Ms: percentile(finite, 50),
        p99Ms: percentile(latencies.map((l) => (Number.isFinite(l) ? l : 60_000)).sort((a, b) => a - b), 99),
        maxMs: Math.max(...latencies.map((l) => (Number.isFinite(l) ? l : 60_000))),
        slow: latencies.filter((l) => !(l <= 1000)).length,
        papersAfter: health.papers,
      };
    } finally {
      serve.child.kill("SIGTERM");
      await new Promise((resolve) => serve.child.once("exit", resolve));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`);
const verdict = (x: number) => (x <= 100 ? "≤ 100 ms **pass**" : "≤ 100 ms **FAIL**");

/** The RESULTS.md section. */
export function healthzImportSection(r: HealthzImportResult): string {
  return [
    "### `/healthz` while a 75k-record import runs",
    "",
    "Run as `npm run bench -- --parts healthz-import`: `serve` on the demo papers (one web process), then `paperfeed import` of the first 75,000 records of the bench's generated Kaggle file (corpus seed 1) into the same SQLite file from another process, `/healthz` asked every 50 ms meanwhile and for 5 s after (so the live index's catch-up is inside the window).",
    "",
    `${machine()} · commit ${commit()}`,
    "",
    "|  | figure | target |",
    "| --- | --- | --- |",
    `| import, ${r.records.toLocaleString("en-US")} records | ${r.importSeconds.toFixed(1)} s, exit ${r.importExit}: ${r.importSummary} | |`,
    `| \`/healthz\` p50 (${r.probes} probes) | ${ms(r.p50Ms)} | |`,
    `| \`/healthz\` p99 | ${ms(r.p99Ms)} | ${verdict(r.p99Ms)} |`,
    `| \`/healthz\` max | ${ms(r.maxMs)} | |`,
    `| probes failed or over 1 s | ${r.slow} | 0 |`,
    `| papers searchable 5 s after | ${r.papersAfter.toLocaleString("en-US")} | all |`,
  ].join("\n");
}

function commit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO_ROOT, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

/**
 * Import + index benchmark: what a new instance over all of arXiv goes through. A Kaggle-format
 * file of N generated papers (kaggle-file.ts) is imported into a fresh SQLite file with
 * `paperfeed import`, then `paperfeed search` opens the search index as `serve` does at start
 * (loading it when the import left a current one, else building it from the store), each
 * command in a process of its own, as a user runs them. Each phase is timed by wall clock, and
 * its peak RSS and CPU time come from `/usr/bin/time` (so worker threads count too).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { cliEnv, REPO_ROOT } from "./paths.js";

export interface PhaseResult {
  name: string;
  seconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
  /** The command's last lines of output (the import summary, the index note). */
  output: string;
}

export interface ImportIndexResult {
  file: string;
  fileBytes: number;
  records: number;
  phases: PhaseResult[];
  /** Load average over the last minute when each phase ended. */
  loadAverages: number[];
  dbBytes: number;
  indexBytes: number;
}

export interface ImportIndexArgs {
  file: string;
  records: number;
  /** Directory for the database and index; a fresh subfolder is made and removed. */
  tmpDir: string;
  /** bin/paperfeed.js of the checkout to measure; default this one's. */
  cli?: string;
}

/** Runs one CLI command under /usr/bin/time; resolves with its timing and memory. */
async function timed(name: string, cli: string, args: string[], env: NodeJS.ProcessEnv): Promise<PhaseResult> {
  const timeFile = path.join(os.tmpdir(), `paperfeed-bench-time-${process.pid}-${name}`);
  const started = performance.now();
  let output = "";
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn("/usr/bin/time", ["-o", timeFile, "-f", "%M %U %S", process.execPath, cli, ...args], {
      cwd: REPO_ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const keep = (chunk: Buffer) => {
      process.stderr.write(chunk);
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("exit", resolve);
  });
  const seconds = (performance.now() - started) / 1000;
  const timing = fs.readFileSync(timeFile, "utf8").trim().split("\n").at(-1)!.split(" ").map(Number);
  fs.rmSync(timeFile, { force: true });
  if (code !== 0) throw new Error(`bench: paperfeed ${args[0]} exited with ${code}\n${output}`);
  const [maxRssKb = 0, user = 0, system = 0] = timing;
  const lines = output.split(/\r|\n/).filter((l) => l.trim() && !l.includes("█") && !l.includes("░"));
  return { name, seconds, cpuSeconds: user + system, peakRssBytes: maxRssKb * 1024, output: lines.slice(-3).join("\n") };
}

function dirBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(full) : fs.statSync(full).size;
  }
  return total;
}

export async function runImportIndex(args: ImportIndexArgs): Promise<ImportIndexResult> {
  const cli = args.cli ?? path.join(REPO_ROOT, "bin", "paperfeed.js");
  const dir = fs.mkdtempSync(path.join(args.tmpDir, "paperfeed-import-index-"));
  const db = path.join(dir, "bench.db");
  const common = ["--db", db, "--index-dir", `${db}.index`, "--log-level", "info"];
  const env = cliEnv();
  try {
    const phases: PhaseResult[] = [];
    const loadAverages: number[] = [];
    phases.push(await timed("import", cli, ["import", args.file, ...common], env));
    loadAverages.push(os.loadavg()[0]!);
    phases.push(await timed("index", cli, ["search", "quantum", ...common], env));
    loadAverages.push(os.loadavg()[0]!);
    return {
      file: path.basename(args.file),
      fileBytes: fs.statSync(args.file).size,
      records: args.records,
      phases,
      loadAverages,
      dbBytes: fs.statSync(db).size,
      indexBytes: dirBytes(`${db}.index`),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

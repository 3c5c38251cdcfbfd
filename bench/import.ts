/**
 * Import benchmark (child-process task): the daily listings file (74,728 records) into a fresh
 * SQLite database through `importFiles`, as `paperfeed import` does it.
 */
import fs from "node:fs";
import path from "node:path";
import { importFiles } from "../src/ingest/import.js";
import { openStore } from "../src/store/open.js";
import { peakRssBytes } from "./stats.js";

export interface ImportArgs {
  file: string;
  /** Directory for the database; removed afterwards. */
  tmpDir: string;
}

export interface ImportResult {
  file: string;
  records: number;
  imported: number;
  issues: number;
  seconds: number;
  recordsPerSecond: number;
  dbBytes: number;
  peakRssBytes: number;
}

export async function runImport(args: ImportArgs): Promise<ImportResult> {
  const dir = fs.mkdtempSync(path.join(args.tmpDir, "paperfeed-import-bench-"));
  const dbPath = path.join(dir, "bench.db");
  try {
    const store = await openStore({ path: dbPath });
    const started = performance.now();
    const summary = await importFiles(store, [args.file]);
    const seconds = (performance.now() - started) / 1000;
    await store.close();
    return {
      file: path.basename(args.file),
      records: summary.read,
      imported: summary.imported,
      issues: summary.issueCount,
      seconds,
      recordsPerSecond: summary.read / seconds,
      dbBytes: fs.statSync(dbPath).size,
      peakRssBytes: peakRssBytes(),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
